import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStream, once, type StreamClient, type TestServer } from '../support/server';
import { serverPerSuite } from '../support/suite-server';

/**
 * A screen's upgrade is answered in one write (server/realtime/held-writes.ts): the 101 with
 * engine.io's open packet, not a write(2) and a TCP segment each; then Socket.IO's connect
 * acknowledgement and the snapshot. A refused upgrade still gets its answer.
 */
let server: TestServer;
const sockets = serverPerSuite<StreamClient>((s) => (server = s));

/** What the kernel is asked to write on each connection the server accepts, one string per write(2). */
const writes: string[][] = [];
const text = (chunk: unknown) => (Buffer.isBuffer(chunk) ? chunk.toString('latin1') : String(chunk));
function recordWrites(tcp: Socket): void {
  const mine: string[] = [];
  writes.push(mine);
  const s = tcp as Socket & { _write: (chunk: unknown, ...a: unknown[]) => void; _writev?: (chunks: { chunk: unknown }[], ...a: unknown[]) => void };
  const write = s._write;
  s._write = function (chunk, ...a) {
    mine.push(text(chunk));
    return write.call(this, chunk, ...a);
  };
  const writev = s._writev;
  if (writev)
    s._writev = function (chunks, ...a) {
      mine.push(chunks.map((c) => text(c.chunk)).join(''));
      return writev.call(this, chunks, ...a);
    };
}
beforeAll(() => void server.http.on('connection', recordWrites));
afterAll(() => void server.http.off('connection', recordWrites));

describe('a screen connecting', () => {
  it('gets the 101 and the open packet in one write, then the acknowledgement and its snapshot', async () => {
    for (const lastSeq of [undefined, 0]) {
      writes.length = 0;
      const s = connectStream(server.url, lastSeq === undefined ? { branch: 'demo' } : { branch: 'demo', lastSeq });
      sockets.push(s);
      await once(s, lastSeq === undefined ? 'snapshot' : 'catchup', 15_000);
      expect(writes).toHaveLength(1);
      const [first, ...rest] = writes[0]!;
      expect(first).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n[^]*\r\n\r\n..0\{"sid":/);
      expect(rest.some((w) => w.includes('40{"sid":'))).toBe(true);
      expect(rest.some((w) => w.includes(lastSeq === undefined ? '42["snapshot"' : '42["catchup"'))).toBe(true);
    }
  });

  it('a refused upgrade still gets its 400 before the connection is cut', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const c = connect(server.port, '127.0.0.1', () => {
        c.write(`GET /socket.io/?EIO=4&transport=carrier-pigeon HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${Buffer.from('0123456789abcdef').toString('base64')}\r\n\r\n`);
      });
      c.on('data', (d) => (text += d));
      c.on('close', () => resolve(text));
      c.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(answer).toContain('Transport unknown');
  });

  it('still gets its refusal when turned away', async () => {
    const s = connectStream(server.url, { branch: 'no-such-branch' });
    sockets.push(s);
    expect((await once(s, 'refused', 15_000)).code).toBe('unknown_branch');
  });
});
