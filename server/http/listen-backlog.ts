/**
 * The listening socket's queue of connections the kernel completed but the server has not yet
 * accepted. Node's default is 511. After a restart every screen reconnects within a few seconds
 * (10,000 at a large node); while the event loop is busy for a few hundred ms the queue fills, and
 * Linux then drops the handshakes beyond it: each dropped screen retries only after TCP's SYN
 * timeout (1 s, then 3 s, 7 s, …), which made a reconnect storm last many seconds longer than the
 * work it takes. The kernel caps the figure at net.core.somaxconn (4096 on current Linux).
 */
export const LISTEN_BACKLOG = 16_384;
