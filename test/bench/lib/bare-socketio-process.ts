/**
 * A second reference: bare Socket.IO with Branchboard's options and nothing else (join the
 * branch's room, a tiny snapshot), to tell what the library costs from what Branchboard adds.
 * BENCH_LAYER peels it layer by layer for the memory breakdown (`npm run bench -- memory-layers`),
 * each with the upgrade request let go as Branchboard does (server/realtime/upgrade-request.ts):
 * `engine` (engine.io on `ws` alone, answering the namespace connect itself), `socket` (Socket.IO's
 * client and socket, no room joined), `room` (and the branch's room).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { forgetRequest } from '../../../server/realtime/upgrade-request';
import { serveIpc } from './probes';

const layer = process.env.BENCH_LAYER;
const http = createServer();
// BENCH_SIO_OPTIONS='{…}': more server options on top, to measure what one of them changes.
const more = JSON.parse(process.env.BENCH_SIO_OPTIONS ?? '{}') as Record<string, unknown>;
const io = new Server(http, { serveClient: false, pingInterval: 25_000, pingTimeout: 20_000, maxHttpBufferSize: 16_384, ...more });
const snapshot = () => ['snapshot', { state: { seq: 0 }, serverTime: Date.now() }] as const;
if (process.env.BENCH_DROP_REQUEST === '1') io.engine.on('connection', (raw: { request: unknown }) => (raw.request = null));
if (layer) io.engine.on('connection', (raw: { request: IncomingMessage | null }) => forgetRequest(raw));
if (layer === 'engine') {
  // Socket.IO's own listener goes: what is left per socket is engine.io's (and ws's, and Node's).
  const [socketIo] = io.engine.listeners('connection');
  io.engine.removeListener('connection', socketIo as () => void);
  io.engine.on('connection', (raw: { send(data: string): void; on(ev: 'message', fn: (data: string) => void): void }) => {
    raw.on('message', (data) => {
      if (!data.startsWith('0')) return;
      raw.send('0{"sid":"bare"}');
      raw.send(`2${JSON.stringify(snapshot())}`);
    });
  });
}
io.on('connection', (socket) => {
  const branch = String((socket.handshake.auth as { branch?: string }).branch);
  if (layer !== 'socket') void socket.join(`branch:${branch}`);
  socket.emit(...snapshot());
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
