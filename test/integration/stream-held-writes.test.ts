import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStream, once, type StreamClient, type TestServer } from '../support/server';
import { serverPerSuite } from '../support/suite-server';

/**
 * A screen's upgrade is answered in one write (server/realtime/held-writes.ts): the 101 with
 * engine.io's open packet, not a write(2) and a TCP segment each. Then Socket.IO's connect
 * acknowledgement and the snapshot: three writes in all (four before).
 */
let server: TestServer;
const sockets = serverPerSuite<StreamClient>((s) => (server = s));

/** Counts the writes the kernel is asked for on each connection the server accepts. */
const writes: number[] = [];
function countWrites(tcp: Socket): void {
  const i = writes.push(0) - 1;
  const s = tcp as Socket & { _write: (...a: unknown[]) => void; _writev?: (...a: unknown[]) => void };
  const write = s._write;
  s._write = function (...a) {
    writes[i]!++;
    return write.apply(this, a);
  };
  const writev = s._writev;
  if (writev)
    s._writev = function (...a) {
      writes[i]!++;
      return writev.apply(this, a);
    };
}
beforeAll(() => void server.http.on('connection', countWrites));
afterAll(() => void server.http.off('connection', countWrites));

describe('a screen connecting', () => {
  it('is answered in three writes: upgrade with open packet, acknowledgement, snapshot', async () => {
    for (const lastSeq of [undefined, 0]) {
      writes.length = 0;
      const s = connectStream(server.url, lastSeq === undefined ? { branch: 'demo' } : { branch: 'demo', lastSeq });
      sockets.push(s);
      await once(s, lastSeq === undefined ? 'snapshot' : 'catchup', 15_000);
      expect(writes).toEqual([3]);
    }
  });

  it('still gets its refusal when turned away', async () => {
    const s = connectStream(server.url, { branch: 'no-such-branch' });
    sockets.push(s);
    expect((await once(s, 'refused', 15_000)).code).toBe('unknown_branch');
  });
});
