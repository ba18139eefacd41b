import type { BranchConfig } from '../branch';
import type { Command } from '../commands';
import type { BranchState, Ticket } from '../state';
import { localDay } from '../time';
import { fail, ok, type Decision } from './result';

/** A customer takes a ticket: the next number of its service today. */
export function decideIssueTicket(state: BranchState, config: BranchConfig, cmd: Extract<Command, { type: 'IssueTicket' }>, now: number): Decision {
  const service = config.services.find((s) => s.id === cmd.service);
  if (!service) return fail('invalid', 'unknown_service', `no service "${cmd.service}" in this branch`, 'service');
  const day = localDay(now, config.timezone);
  const last = state.today.day === day ? (state.today.issued[service.id] ?? 0) : 0;
  // Numbers wrap after 999 so a ticket always reads as one letter and three digits.
  const number = `${service.prefix}${String((last % 999) + 1).padStart(3, '0')}`;
  return ok({ type: 'TicketIssued', ticket: { id: cmd.ticketId, service: service.id, number, day } });
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
      if (!t || (best && t.issuedSeq > best.issuedSeq)) break;
      const mine = t.assignedCounterId === undefined ? serves : t.assignedCounterId === counterId;
      if (mine) {
        best = t;
        break;
      }
    }
  }
  return best;
}
