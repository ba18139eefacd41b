import type { BranchConfig } from '../branch';
import type { Command } from '../commands';
import { UNDO_NO_SHOW_MS } from '../call-reasons';
import type { BranchState, NoShowTicket } from '../state';
import { fail, ok, type Decision } from './result';

type UndoNoShow = Extract<Command, { type: 'UndoNoShow' }>;

/**
 * A no-show taken back within a few minutes (the customer was in the bathroom): back at the
 * counter when it is open and free, otherwise back at its place in the queue. Later, the teller
 * calls it back instead ("called back after a no-show").
 */
export function decideUndoNoShow(state: BranchState, config: BranchConfig, cmd: UndoNoShow, now: number): Decision {
  const counter = state.counters[cmd.counterId];
  if (!counter || !config.counters.some((c) => c.id === cmd.counterId)) {
    return fail('not_found', 'unknown_counter', `no counter "${cmd.counterId}" in this branch`);
  }
  const n = cmd.body.ticketId ? state.noShows?.[cmd.body.ticketId] : lastNoShowAt(state, counter.id);
  if (!n) return fail('not_found', 'unknown_no_show', 'no ticket marked as a no-show to undo', cmd.body.ticketId ? 'ticketId' : undefined);
  if (now - n.noShowAt > UNDO_NO_SHOW_MS) {
    return fail('conflict', 'undo_too_late', `${n.number} was marked a no-show more than ${UNDO_NO_SHOW_MS / 60_000} minutes ago: call it back instead`);
  }
  const back = counter.status === 'open' && counter.ticketId === null ? 'counter' : 'queue';
  return ok({ type: 'NoShowUndone', ticketId: n.id, counterId: counter.id, back });
}

/** The most recent no-show marked at a counter. */
export function lastNoShowAt(state: BranchState, counterId: string): NoShowTicket | undefined {
  let last: NoShowTicket | undefined;
  for (const n of Object.values(state.noShows ?? {})) if (n.noShowCounterId === counterId && (!last || n.noShowAt > last.noShowAt)) last = n;
  return last;
}
