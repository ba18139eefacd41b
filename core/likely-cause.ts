import type { Cause } from './causes';
import { capacity, serviceCapacity } from './capacity';
import type { ReasonCode } from './estimate';
import type { BranchState, Notice } from './state';

/**
 * Why waits for a service are long, worked out by the system so a teller can post it in one tap:
 * a counter past its announced "back at", fewer counters open than planned or than usual, more
 * arrivals than usual, longer services than usual. `reasons` are the estimator's comparisons
 * with the branch's history (empty when it has too little).
 */
export type LikelyCauseCode = 'counter_late' | 'below_plan' | 'fewer_counters' | 'more_arrivals' | 'longer_service';

export interface LikelyCause {
  code: LikelyCauseCode;
  cause: Cause;
  /** The counter it is about (late counter, longest service), when there is one. */
  counterId: string | null;
  /** The branch's preset to post for it, if it has one. */
  presetId: string | null;
}

/** Every cause that holds now, most telling first; the first is "the likely cause". */
export function likelyCauses(state: BranchState, service: string, now: number, reasons: readonly ReasonCode[] = []): LikelyCause[] {
  const config = state.config;
  if (!config) return [];
  const serving = config.counters.filter((c) => c.services.includes(service)).map((c) => c.id);
  const out: LikelyCause[] = [];
  const add = (code: LikelyCauseCode, cause: Cause, counterId: string | null) =>
    out.push({ code, cause, counterId, presetId: presetFor(state, cause, counterId) });

  const late = serving
    .map((id) => state.counters[id])
    .filter((c) => c?.status === 'paused' && c.backAt !== null && c.backAt <= now)
    .sort((a, b) => a!.backAt! - b!.backAt!)[0];
  if (late) add('counter_late', 'staff_late', late.id);
  const cap = serviceCapacity(state, service);
  if (capacity(state, now).belowPlan && cap.open < cap.planned) add('below_plan', 'staff_shortage', null);
  else if (reasons.includes('fewer_counters')) add('fewer_counters', 'staff_shortage', null);
  if (reasons.includes('more_arrivals')) add('more_arrivals', 'high_demand', null);
  if (reasons.includes('longer_service')) add('longer_service', 'long_transaction', longestService(state, serving));
  return out;
}

export function likelyCause(state: BranchState, service: string, now: number, reasons: readonly ReasonCode[] = []): LikelyCause | null {
  return likelyCauses(state, service, now, reasons)[0] ?? null;
}

/** The branch's preset for a cause: one about a counter when there is a counter, else one for the branch. */
function presetFor(state: BranchState, cause: Cause, counterId: string | null): string | null {
  const presets = (state.config?.presets ?? []).filter((p) => p.cause === cause);
  // A counter preset needs a counter; without one only a branch or service preset can be posted.
  const fit = counterId ? (presets.find((p) => p.scope === 'counter') ?? presets[0]) : presets.find((p) => p.scope !== 'counter');
  return fit?.id ?? null;
}

/** The counter serving one of `counters` whose customer has been there longest. */
function longestService(state: BranchState, counters: readonly string[]): string | null {
  let best: { id: string; since: number } | null = null;
  for (const id of counters) {
    const t = state.counters[id]?.ticketId ? state.tickets[state.counters[id]!.ticketId!] : undefined;
    if (t?.calledAt != null && (!best || t.calledAt < best.since)) best = { id, since: t.calledAt };
  }
  return best?.id ?? null;
}

/** Whether an active notice tells the room about trouble with this service (an "info" notice does not). */
export function noticeExplains(n: Notice, state: BranchState, service: string): boolean {
  if (n.status !== 'active' || n.effect === 'info') return false;
  if (n.scope.type === 'branch') return true;
  if (n.scope.type === 'services') return n.scope.ids.includes(service);
  const serving = new Set((state.config?.counters ?? []).filter((c) => c.services.includes(service)).map((c) => c.id));
  return n.scope.ids.some((id) => serving.has(id));
}
