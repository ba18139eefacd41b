import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectStream, once, type StreamClient, type TestServer } from '../support/server';
import { serverPerSuite } from '../support/suite-server';

/**
 * WebSocket upgrades are taken a few milliseconds' worth per turn of the event loop
 * (server/realtime/upgrade-pacer.ts): every one of a crowd arriving at once is still answered, in
 * order, and a client that hangs up while waiting costs nothing.
 */
let server: TestServer;
const sockets = serverPerSuite<StreamClient>((s) => (server = s));

/** An upgrade request written by hand, its connection cut before any answer. */
function hangUpWhileWaiting(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = connect(port, '127.0.0.1', () => {
      c.write(`GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${Buffer.from('0123456789abcdef').toString('base64')}\r\n\r\n`);
      c.resetAndDestroy();
      resolve();
    });
    c.on('error', reject);
  });
}

describe('a crowd of upgrades at once', () => {
  // 90: within one address's burst of connections (stream-limits.ts), as a branch's screens behind one NAT.
  it('answers every screen of 90 connecting together, with clients hanging up among them', async () => {
    const hangUps: Promise<void>[] = [];
    for (let i = 0; i < 90; i++) {
      sockets.push(connectStream(server.url, { branch: 'demo' }));
      if (i % 10 === 0) hangUps.push(hangUpWhileWaiting(server.port));
    }
    await Promise.all(hangUps);
    const snapshots = await Promise.all(sockets.map((s) => once(s, 'snapshot', 60_000)));
    expect(snapshots.every((m) => m.state.branchId === 'demo')).toBe(true);
    expect(server.unhandledErrors()).toEqual([]);
    // Still serving: one more comes in as any other.
    const late = connectStream(server.url, { branch: 'demo' });
    sockets.push(late);
    expect((await once(late, 'snapshot', 60_000)).state.branchId).toBe('demo');
  }, 120_000);
});
