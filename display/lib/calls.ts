import type { Call } from '../../core/client';

/** Identifies one announcement of a ticket at a counter (a recall is a new announcement). */
export function callKey(c: Pick<Call, 'ticketId' | 'counterId' | 'at'>): string {
  return `${c.ticketId}@${c.counterId}@${c.at}`;
}

/** How long a fresh call stays highlighted on the lobby screen. */
export const CALL_HIGHLIGHT_MS = 10_000;
