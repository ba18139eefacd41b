import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';

type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Longest stretch of WebSocket upgrades handled in one turn of the event loop (ms). */
const UPGRADES_MS_PER_TURN = 8;

const ignore = () => {};

/**
 * Takes the WebSocket upgrades that `attach` (Socket.IO's engine) put on `http` a few
 * milliseconds' worth per turn of the event loop. After a restart, thousands of screens come back
 * at once and Node hands their upgrades over in one poll phase: answered all together, they held
 * the event loop for seconds (commands, heartbeats and deliveries behind them). Queued, each waits
 * its turn with its TCP connection open; a client that gives up meanwhile is skipped.
 */
export function paceUpgrades(http: HttpServer, attach: () => void): { close(): void } {
  const before = new Set(http.listeners('upgrade'));
  attach();
  const added = http.listeners('upgrade').filter((l) => !before.has(l)) as UpgradeListener[];
  for (const l of added) http.removeListener('upgrade', l);
  const queue: [IncomingMessage, Duplex, Buffer][] = [];
  let scheduled = false;
  let closed = false;
  const drain = () => {
    scheduled = false;
    const start = performance.now();
    while (queue.length && performance.now() - start < UPGRADES_MS_PER_TURN) {
      const [req, socket, head] = queue.shift()!;
      socket.removeListener('error', ignore);
      if (socket.destroyed) continue;
      for (const l of added) l.call(http, req, socket, head);
    }
    if (queue.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  };
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (closed) return void socket.destroy();
    // Nothing listens on the socket while it waits: a reset must not become an uncaught error.
    socket.on('error', ignore);
    queue.push([req, socket, head]);
    schedule();
  });
  return {
    /** Stops taking upgrades: those still waiting are cut (the server is closing). */
    close() {
      closed = true;
      for (const [, socket] of queue.splice(0)) socket.destroy();
    },
  };
}
