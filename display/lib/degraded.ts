import { capacity, pickText, servicePromises, type BranchConfig, type BranchState, type Capacity, type ServicePromise, type WaitEstimate } from '../../core/client';
import { t, type MessageKey } from '../../ui/i18n/localize';
import { perLang, type LangText } from '../../ui/text/lang-text';

/** Capacity and the promise of each service, as the lobby shows them at `now` (server time). */
export function lobbyPromises(
  state: BranchState,
  now: number,
  estimates: Readonly<Record<string, WaitEstimate>> | undefined,
): { capacity: Capacity; promises: Record<string, ServicePromise> } {
  return { capacity: capacity(state, now), promises: servicePromises(state, now, estimates ?? {}) };
}

/**
 * What is degraded, one line per fact, in each screen language: counters open against the plan,
 * each service whose promise is being missed. Empty when nothing is.
 */
export function degradedWords(config: BranchConfig, cap: Capacity, promises: Readonly<Record<string, ServicePromise>>, langs: readonly string[]): LangText[][] {
  const lines: LangText[][] = [];
  if (cap.belowPlan) lines.push(perLang(langs, (l) => t(l, 'causes.capacity', { open: cap.open, planned: cap.planned })));
  for (const p of Object.values(promises)) {
    if (p.status !== 'missed') continue;
    const name = config.services.find((s) => s.id === p.service)?.name ?? {};
    lines.push(perLang(langs, (l) => `${pickText(name, l, config.languages)}: ${t(l, 'causes.promisePassed', { n: p.passed, min: p.promiseMinutes })}`));
  }
  return lines;
}

/** What "now serving" says with nobody at a counter: all closed, or a quiet moment, rather than "no tickets called yet" after a day of service. */
export function servingEmptyKey(state: BranchState): MessageKey {
  const counters = Object.values(state.counters);
  if (counters.length > 0 && counters.every((c) => c.status === 'closed')) return 'causes.allClosed';
  return state.today.served + state.today.noShow > 0 ? 'causes.nobodyAtCounters' : 'lobby.noCallsYet';
}


