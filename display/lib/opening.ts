import { withinOpeningHours, type BranchState } from '../../core/client';

export { nextOpening, zonedInstant } from '../../ui/time/next-opening';

/**
 * Whether the lobby shows its calm "closed" screen: outside the opening hours (when the branch
 * has them), and only once nobody waits and nobody is being served — the last customers after
 * closing time still see the board.
 */
export function showClosed(state: BranchState, now: number): boolean {
  const config = state.config;
  if (!config || withinOpeningHours(config, now) !== false) return false;
  const waiting = Object.values(state.queues).some((q) => q.length > 0);
  return !waiting && state.calls.length === 0;
}
