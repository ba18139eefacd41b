import type { EventPayload } from '../events';
import type { BranchState, Notice } from '../state';
import { closingWords } from './notices';
import { apologyDefault } from '../apology';

/** Active notices that tell the room this counter is closed. */
export function closingNotices(state: BranchState, counterId: string): Notice[] {
  return state.notices.filter((n) => n.status === 'active' && n.effect === 'counter_closed' && n.scope.type === 'counters' && n.scope.ids.includes(counterId));
}

/**
 * A teller who calls or opens at a counter that a notice says is closed has ended that matter for
 * this counter, so the tile and the notice never say two things: a notice about this counter
 * alone is resolved in the same batch; one that also closes other counters goes on for them, this
 * counter taken out of it (both with the reason in the log). One tap for the teller either way.
 */
export function reopenCounter(state: BranchState, counterId: string, now: number): { events: EventPayload[] } {
  const moves: EventPayload[] = closingNotices(state, counterId).map((n) => {
    const others = n.scope.type === 'counters' ? n.scope.ids.filter((id) => id !== counterId) : [];
    if (others.length > 0) {
      return { type: 'NoticeUpdated', noticeId: n.id, scope: { type: 'counters', ids: others }, reason: 'counter_reopened' };
    }
    return {
      type: 'NoticeResolved',
      noticeId: n.id,
      ...closingWords(state, n, null),
      apologise: apologyDefault(state, n, now),
      reason: 'counter_reopened',
    };
  });
  const open: EventPayload[] = state.counters[counterId]?.status === 'open' ? [] : [{ type: 'CounterOpened', counterId }];
  return { events: [...moves, ...open] };
}
