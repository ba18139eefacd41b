/**
 * A second reference: bare Socket.IO with Branchboard's options and nothing else (join the
 * branch's room, a tiny snapshot), to tell what the library costs from what Branchboard adds.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serveIpc } from './probes';

const http = createServer();
const io = new Server(http, { serveClient: false, pingInterval: 25_000, pingTimeout: 20_000, maxHttpBufferSize: 16_384 });
if (process.env.BENCH_DROP_REQUEST === '1') io.engine.on('connection', (raw: { request: unknown }) => (raw.request = null));
io.on('connection', (socket) => {
  const branch = String((socket.handshake.auth as { branch?: string }).branch);
  void socket.join(`branch:${branch}`);
  socket.emit('snapshot', { state: { seq: 0 }, serverTime: Date.now() });
});

serveIpc(async (msg) => {
  switch (msg.op) {
    case 'start':
      await new Promise<void>((ok) => http.listen(0, '127.0.0.1', () => ok()));
      return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
    case 'stop':
      await io.close();
      return null;
  }
  throw new Error(`unknown op ${String(msg.op)}`);
});
