import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { BranchStreamController } from '../../ui/stream/branch-stream';
import { io, type LiteSocket } from '../../ui/stream/websocket-io';
import { key, openDemoBranch, removeDir, startTestServer, waitFor, type TestServer } from '../support/server';

// What the lobby build does (scripts/vite/lobby-socket.ts): the stream's socket.io-client is the lobby's own client.
vi.mock('socket.io-client', () => import('../../ui/stream/websocket-io'));

/**
 * The lobby's Socket.IO client (ui/stream/websocket-io.ts) against the real server: the stream
 * controller on it goes live, follows the log, is refused an unknown branch and stops asking; and
 * against a bare Socket.IO server, what the protocol asks of a client: answer pings, reconnect
 * after a lost link (not after the server's own disconnect), a middleware's connect error.
 */
let server: TestServer;
const setLocation = (url: string) => ((globalThis as unknown as { location?: URL }).location = new URL(url));

beforeAll(async () => {
  (globalThis as unknown as { WebSocket: unknown }).WebSocket = WebSocket;
  server = await startTestServer();
});
afterAll(async () => {
  delete (globalThis as unknown as { location?: URL }).location;
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

function controllerOn(branch: string) {
  let socket: LiteSocket | undefined;
  const stream = new BranchStreamController({ addController: () => {}, requestUpdate: () => {} } as never, () => branch, {
    onSocket: (s) => void (socket = s as unknown as LiteSocket),
  });
  stream.hostConnected();
  return { stream, socket: () => socket! };
}

describe('the lobby stream on its own Socket.IO client', () => {
  it('goes live from the snapshot and applies each new event in order', async () => {
    const branch = await openDemoBranch(server, 'lite-live');
    setLocation(`${server.url}/display/${branch}`);
    const { stream, socket } = controllerOn(branch);
    try {
      await waitFor(() => stream.status === 'live' && stream.state !== null, 10_000, 'live');
      expect(socket().connected).toBe(true);
      const seq = stream.replica.seq;
      for (let i = 0; i < 3; i++) await request(server.url).post(`/api/branches/${branch}/tickets`).set('Idempotency-Key', key()).send({ service: 'teller' }).expect(201);
      await waitFor(() => stream.replica.seq === seq + 3, 10_000, 'three events');
      expect(stream.state!.queues.teller).toHaveLength(3);
    } finally {
      stream.hostDisconnected();
    }
  });

  it('is refused an unknown branch and does not ask again by itself', async () => {
    setLocation(`${server.url}/display/no-such-branch`);
    const { stream, socket } = controllerOn('no-such-branch');
    try {
      await waitFor(() => stream.refused !== null, 10_000, 'refused');
      expect(stream.refused!.code).toBe('unknown_branch');
      await new Promise((r) => setTimeout(r, 1_500));
      expect(socket().connected).toBe(false);
      expect(socket().active).toBe(false);
    } finally {
      stream.hostDisconnected();
    }
  });
});

describe('the Socket.IO protocol, as the lobby client speaks it', () => {
  let http: HttpServer;
  let bare: Server;
  let url: string;

  beforeAll(async () => {
    http = createServer();
    // Pings every 100 ms, 100 ms to answer: a client that did not answer would be dropped at once.
    bare = new Server(http, { pingInterval: 100, pingTimeout: 100, transports: ['websocket'] });
    bare.use((socket, next) => {
      if (socket.handshake.auth.deny) next(Object.assign(new Error('not you'), { data: { code: 'denied' } }));
      else next();
    });
    bare.on('connection', (s) => {
      s.emit('hello', { auth: s.handshake.auth }, 2);
      s.on('bye', () => s.disconnect(true));
    });
    await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await bare?.close();
  });

  it('sends its auth (asked afresh each time), answers pings, and reconnects after a lost link', async () => {
    let n = 0;
    const socket = io(url, { auth: (cb) => cb({ n: ++n }), reconnectionDelay: 50, reconnectionDelayMax: 200 });
    const hellos: unknown[][] = [];
    const reasons: string[] = [];
    let attempts = 0;
    socket.on('hello', (...args: unknown[]) => hellos.push(args));
    socket.on('disconnect', (r: string) => reasons.push(r));
    socket.io.on('reconnect_attempt', () => attempts++);
    try {
      await waitFor(() => hellos.length === 1, 5_000, 'hello');
      expect(hellos[0]).toEqual([{ auth: { n: 1 } }, 2]);
      // A dozen ping rounds: still the same connection.
      const first = [...bare.sockets.sockets.keys()];
      await new Promise((r) => setTimeout(r, 1_200));
      expect(socket.connected).toBe(true);
      expect([...bare.sockets.sockets.keys()]).toEqual(first);
      // The link drops (the server's engine closes the transport): back by itself, with a new auth.
      for (const s of bare.sockets.sockets.values()) s.conn.close();
      await waitFor(() => hellos.length === 2, 5_000, 'a second hello');
      expect(reasons).toEqual(['transport close']);
      expect(attempts).toBe(1);
      expect(hellos[1]![0]).toEqual({ auth: { n: 2 } });
      // The server disconnects it: socket.io-client's rule, no reconnecting by itself.
      socket.emit('bye');
      await waitFor(() => reasons.length === 2, 5_000, 'the server to disconnect it');
      expect(reasons[1]).toBe('io server disconnect');
      expect(socket.active).toBe(false);
      await new Promise((r) => setTimeout(r, 500));
      expect(hellos.length).toBe(2);
      // connect() again is heard.
      socket.connect();
      await waitFor(() => hellos.length === 3, 5_000, 'a third hello');
    } finally {
      socket.disconnect();
    }
  });

  it('gives a middleware connect error with its data, and stays down', async () => {
    const socket = io(url, { auth: { deny: true }, reconnectionDelay: 50 });
    const errors: (Error & { data?: unknown })[] = [];
    socket.on('connect_error', (e: Error) => errors.push(e));
    try {
      await waitFor(() => errors.length === 1, 5_000, 'connect_error');
      expect(errors[0]!.message).toBe('not you');
      expect(errors[0]!.data).toEqual({ code: 'denied' });
      expect(socket.active).toBe(false);
      await new Promise((r) => setTimeout(r, 400));
      expect(errors.length).toBe(1);
    } finally {
      socket.disconnect();
    }
  });

  it('a server that is gone: connect errors while active, then connected once it is back', async () => {
    const spare = createServer();
    await new Promise<void>((ok) => spare.listen(0, '127.0.0.1', ok));
    const port = (spare.address() as AddressInfo).port;
    await new Promise((ok) => spare.close(ok));
    const socket = io(`http://127.0.0.1:${port}`, { reconnectionDelay: 50, reconnectionDelayMax: 100 });
    const errors: boolean[] = [];
    socket.on('connect_error', () => errors.push(socket.active));
    try {
      await waitFor(() => errors.length >= 2, 5_000, 'connect errors');
      expect(errors.every(Boolean)).toBe(true);
      const back = createServer();
      const io2 = new Server(back, { transports: ['websocket'] });
      await new Promise<void>((ok) => back.listen(port, '127.0.0.1', ok));
      await waitFor(() => socket.connected, 5_000, 'connected');
      await io2.close();
    } finally {
      socket.disconnect();
    }
  });
});
