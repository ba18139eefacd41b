import type { Cause } from './causes';
import type { BranchState, Notice } from './state';
import { MINUTE } from './time';

/** Causes that are the branch's doing: resolving them offers the apology by default. */
export const BRANCH_FAULT_CAUSES: readonly Cause[] = ['technical_problem', 'staff_late', 'staff_shortage'];

export type PromiseDuring = 'missed' | 'kept' | 'unknown';

/**
 * Whether waits in a notice's scope passed their promise while it was up: a ticket called late
 * since it started, or one waiting past the promise now. "unknown" when no service in scope has
 * a promise.
 */
export function promiseDuring(state: BranchState, n: Notice, now: number): PromiseDuring {
  const services = servicesOf(state, n).filter((s) => s.promiseMinutes !== undefined);
  if (!services.length) return 'unknown';
  for (const s of services) {
    const lateAt = state.promiseMissedAt?.[s.id];
    if (lateAt !== undefined && lateAt >= n.startedAt) return 'missed';
    const head = state.queues[s.id]?.[0];
    const t = head ? state.tickets[head] : undefined;
    if (t && now - t.issuedAt > s.promiseMinutes! * MINUTE) return 'missed';
  }
  return 'kept';
}

/**
 * Whether resolving this notice should offer the apology pre-ticked: yes when the promise was
 * missed while it was up, no when waits stayed within the promise (an apology for a normal wait
 * reads as insincere), and otherwise yes when the cause is the branch's own doing.
 */
export function apologyDefault(state: BranchState, n: Notice, now: number): boolean {
  const during = promiseDuring(state, n, now);
  if (during === 'missed') return true;
  if (during === 'kept') return false;
  return BRANCH_FAULT_CAUSES.includes(n.cause);
}

function servicesOf(state: BranchState, n: Notice) {
  const services = state.config?.services ?? [];
  if (n.scope.type === 'branch') return services;
  if (n.scope.type === 'services') {
    const ids = n.scope.ids;
    return services.filter((s) => ids.includes(s.id));
  }
  const ids = new Set(n.scope.ids);
  const served = new Set((state.config?.counters ?? []).filter((c) => ids.has(c.id)).flatMap((c) => c.services));
  return services.filter((s) => served.has(s.id));
}
