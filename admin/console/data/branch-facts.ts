import { pickText, waitingCount, type BranchState, type Cause } from '../../../core/client';

/** One branch at a glance, as the console's tables show it. */
export interface BranchFacts {
  waiting: number;
  waitingByService: { id: string; name: string; waiting: number }[];
  countersOpen: number;
  countersTotal: number;
  activeNotices: { id: string; cause: Cause; since: number }[];
  /** The longest wait of someone still waiting, against their service's promise (null when none). */
  longestWait: { service: string; minutes: number; promiseMinutes: number | null } | null;
}

/** Reads the facts off a branch's live state at server time `now`. Pure, so the tables and the tests agree. */
export function branchFacts(state: BranchState, now: number, lang: string): BranchFacts {
  const cfg = state.config;
  const services = cfg?.services ?? [];
  const langs = cfg?.languages ?? [];
  const waitingByService = services.map((s) => ({ id: s.id, name: pickText(s.name, lang, langs), waiting: waitingCount(state, s.id) }));
  const counters = Object.values(state.counters);
  let longestWait: BranchFacts['longestWait'] = null;
  for (const s of services) {
    const first = state.queues[s.id]?.[0];
    const t = first ? state.tickets[first] : undefined;
    if (!t) continue;
    const minutes = Math.max(0, Math.floor((now - t.issuedAt) / 60_000));
    if (!longestWait || minutes > longestWait.minutes) {
      const promise = (s as { promiseMinutes?: number }).promiseMinutes;
      longestWait = { service: pickText(s.name, lang, langs), minutes, promiseMinutes: typeof promise === 'number' ? promise : null };
    }
  }
  return {
    waiting: waitingByService.reduce((n, s) => n + s.waiting, 0),
    waitingByService,
    countersOpen: counters.filter((c) => c.status === 'open').length,
    countersTotal: cfg?.counters.length ?? counters.length,
    activeNotices: state.notices.filter((n) => n.status === 'active').map((n) => ({ id: n.id, cause: n.cause, since: n.startedAt })),
    longestWait,
  };
}
