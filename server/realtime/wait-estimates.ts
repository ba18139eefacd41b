import {
  ServiceTimes,
  createEstimator,
  toEstimatorEvents,
  utcOffsetMinutes,
  type BranchEvent,
  type Estimator,
  type WaitEstimates,
} from '../../core';
import type { BranchStates } from '../commands/branch-states';
import type { EventStore } from '../store/event-store';

/** How much history a branch's estimator learns from when the server starts: a few busy weeks. */
const HISTORY_EVENTS = 50_000;
/** Events read per batch while learning; the event loop breathes between batches. */
const LEARN_BATCH = 2_000;

/**
 * One wait estimator per branch, fed from the log at first use and then from every committed
 * event. Estimates are derived data: never in the log, recomputed on demand. Learning reads the
 * log in batches, off the command path.
 */
export class WaitEstimateService {
  private readonly estimators = new Map<string, { estimator: Estimator; seq: number; times: ServiceTimes }>();
  private readonly learning = new Map<string, Promise<void>>();

  constructor(
    private readonly states: BranchStates,
    private readonly store: EventStore,
  ) {}

  observe(branchId: string, events: readonly BranchEvent[]): void {
    const held = this.estimators.get(branchId);
    // Not built yet: it will read these events from the log while it learns.
    if (!held) return;
    const state = this.states.peek(branchId);
    if (!state) return;
    for (const e of events) {
      if (e.seq <= held.seq) continue;
      for (const x of toEstimatorEvents(e, state)) held.estimator.observe(x);
      held.times.observe(e);
      held.seq = e.seq;
    }
  }

  /** Resolves once the branch's estimator has learned from its history. */
  ready(branchId: string): Promise<void> {
    if (this.estimators.has(branchId)) return Promise.resolve();
    let p = this.learning.get(branchId);
    if (!p) {
      p = this.learn(branchId).finally(() => this.learning.delete(branchId));
      this.learning.set(branchId, p);
    }
    return p;
  }

  /** The expected wait of a ticket taken now, for every service, and of every waiting ticket; undefined while still learning. */
  estimates(branchId: string, now: number): WaitEstimates | undefined {
    const state = this.states.peek(branchId);
    const held = this.estimators.get(branchId);
    if (!state?.config || !held) return undefined;
    const services: WaitEstimates['services'] = {};
    for (const s of state.config.services) services[s.id] = held.estimator.estimateNew(s.id, now);
    const tickets: NonNullable<WaitEstimates['tickets']> = {};
    for (const w of held.estimator.estimateWaiting(now)) tickets[w.ticket] = { ahead: w.ahead, estimate: w.estimate };
    return { at: now, services, tickets, serviceSec: held.times.usual() };
  }

  private async learn(branchId: string): Promise<void> {
    const state = await this.states.get(branchId);
    if (!state) return;
    const estimator = createEstimator({ utcOffsetMin: state.config ? utcOffsetMinutes(Date.now(), state.config.timezone) : 0 });
    const times = new ServiceTimes();
    let seq = Math.max(0, state.seq - HISTORY_EVENTS);
    for (;;) {
      const batch = await this.store.readSince(branchId, seq, LEARN_BATCH);
      const now = this.states.peek(branchId) ?? state;
      for (const e of batch) {
        for (const x of toEstimatorEvents(e, now)) estimator.observe(x);
        times.observe(e);
      }
      if (batch.length) seq = batch[batch.length - 1]!.seq;
      if (batch.length < LEARN_BATCH) break;
      await new Promise((r) => setImmediate(r));
    }
    this.estimators.set(branchId, { estimator, seq, times });
  }
}
