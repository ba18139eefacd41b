import type { Server, Socket } from 'socket.io';
import { TurnQueue } from './turn-queue';

/**
 * Namespace connects let through per turn of the event loop: each is ~0.5 ms of CPU (the
 * connect acknowledgement, the room, the welcome's snapshot, and for a branch's first screen its
 * load from the log), so ~30 ms a turn at most (32 a turn made the reconnect storm 0.7–1.5 s longer). A count, not a
 * wall-clock budget (as upgrade-pacer.ts).
 */
export const CONNECTS_PER_TURN = 64;

type Next = (err?: Error) => void;

/**
 * Takes the screens' Socket.IO connects a few dozen per turn. After a restart the upgrades are
 * already paced, but the screens answer engine.io's open packet in bursts (a thousand connect
 * packets arrived in one poll phase in the reconnect storm), and each one welcomed at once held the
 * event loop for up to 1.6 s: commands, heartbeats and deliveries waited behind them. As a
 * middleware, a connect waits its turn before Socket.IO acknowledges it, so the screen is not yet
 * in any room and its welcome reads the branch's state when it is let in, not before.
 */
export function paceConnects(io: Server): { close(): void } {
  let closed = false;
  const queue = new TurnQueue<[Socket, Next]>(CONNECTS_PER_TURN, ([socket, next]) => {
    // One that left while waiting costs nothing: Socket.IO drops it when told to go on.
    const open = socket.conn.readyState === 'open';
    next();
    return open;
  });
  // Cut, not refused, when the server is closing: a screen told no by a middleware does not try
  // again (socket.io-client's rule), one whose connection drops reconnects to the next node.
  io.use((socket, next) => {
    if (closed) return void socket.conn.close();
    queue.push([socket, next]);
  });
  return {
    /** Stops letting connects in: the connections still waiting are cut (the server is closing). */
    close() {
      closed = true;
      for (const [socket] of queue.takeWaiting()) socket.conn.close();
    },
  };
}
