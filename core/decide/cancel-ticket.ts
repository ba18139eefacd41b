import type { Command } from '../commands';
import type { BranchState } from '../state';
import { fail, ok, type Decision } from './result';

/**
 * "I'm not coming any more", from the phone ticket: a waiting ticket leaves the queue, so those
 * behind move up and no counter calls an empty chair. Idempotent by outcome: a ticket already
 * gone (cancelled, served, or marked absent) needs nothing more. One already called cannot be
 * given back from the phone: the counter is waiting for its customer, the teller decides.
 */
export function decideCancelTicket(state: BranchState, cmd: Extract<Command, { type: 'CancelTicket' }>): Decision {
  const t = state.tickets[cmd.ticketId];
  if (!t) return ok();
  if (t.status !== 'waiting') return fail('conflict', 'already_called', 'this ticket has been called: please go to the counter');
  return ok({ type: 'TicketCancelled', ticketId: t.id });
}
