import type { EventPayload } from '../events';
import type { BranchState, Notice } from '../state';
import { err } from './result';
import type { CommandError } from '../commands';
import { closingWords } from './notices';
import { apologyDefault } from '../apology';

/** Active notices that tell the room this counter is closed. */
export function closingNotices(state: BranchState, counterId: string): Notice[] {
  return state.notices.filter((n) => n.status === 'active' && n.effect === 'counter_closed' && n.scope.type === 'counters' && n.scope.ids.includes(counterId));
}

/**
 * A teller who calls or opens at a counter that a notice says is closed has ended that matter:
 * the notice is resolved in the same batch (with the reason in the log), so the tile and the
 * notice never say two things. A notice that also closes other counters is not this teller's to
 * end: refused, naming the notice, so they resolve or update it first.
 */
export function reopenCounter(state: BranchState, counterId: string, now: number): { events: EventPayload[] } | { error: CommandError } {
  const notices = closingNotices(state, counterId);
  const shared = notices.find((n) => n.scope.type === 'counters' && n.scope.ids.some((id) => id !== counterId));
  if (shared) {
    const text = shared.text[state.config?.languages?.[0] ?? ''] ?? Object.values(shared.text)[0] ?? '';
    return err('conflict', 'closed_by_notice', `notice "${shared.id}" ("${text}") says this counter is closed, with others: resolve or update it first`);
  }
  const resolved: EventPayload[] = notices.map((n) => ({
    type: 'NoticeResolved',
    noticeId: n.id,
    ...closingWords(state, n, null),
    apologise: apologyDefault(state, n, now),
    reason: 'counter_reopened',
  }));
  const open: EventPayload[] = state.counters[counterId]?.status === 'open' ? [] : [{ type: 'CounterOpened', counterId }];
  return { events: [...resolved, ...open] };
}
