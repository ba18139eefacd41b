import type { BranchState, Ticket } from './state';

/**
 * The snapshot a screen gets (issue 10, finding 6): however long the queue, at most
 * `SNAPSHOT_WAITING` waiting tickets per service are listed, the rest only counted in
 * `hiddenWaiting`. What a screen shows — the first numbers, how many wait, who is called where —
 * stays exactly the server's: the reducer keeps a partial copy in step (a ticket taken behind
 * hidden ones is only counted), and the replica asks for a fresh snapshot when the listed part
 * runs low (`needsRefill`) or an event names a ticket it never saw.
 */
export const SNAPSHOT_WAITING = 50;
/** A partial copy asks for a new snapshot when a service with hidden tickets lists fewer than this. */
export const REFILL_BELOW = 20;

export function publicSnapshot(state: BranchState, perService = SNAPSHOT_WAITING): BranchState {
  const long = Object.entries(state.queues).filter(([, q]) => q.length > perService);
  if (long.length === 0) return state;
  const queues = { ...state.queues };
  const hiddenWaiting: Record<string, number> = { ...state.hiddenWaiting };
  const dropped = new Set<string>();
  for (const [service, q] of long) {
    queues[service] = q.slice(0, perService);
    for (const id of q.slice(perService)) dropped.add(id);
    hiddenWaiting[service] = (hiddenWaiting[service] ?? 0) + q.length - perService;
  }
  const tickets: Record<string, Ticket> = {};
  for (const [id, t] of Object.entries(state.tickets)) if (!dropped.has(id)) tickets[id] = t;
  return { ...state, queues, tickets, hiddenWaiting };
}

/** How many wait for a service: those listed and, in a partial copy, those only counted. */
export function waitingCount(state: Pick<BranchState, 'queues' | 'hiddenWaiting'>, service: string): number {
  return (state.queues[service]?.length ?? 0) + (state.hiddenWaiting?.[service] ?? 0);
}

/** Whether a partial copy should ask for a fresh snapshot before its listed part runs out. */
export function needsRefill(state: BranchState): boolean {
  for (const [service, hidden] of Object.entries(state.hiddenWaiting ?? {})) {
    if (hidden > 0 && (state.queues[service]?.length ?? 0) < REFILL_BELOW) return true;
  }
  return false;
}

/** Whether an event names a ticket this copy does not hold although it could exist (hidden). */
export function namesHiddenTicket(state: BranchState, e: { type: string; ticketId?: unknown }): boolean {
  if (!state.hiddenWaiting || typeof e.ticketId !== 'string') return false;
  if (e.type === 'TicketIssued') return false;
  return !(e.ticketId in state.tickets) && !(state.noShows && e.ticketId in state.noShows) && Object.values(state.hiddenWaiting).some((n) => n > 0);
}
