import type { Notice } from './state';

/** How long the lobby keeps showing a notice after it was resolved: the loop is visibly closed. */
export const RESOLVED_VISIBLE_MS = 10 * 60_000;

export type NoticePhase = 'active' | 'overdue' | 'resolved';

/**
 * Where a notice is in its life at `now` (server time): active, overdue (its expected end has
 * passed and nobody resolved it: the screen must not keep promising a time already gone), or
 * resolved.
 */
export function noticePhase(n: Notice, now: number): NoticePhase {
  if (n.status === 'resolved') return 'resolved';
  if (n.expectedEndAt !== null && now >= n.expectedEndAt) return 'overdue';
  return 'active';
}

/** The notices a lobby screen shows at `now`: active ones first (newest first), then recently resolved. */
export function visibleNotices(notices: readonly Notice[], now: number): Notice[] {
  const active = notices.filter((n) => n.status === 'active').sort((a, b) => b.startedAt - a.startedAt);
  const resolved = notices
    .filter((n) => n.resolution && now - n.resolution.at < RESOLVED_VISIBLE_MS)
    .sort((a, b) => b.resolution!.at - a.resolution!.at);
  return [...active, ...resolved];
}
