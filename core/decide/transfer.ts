import type { BranchConfig } from '../branch';
import type { Command } from '../commands';
import { endLongTransaction } from '../long-transaction';
import type { BranchState } from '../state';
import { fail, ok, type Decision } from './result';

type TransferTicket = Extract<Command, { type: 'TransferTicket' }>;

/**
 * The ticket at a counter goes to another service or counter. It keeps its number (a number that
 * changes on screen confuses people) and its place by issue time in the new queue.
 */
export function decideTransfer(state: BranchState, config: BranchConfig, cmd: TransferTicket): Decision {
  const counter = state.counters[cmd.counterId];
  if (!counter || !config.counters.some((c) => c.id === cmd.counterId)) {
    return fail('not_found', 'unknown_counter', `no counter "${cmd.counterId}" in this branch`);
  }
  const t = counter.ticketId ? state.tickets[counter.ticketId] : undefined;
  if (!t) return fail('conflict', 'no_current_ticket', 'this counter has no ticket to transfer');
  const { service, toCounterId } = cmd.body;
  const target = toCounterId ? config.counters.find((c) => c.id === toCounterId) : undefined;
  if (toCounterId && !target) return fail('invalid', 'unknown_counter', `no counter "${toCounterId}" in this branch`, 'toCounterId');
  if (toCounterId === counter.id) return fail('invalid', 'same_counter', 'the ticket is already at this counter', 'toCounterId');
  // A closed counter has nobody at it: the customer would wait for a call that never comes.
  // A paused one is coming back (the tablet says so beside it), so it may still take the ticket.
  if (target && (state.counters[target.id]?.status ?? 'closed') === 'closed') {
    return fail('conflict', 'counter_closed', `counter "${target.id}" is closed: nobody would call this ticket`, 'toCounterId');
  }
  if (service && !config.services.some((s) => s.id === service)) return fail('invalid', 'unknown_service', `no service "${service}" in this branch`, 'service');
  // To a counter without a service named: the ticket's own if that counter serves it, else the counter's first.
  const to = service ?? (target && !target.services.includes(t.service) ? target.services[0]! : t.service);
  if (to === t.service && !target) return fail('invalid', 'nothing_to_transfer', 'name another service or a counter', 'service');
  return ok(
    ...endLongTransaction(state, counter.id),
    { type: 'TicketTransferred', ticketId: t.id, counterId: counter.id, service: to, toCounterId: target?.id ?? null },
  );
}
