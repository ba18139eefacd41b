import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { holdWrites } from './held-writes';
import { TurnQueue } from './turn-queue';

type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Upgrades handled per turn of the event loop: ~0.2 ms of CPU each, so a few ms a turn. A count,
 * not a wall-clock budget: on a machine short of CPU a budget in ms admits ever fewer per turn
 * while the rest of the turn still runs, and the queue falls behind.
 */
const UPGRADES_PER_TURN = 32;

const ignore = () => {};

/**
 * Takes the WebSocket upgrades that `attach` (Socket.IO's engine) put on `http` a few dozen per
 * turn of the event loop. After a restart, thousands of screens come back
 * at once and Node hands their upgrades over in one poll phase: answered all together, they held
 * the event loop for seconds (commands, heartbeats and deliveries behind them). Queued, each waits
 * its turn with its TCP connection open; a client that gives up meanwhile is skipped.
 */
export function paceUpgrades(http: HttpServer, attach: () => void): { close(): void } {
  const before = new Set(http.listeners('upgrade'));
  attach();
  const added = http.listeners('upgrade').filter((l) => !before.has(l)) as UpgradeListener[];
  for (const l of added) http.removeListener('upgrade', l);
  let closed = false;
  const queue = new TurnQueue<[IncomingMessage, Duplex, Buffer]>(UPGRADES_PER_TURN, ([req, socket, first]) => {
    socket.removeListener('error', ignore);
    // The 101 and engine.io's open packet (written a microtask later) go out as one write.
    if (!socket.destroyed) {
      holdWrites(socket);
      for (const l of added) l.call(http, req, socket, first);
    }
    return true;
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, first: Buffer) => {
    if (closed) return void socket.destroy();
    // Nothing listens on the socket while it waits: a reset must not become an uncaught error.
    socket.on('error', ignore);
    queue.push([req, socket, first]);
  });
  return {
    /** Stops taking upgrades: those still waiting are cut (the server is closing). */
    close() {
      closed = true;
      for (const [, socket] of queue.takeWaiting()) socket.destroy();
    },
  };
}
