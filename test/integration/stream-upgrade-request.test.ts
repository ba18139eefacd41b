import request from 'supertest';
import type { Socket as ServerSocket } from 'socket.io';
import { Manager, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { connectStream, DEMO_PASSWORD, once, type StreamClient, type TestServer } from '../support/server';
import { serverPerSuite } from '../support/suite-server';

/**
 * Socket.IO keeps each connection's upgrade request for its whole life; the stream lets it go
 * where nothing needs it (server/realtime/upgrade-request.ts): a lobby screen's connection, which
 * came without a session cookie. A staff device's keeps it, so the console's feed can still read
 * the cookie, even when it opens the feed later on the same connection.
 */
let server: TestServer;
const sockets = serverPerSuite<{ disconnect(): unknown }>((s) => (server = s));

const engineClient = (sid: string) => (server.stream.io.engine as unknown as { clients: Record<string, { request: unknown }> }).clients[sid];

describe('what a stream connection keeps of its upgrade request', () => {
  it('a lobby screen (no session cookie) keeps none of it, and is streamed as before', async () => {
    const lobby: StreamClient = connectStream(server.url, { branch: 'demo' });
    sockets.push(lobby);
    const snap = await once(lobby, 'snapshot');
    expect(snap.state.branchId).toBe('demo');
    const sid = (lobby as unknown as Socket).io.engine.id;
    expect(engineClient(sid)).toBeDefined();
    expect(engineClient(sid)!.request).toBeNull();
  });

  it('lobby screens hold no headers and no listener of their own: the stream’s listeners are shared, their state in socket.data', async () => {
    const screens: StreamClient[] = [connectStream(server.url, { branch: 'demo' }), connectStream(server.url, { branch: 'demo' })];
    sockets.push(...screens);
    const snaps = await Promise.all(screens.map((s) => once(s, 'snapshot')));
    const onServer = screens.map((s) => server.stream.io.of('/').sockets.get(s.id!) as unknown as ServerSocket);
    const [a, b] = onServer as [ServerSocket, ServerSocket];
    for (const s of onServer) {
      expect(s.data).toEqual({ branch: 'demo', address: expect.any(String) });
      expect(s.handshake.headers).toEqual({});
      expect(s.request).toBeNull();
    }
    for (const event of ['resync', 'disconnect']) {
      expect(a.listeners(event)).toHaveLength(1);
      expect(a.listeners(event)).toEqual(b.listeners(event));
    }
    // The shared listener still answers each socket for itself.
    screens[1]!.emit('resync', { lastSeq: snaps[1]!.state.seq });
    const answer = await once(screens[1]!, 'catchup');
    expect(answer.events).toEqual([]);
  });

  it('a staff device keeps it: the branch stream first, then the console feed on the same connection', async () => {
    const res = await request(server.url).post('/api/session').send({ username: 'manager', password: DEMO_PASSWORD });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('bb_session='))!.split(';')[0]!;
    const manager = new Manager(server.url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
    const branch = manager.socket('/', { auth: { branch: 'demo' } });
    sockets.push(branch);
    await new Promise((ok) => branch.once('snapshot', ok));
    const sid = manager.engine.id;
    expect(engineClient(sid)!.request).not.toBeNull();
    const feed = manager.socket('/staff');
    sockets.push(feed);
    const overview = await new Promise<{ branches: { id: string }[] }>((ok, fail) => {
      feed.once('overview', ok);
      feed.once('connect_error', fail);
    });
    expect(overview.branches.map((b) => b.id)).toContain('demo');
    expect(manager.engine.id).toBe(sid); // one connection for both
  });

  it('a connection without the cookie cannot open the console feed', async () => {
    const manager = new Manager(server.url, { transports: ['websocket'], reconnection: false });
    const branch = manager.socket('/', { auth: { branch: 'demo' } });
    sockets.push(branch);
    await new Promise((ok) => branch.once('snapshot', ok));
    const feed = manager.socket('/staff');
    sockets.push(feed);
    const err = await new Promise<Error>((ok) => feed.once('connect_error', ok));
    expect(err.message).toBe('unauthenticated');
  });
});
