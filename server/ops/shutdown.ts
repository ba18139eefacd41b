import type { Server as HttpServer } from 'node:http';
import type { Server as IoServer } from 'socket.io';

export interface DrainOptions {
  /** Time to keep serving after readiness turned false, so load balancers stop routing here first. */
  delayMs: number;
  /** Time over which screens are sent away: spread, so the other nodes get a trickle, not a storm. */
  socketsOverMs: number;
  /** Longest wait for requests in flight before their connections are cut. */
  requestsTimeoutMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Graceful stop of one node: refuse new screens, close the open ones a batch at a time at the
 * transport (the client then reconnects by itself, to another node behind the load balancer,
 * and resyncs from the shared log), and let requests in flight finish.
 */
export async function drain(http: HttpServer, io: IoServer, opts: DrainOptions): Promise<void> {
  if (opts.delayMs > 0) await sleep(opts.delayMs);
  io.use((_socket, next) => next(new Error('this node is shutting down')));
  const closed = new Promise<void>((ok) => http.close(() => ok()));
  http.closeIdleConnections();

  const sockets = [...io.sockets.sockets.values()];
  const batches = Math.max(1, Math.min(sockets.length, Math.ceil(opts.socketsOverMs / 50)));
  const perBatch = Math.ceil(sockets.length / batches);
  for (let i = 0; i < sockets.length; i += perBatch) {
    // A transport close, not socket.disconnect(): the client treats it as a lost link and reconnects.
    for (const s of sockets.slice(i, i + perBatch)) s.conn.close();
    if (i + perBatch < sockets.length) await sleep(opts.socketsOverMs / batches);
  }

  const cut = setTimeout(() => http.closeAllConnections(), opts.requestsTimeoutMs);
  await closed;
  clearTimeout(cut);
}
