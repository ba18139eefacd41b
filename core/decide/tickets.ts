import type { BranchConfig } from '../branch';
import { DEFAULT_TICKET_LIMITS } from '../ticket-limits';
import type { Command } from '../commands';
import type { BranchState, Ticket } from '../state';
import { localDay } from '../time';
import { fail, ok, type Decision } from './result';
import { issuedBefore } from '../event-time';

/** Ticket numbers run 001…999 per service and day, then start again at the lowest free one. */
export const MAX_TICKET_NUMBER = 999;

/**
 * A customer takes a ticket: the next number of its service today that no ticket still in the
 * branch holds (numbers wrap after 999, but two people never hold the same one), within the
 * branch's caps per service per day and per minute.
 */
export function decideIssueTicket(state: BranchState, config: BranchConfig, cmd: Extract<Command, { type: 'IssueTicket' }>, now: number): Decision {
  const service = config.services.find((s) => s.id === cmd.service);
  if (!service) return fail('invalid', 'unknown_service', `no service "${cmd.service}" in this branch`, 'service');
  const day = localDay(now, config.timezone);
  const today = state.today.day === day ? state.today : undefined;
  const limits = { ...DEFAULT_TICKET_LIMITS, ...config.limits };

  const minuteStart = now - (now % 60_000);
  if (today?.minute && today.minute.start === minuteStart && today.minute.count >= limits.perMinute) {
    return fail('throttled', 'branch_ticket_rate', `this branch gives out at most ${limits.perMinute} tickets a minute: try again in a moment`);
  }
  if ((today?.taken?.[service.id] ?? 0) >= limits.perServicePerDay) {
    return fail('conflict', 'daily_ticket_limit', `no more tickets for this service today (at most ${limits.perServicePerDay} a day)`, 'service');
  }
  const last = today?.issued[service.id] ?? 0;
  // The next number is nearly always free: one pass looking for it, and the set of every held number only when it is not.
  const next = (last % MAX_TICKET_NUMBER) + 1;
  const prefix = service.prefix;
  let held: Set<number> | undefined;
  for (const id in state.tickets) {
    if (numberOf(state.tickets[id]!, prefix) === next) {
      held = new Set();
      for (const t of Object.values(state.tickets)) held.add(numberOf(t, prefix));
      break;
    }
  }
  for (let i = 1; i <= MAX_TICKET_NUMBER; i++) {
    const n = ((last + i - 1) % MAX_TICKET_NUMBER) + 1;
    if (held?.has(n)) continue;
    const number = `${service.prefix}${String(n).padStart(3, '0')}`;
    return ok({ type: 'TicketIssued', ticket: { id: cmd.ticketId, service: service.id, number, day } });
  }
  return fail('conflict', 'no_free_number', `all ${MAX_TICKET_NUMBER} numbers of this service are held by people still waiting or being served`, 'service');
}

/** The number a ticket shows under this letter, whatever service it is in now (a transfer keeps its number); NaN under another letter. */
function numberOf(t: Ticket, prefix: string): number {
  return t.number.startsWith(prefix) ? Number(t.number.slice(prefix.length)) : NaN;
}

/**
 * The waiting ticket a counter calls next: the first issued among the services it serves, and
 * tickets transferred to it (of any service). A ticket transferred to another counter waits for
 * that one.
 */
export function nextTicketFor(state: BranchState, services: readonly string[], counterId?: string): Ticket | undefined {
  let best: Ticket | undefined;
  for (const [s, queue] of Object.entries(state.queues)) {
    const serves = services.includes(s);
    for (const id of queue) {
      const t = state.tickets[id];
      if (!t || (best && !issuedBefore(t, best))) break;
      const mine = t.assignedCounterId === undefined ? serves : t.assignedCounterId === counterId;
      if (mine) {
        best = t;
        break;
      }
    }
  }
  return best;
}
