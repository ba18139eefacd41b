import type { ReasonCode, WaitEstimate } from './estimate';
import { likelyCause, noticeExplains, type LikelyCause } from './likely-cause';
import { servicePromises, type ServicePromise } from './promise';
import type { BranchState } from './state';

/**
 * The tablet's and the console's alert: waits for a service pass its promise and no active notice
 * explains it. It carries the likely cause and the preset to post in one tap.
 */
export interface PromiseAlert {
  service: string;
  promise: ServicePromise;
  cause: LikelyCause | null;
}

export function promiseAlerts(
  state: BranchState,
  now: number,
  estimates: Readonly<Record<string, WaitEstimate>> = {},
): PromiseAlert[] {
  const out: PromiseAlert[] = [];
  for (const p of Object.values(servicePromises(state, now, estimates))) {
    if (p.status !== 'missed') continue;
    if (state.notices.some((n) => noticeExplains(n, state, p.service))) continue;
    const reasons: readonly ReasonCode[] = estimates[p.service]?.reasons ?? [];
    out.push({ service: p.service, promise: p, cause: likelyCause(state, p.service, now, reasons) });
  }
  return out;
}

/** The alerts a teller at `counterId` should see: those of the services their counter serves. */
export function promiseAlertsForCounter(
  state: BranchState,
  counterId: string,
  now: number,
  estimates: Readonly<Record<string, WaitEstimate>> = {},
): PromiseAlert[] {
  const services = state.config?.counters.find((c) => c.id === counterId)?.services ?? [];
  return promiseAlerts(state, now, estimates).filter((a) => services.includes(a.service));
}
