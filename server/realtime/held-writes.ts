import type { Duplex } from 'node:stream';

/**
 * An upgrade is answered in two frames: the 101 (ws) and engine.io's open packet, a microtask
 * later. Each was a write(2), a TCP segment and a wakeup of the screen of its own; corking the TCP
 * socket for the burst sends both as one, a quarter of a connection's writes fewer in a reconnect
 * storm. (Socket.IO's connect acknowledgement and the snapshot stay two: engine.io hands a
 * connection its next packet only once the previous write is done.) Released at the next turn of
 * the event loop, or when the socket is destroyed: a refused upgrade is written and destroyed at
 * once (engine.io's abortUpgrade), and its 400 must still go out.
 */
export function holdWrites(socket: Duplex): void {
  if (socket.destroyed || typeof socket.cork !== 'function') return;
  const own = socket as Duplex & { destroy: Duplex['destroy'] };
  const destroy = own.destroy;
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    // The prototype's again, assigned rather than deleted: a `delete` on a socket turns it into a
    // dictionary-mode object, 1.3 KB more heap for every idle connection (measured at 10,000).
    own.destroy = destroy;
    if (!socket.destroyed) socket.uncork();
  };
  own.destroy = function (this: Duplex, ...args: Parameters<Duplex['destroy']>) {
    release();
    return destroy.apply(this, args);
  };
  socket.cork();
  setImmediate(release);
}
