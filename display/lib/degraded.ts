import { capacity, servicePromises, type BranchState, type Capacity, type Notice, type ServicePromise, type WaitEstimate } from '../../core/client';
import { t, type MessageKey } from '../../ui/i18n/localize';
import { wordsLanguage } from '../../ui/i18n/languages';
import { localTexts, mixedLine, perLang, perLangText, wordsLangs, type LangText } from '../../ui/text/lang-text';

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
 * each service whose promise is being missed — less what an active notice already says (see
 * `noticesSay`). Empty when nothing is, or when the notices say all of it.
 */
export function degradedWords(
  state: BranchState,
  cap: Capacity,
  promises: Readonly<Record<string, ServicePromise>>,
  notices: readonly Notice[],
  langs: readonly string[],
): LangText[][] {
  const config = state.config!;
  const lines: LangText[][] = [];
  if (cap.belowPlan && !noticesSay(notices, { kind: 'capacity' }, state)) {
    lines.push(perLang(wordsLangs(langs), (l) => t(l, 'causes.capacity', { open: cap.open, planned: cap.planned })));
  }
  for (const p of Object.values(promises)) {
    if (p.status !== 'missed' || noticesSay(notices, { kind: 'promise', service: p.service }, state)) continue;
    const name = config.services.find((s) => s.id === p.service)?.name ?? {};
    // The service's name as the manager wrote it, marked with its language; the rest the fixed words.
    lines.push(
      perLangText(langs, (l) => {
        const words = wordsLanguage(l);
        const said = localTexts(name, [l], config.languages)[0] ?? { lang: words, text: p.service };
        return mixedLine(words, [said, { lang: words, text: `: ${t(words, 'causes.promisePassed', { n: p.passed, min: p.promiseMinutes })}` }]);
      }),
    );
  }
  return lines;
}

/** A fact of the degraded card: fewer counters open than planned, or one service's promise missed. */
export type DegradedFact = { kind: 'capacity' } | { kind: 'promise'; service: string };

/**
 * Whether the active notices already tell the room `fact`, in the notices' own terms (an effect
 * and a scope, core/causes.ts), so the degraded card need not say it again:
 * - fewer counters open: a notice that closes counters or reduces service (counter_closed,
 *   reduced_service) for the whole branch, or such notices that together name every counter not
 *   open now ("counter 2 closed" alone does not say that counter 4 is shut too);
 * - a service's promise missed: a notice of delay (slower_service, reduced_service,
 *   counter_closed) for the whole branch or naming that service. "Cash machine out of order"
 *   (service_unavailable) says something is missing, not that people wait long.
 * A notice about one counter ("receipt printer jammed at counter 3, slower service") says
 * neither: it explains that counter, not the counters that are shut nor a whole service's wait.
 */
export function noticesSay(notices: readonly Notice[], fact: DegradedFact, state: BranchState): boolean {
  const active = notices.filter((n) => n.status === 'active' && n.effect !== 'info');
  if (fact.kind === 'promise') {
    return active.some(
      (n) => n.effect !== 'service_unavailable' && (n.scope.type === 'branch' || (n.scope.type === 'services' && n.scope.ids.includes(fact.service))),
    );
  }
  const closing = active.filter((n) => n.effect === 'counter_closed' || n.effect === 'reduced_service');
  if (closing.some((n) => n.scope.type === 'branch')) return true;
  const named = new Set(closing.flatMap((n) => (n.scope.type === 'counters' ? n.scope.ids : [])));
  return Object.values(state.counters).every((c) => c.status === 'open' || named.has(c.id));
}

/** What "now serving" says with nobody at a counter: all closed, or a quiet moment, rather than "no tickets called yet" after a day of service. */
export function servingEmptyKey(state: BranchState): MessageKey {
  const counters = Object.values(state.counters);
  if (counters.length > 0 && counters.every((c) => c.status === 'closed')) return 'causes.allClosed';
  return state.today.served + state.today.noShow > 0 ? 'causes.nobodyAtCounters' : 'lobby.noCallsYet';
}


