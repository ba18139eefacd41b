/** The heartbeat period; a screen that hears nothing for STALE_AFTER_MS marks its data stale. */
export const TICK_MS = 2_000;
export const STALE_AFTER_MS = 5_000;
/** Beyond this many missed events, a snapshot is cheaper than the catch-up. */
export const MAX_CATCHUP_EVENTS = 500;

/** Estimates are sent at least this often, and with the next heartbeat after every change. */
export const ESTIMATES_MS = 15_000;
