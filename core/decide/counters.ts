import type { BranchConfig } from '../branch';
import type { Command } from '../commands';
import type { EventPayload } from '../events';
import type { BranchState } from '../state';
import { endLongTransaction } from '../long-transaction';
import { MINUTE } from '../time';
import { callReason } from './calls';
import { fail, ok, type Decision } from './result';
import { nextTicketFor } from './tickets';
import { badFutureTime } from './times';
import { noticeEndMoves } from './notices';
import { closingNotices, reopenCounter } from './reopen';

type CounterCommand = Extract<Command, { type: 'CounterAction' | 'PauseCounter' }>;

/** A teller works their counter: call, recall, finish, no-show, open, pause, close. */
export function decideCounter(state: BranchState, config: BranchConfig, cmd: CounterCommand, now: number): Decision {
  const counterCfg = config.counters.find((c) => c.id === cmd.counterId);
  const counter = state.counters[cmd.counterId];
  if (!counterCfg || !counter) return fail('not_found', 'unknown_counter', `no counter "${cmd.counterId}" in this branch`);
  const current = counter.ticketId ? state.tickets[counter.ticketId] : undefined;
  // The customer leaving the counter also ends a long-transaction notice about it.
  const leaves = (e: EventPayload): EventPayload[] => [e, ...endLongTransaction(state, counter.id)];
  const finishCurrent: EventPayload[] = current ? leaves({ type: 'ServiceEnded', ticketId: current.id, counterId: counter.id }) : [];

  if (cmd.type === 'PauseCounter') {
    const { backInMinutes, backAt } = cmd.body;
    const at = backInMinutes != null ? now + backInMinutes * MINUTE : (backAt ?? null);
    const bad = badFutureTime(at, now, 'backAt');
    if (bad) return bad;
    // A notice saying this counter is closed takes the pause's return time, so tile and notice
    // say one time; the pause is the teller's own (resolving the notice does not end it).
    const moved = closingNotices(state, counter.id)
      .filter((n) => n.expectedEndAt !== at)
      .flatMap((n) => noticeEndMoves(state, n, undefined, undefined, at))
      .filter((e) => !(e.type === 'CounterPaused' && e.counterId === counter.id));
    // A pause keeps the customer at the counter (a break while their paperwork prints is normal);
    // finishing them is the teller's explicit choice, asked on the tablet.
    return ok(...(cmd.body.finishCurrent ? finishCurrent : []), ...moved, { type: 'CounterPaused', counterId: counter.id, backAt: at });
  }

  switch (cmd.action) {
    case 'call-next': {
      const next = nextTicketFor(state, counterCfg.services, counter.id);
      if (!next) return fail('conflict', 'queue_empty', 'nobody is waiting for the services of this counter');
      // Calling from a paused or closed counter opens it (and ends a notice saying it is closed): one tap for the teller.
      const open = reopenCounter(state, counter.id, now);
      const reason = callReason(next);
      return ok(...finishCurrent, ...open.events, { type: 'TicketCalled', ticketId: next.id, counterId: counter.id, ...(reason ? { reason } : {}) });
    }
    case 'recall':
      if (!current) return fail('conflict', 'no_current_ticket', 'this counter has no ticket to call again');
      return ok({ type: 'TicketRecalled', ticketId: current.id, counterId: counter.id });
    case 'done':
      if (!current) return fail('conflict', 'no_current_ticket', 'this counter has no ticket to finish');
      return ok(...finishCurrent);
    case 'no-show':
      if (!current) return fail('conflict', 'no_current_ticket', 'this counter has no ticket to mark as absent');
      return ok(...leaves({ type: 'TicketNoShow', ticketId: current.id, counterId: counter.id }));
    case 'open': {
      return ok(...reopenCounter(state, counter.id, now).events);
    }
    case 'close':
      if (counter.status === 'closed' && !current) return ok();
      return ok(...finishCurrent, { type: 'CounterClosed', counterId: counter.id });
  }
}
