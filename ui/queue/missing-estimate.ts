import type { BranchState, WaitEstimate } from '../../core/client';
import type { MessageKey } from '../i18n/localize';

/** How long the longest-waiting ticket of each service has waited at `now`, ms; 0 where nobody waits. */
export function longestWaits(state: Pick<BranchState, 'queues' | 'tickets'>, now: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [service, queue] of Object.entries(state.queues)) {
    let longest = 0;
    // The listed head of a long queue holds its oldest tickets (core/public-snapshot.ts).
    for (const id of queue) {
      const t = state.tickets[id];
      if (t) longest = Math.max(longest, now - t.issuedAt);
    }
    out[service] = longest;
  }
  return out;
}

/**
 * What the board says for a wait it has no figure for. `no_history` means the estimator has seen
 * too few customers served (docs/ESTIMATOR.md, "Unknown"): it cannot know when it will have
 * enough — nobody may be served for half an hour — so the board never says "soon". It says why
 * there is no figure, or, once someone has waited a minute or more, the one fact it does know:
 * how long the one waiting longest has waited so far (a fact, not a forecast). `no_counter`
 * says that no counter serves the service.
 */
export function missingEstimate(
  e: Extract<WaitEstimate, { known: false }>,
  longestWaitMs: number,
): { key: MessageKey; values?: { min: number } } {
  if (e.cause === 'no_counter') return { key: 'lobby.estimateNoCounter' };
  const min = Math.floor(longestWaitMs / 60_000);
  return min >= 1 ? { key: 'lobby.estimateNoneLongest', values: { min } } : { key: 'lobby.estimateNoHistory' };
}
