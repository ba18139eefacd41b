import type { BranchConfig } from '../branch';
import type { Command } from '../commands';
import { reopenCounter } from './reopen';
import type { EventPayload } from '../events';
import { endLongTransaction } from '../long-transaction';
import type { OutOfTurnReason } from '../out-of-turn';
import type { BranchState, CounterState, Ticket } from '../state';
import { fail, ok, type Decision } from './result';
import { nextTicketFor } from './tickets';

type CallTicket = Extract<Command, { type: 'CallTicket' }>;

/**
 * A teller calls a specific ticket rather than the next: a waiting one (then, unless it is the
 * one the counter would call next anyway, they must say why), or a no-show called back.
 */
export function decideCallTicket(state: BranchState, config: BranchConfig, cmd: CallTicket, now: number): Decision {
  const counterCfg = config.counters.find((c) => c.id === cmd.counterId);
  const counter = state.counters[cmd.counterId];
  if (!counterCfg || !counter) return fail('not_found', 'unknown_counter', `no counter "${cmd.counterId}" in this branch`);
  const { ticketId, reason } = cmd.body;
  if (counter.ticketId === ticketId) return fail('conflict', 'already_here', 'this ticket is already at this counter: call it again instead');

  const noShow = state.noShows?.[ticketId];
  if (noShow) {
    if (reason && reason !== 'no_show_callback') return fail('invalid', 'wrong_reason', 'a no-show comes back with the reason "no_show_callback"', 'reason');
    return ok(...finishAndOpen(state, counter, now), { type: 'TicketCalled', ticketId, counterId: counter.id, reason: 'no_show_callback' });
  }
  const t = state.tickets[ticketId];
  if (!t) return fail('not_found', 'unknown_ticket', `no waiting ticket "${ticketId}"`, 'ticketId');
  if (t.status !== 'waiting') return fail('conflict', 'ticket_at_counter', `${t.number} is already at another counter`, 'ticketId');
  if (t.assignedCounterId && t.assignedCounterId !== counter.id) {
    return fail('conflict', 'assigned_elsewhere', `${t.number} was transferred to another counter`, 'ticketId');
  }
  const inTurn = nextTicketFor(state, counterCfg.services, counter.id)?.id === t.id;
  if (!inTurn && !reason) return fail('invalid', 'reason_required', `${t.number} is not next: say why it is called before others`, 'reason');
  // In turn, a given reason would mislead the room: only a transfer is said.
  const why = inTurn ? callReason(t) : reason;
  return ok(...finishAndOpen(state, counter, now), { type: 'TicketCalled', ticketId, counterId: counter.id, ...(why ? { reason: why } : {}) });
}

/** The reason a call in turn still shows: a transferred ticket, so the room sees why another service's number comes here. */
export function callReason(t: Ticket): OutOfTurnReason | undefined {
  return t.transferredAt !== undefined ? 'transferred' : undefined;
}

/** What a counter does before a new call: finish the customer at it, open if it was not (ending a notice saying it is closed). */
export function finishAndOpen(state: BranchState, counter: CounterState, now: number): EventPayload[] {
  return [...finishCurrent(state, counter), ...reopenCounter(state, counter.id, now).events];
}

/** Finishing the customer at a counter also ends the long-transaction notice about it. */
export function finishCurrent(state: BranchState, counter: CounterState): EventPayload[] {
  const current = counter.ticketId ? state.tickets[counter.ticketId] : undefined;
  if (!current) return [];
  return [{ type: 'ServiceEnded', ticketId: current.id, counterId: counter.id }, ...endLongTransaction(state, counter.id)];
}
