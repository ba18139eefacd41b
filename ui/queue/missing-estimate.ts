import type { BranchState, WaitEstimate } from '../../core/client';
import type { MessageKey } from '../i18n/localize';

/** How long the longest-waiting ticket of `service` has waited at `now`, ms; 0 when nobody waits. */
export function longestWait(state: Pick<BranchState, 'queues' | 'tickets'>, service: string, now: number): number {
  let longest = 0;
  // The listed head of a long queue holds its oldest tickets (core/public-snapshot.ts).
  for (const id of state.queues[service] ?? []) {
    const t = state.tickets[id];
    if (t) longest = Math.max(longest, now - t.issuedAt);
  }
  return longest;
}

/** `longestWait` of each service; 0 where nobody waits. */
export function longestWaits(state: Pick<BranchState, 'queues' | 'tickets'>, now: number): Record<string, number> {
  return Object.fromEntries(Object.keys(state.queues).map((service) => [service, longestWait(state, service, now)]));
}

/**
 * What the board says for a wait it has no figure for. `no_history` means the estimator has seen
 * too few customers served (docs/ESTIMATOR.md, "Unknown"): it cannot know when it will have
 * enough — nobody may be served for half an hour — so the board never says "soon". `no_counter`
 * says that no counter serves the service. Either way, once someone has waited a minute or more,
 * it adds the one fact it does know: how long the one waiting longest has waited so far (a fact,
 * not a forecast) — with no counter open, people still wait, and the room should see for how long.
 * The lobby, the kiosk and the phone ticket all word it so.
 */
export function missingEstimate(
  e: Extract<WaitEstimate, { known: false }>,
  longestWaitMs: number,
): { key: MessageKey; values?: { min: number } } {
  const min = Math.floor(longestWaitMs / 60_000);
  if (e.cause === 'no_counter') return min >= 1 ? { key: 'lobby.estimateNoCounterLongest', values: { min } } : { key: 'lobby.estimateNoCounter' };
  return min >= 1 ? { key: 'lobby.estimateNoneLongest', values: { min } } : { key: 'lobby.estimateNoHistory' };
}
