/**
 * Why a ticket was called before others who came earlier. A fixed list, never free text, so the
 * lobby can say it in every language and history can count out-of-turn calls by reason.
 * Priority keeps its kind for reports; the lobby says only "priority" (nobody's condition is
 * announced to the room).
 */
export const OUT_OF_TURN_REASONS = [
  'appointment',
  'priority_pregnancy',
  'priority_disability',
  'priority_elderly',
  'quick_operation',
  'transferred',
  'no_show_callback',
] as const;

/** The reason as the room hears it: the three priorities are one. */
export type PublicCallReason = 'appointment' | 'priority' | 'quick_operation' | 'transferred' | 'no_show_callback';

export function publicCallReason(r: (typeof OUT_OF_TURN_REASONS)[number]): PublicCallReason {
  return r.startsWith('priority_') ? 'priority' : (r as PublicCallReason);
}

/** A ticket marked as a no-show can be put back within this time ("the customer was in the bathroom"). */
export const UNDO_NO_SHOW_MS = 5 * 60_000;
