import type { WaitEstimate } from './estimate';
import type { BranchState } from './state';
import { MINUTE } from './time';

/**
 * The service promise ("we aim to serve you within 15 minutes"), kept visibly. Everything here is
 * derived from the branch state and the server clock, so the lobby, the phone, the tablet and the
 * server all see the same moments without an event for each.
 */

/** When a waiting ticket passes its service's promise. */
export interface TicketPromise {
  ticketId: string;
  number: string;
  service: string;
  passesAt: number;
}

/** The moment each waiting ticket passes its service's promise, soonest first. */
export function promiseMoments(state: BranchState): TicketPromise[] {
  const out: TicketPromise[] = [];
  for (const s of state.config?.services ?? []) {
    if (s.promiseMinutes === undefined) continue;
    for (const id of state.queues[s.id] ?? []) {
      const t = state.tickets[id];
      if (t) out.push({ ticketId: t.id, number: t.number, service: s.id, passesAt: t.issuedAt + s.promiseMinutes * MINUTE });
    }
  }
  return out.sort((a, b) => a.passesAt - b.passesAt);
}

export type PromiseStatus = 'kept' | 'at_risk' | 'missed';

export interface ServicePromise {
  service: string;
  promiseMinutes: number;
  waiting: number;
  /** Waiting tickets already past the promise. */
  passed: number;
  /** How long the longest-waiting ticket has waited, ms (0 when nobody waits). */
  longestWaitMs: number;
  /** The next moment a waiting ticket passes the promise, or null. */
  nextPassAt: number | null;
  /**
   * The moment a ticket taken now would pass the promise (now + promise) when its expected call
   * comes later than that; null when it is expected within it, or when there is no estimate.
   */
  newTicketPassesAt: number | null;
  /** missed: someone waits past it; at_risk: a new ticket is expected to pass it; kept otherwise. */
  status: PromiseStatus;
}

/** The promise of each service that has one, at `now`, with the estimate of a new ticket's wait when known. */
export function servicePromises(
  state: BranchState,
  now: number,
  estimates: Readonly<Record<string, WaitEstimate>> = {},
): Record<string, ServicePromise> {
  const out: Record<string, ServicePromise> = {};
  for (const s of state.config?.services ?? []) {
    if (s.promiseMinutes === undefined) continue;
    const promiseMs = s.promiseMinutes * MINUTE;
    let passed = 0;
    let longestWaitMs = 0;
    let nextPassAt: number | null = null;
    const queue = state.queues[s.id] ?? [];
    for (const id of queue) {
      const t = state.tickets[id];
      if (!t) continue;
      const waited = Math.max(0, now - t.issuedAt);
      longestWaitMs = Math.max(longestWaitMs, waited);
      const passesAt = t.issuedAt + promiseMs;
      if (passesAt <= now) passed++;
      else if (nextPassAt === null || passesAt < nextPassAt) nextPassAt = passesAt;
    }
    const e = estimates[s.id];
    const newTicketPassesAt = e?.known && e.waitSec * 1000 > promiseMs ? now + promiseMs : null;
    out[s.id] = {
      service: s.id,
      promiseMinutes: s.promiseMinutes,
      waiting: queue.length,
      passed,
      longestWaitMs,
      nextPassAt,
      newTicketPassesAt,
      status: passed > 0 ? 'missed' : newTicketPassesAt !== null ? 'at_risk' : 'kept',
    };
  }
  return out;
}
