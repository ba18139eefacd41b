import {
  createEstimator,
  toEstimatorEvents,
  utcOffsetMinutes,
  type BranchEvent,
  type Estimator,
  type WaitEstimates,
} from '../../core';
import type { EventLog } from '../store/event-log';

/** How much history a branch's estimator learns from when the server starts: a few busy weeks. */
const HISTORY_EVENTS = 50_000;

/**
 * One wait estimator per branch, fed from the log at first use and then from every new event.
 * Estimates are derived data: never in the log, recomputed on demand.
 */
export class WaitEstimateService {
  private readonly estimators = new Map<string, Estimator>();

  constructor(private readonly log: EventLog) {}

  observe(branchId: string, events: readonly BranchEvent[]): void {
    const estimator = this.estimators.get(branchId);
    // Not built yet: it will read these events from the log when first asked.
    if (!estimator) return;
    const state = this.log.state(branchId);
    if (!state) return;
    for (const e of events) for (const x of toEstimatorEvents(e, state)) estimator.observe(x);
  }

  /** The expected wait of a ticket taken now, for every service of the branch. */
  estimates(branchId: string, now: number): WaitEstimates | undefined {
    const state = this.log.state(branchId);
    if (!state?.config) return undefined;
    const estimator = this.estimator(branchId);
    const services: WaitEstimates['services'] = {};
    for (const s of state.config.services) services[s.id] = estimator.estimateNew(s.id, now);
    return { at: now, services };
  }

  private estimator(branchId: string): Estimator {
    let estimator = this.estimators.get(branchId);
    if (estimator) return estimator;
    const state = this.log.state(branchId)!;
    estimator = createEstimator({ utcOffsetMin: state.config ? utcOffsetMinutes(Date.now(), state.config.timezone) : 0 });
    const from = Math.max(0, state.seq - HISTORY_EVENTS);
    for (let seq = from; seq < state.seq; ) {
      const batch = this.log.eventsSince(branchId, seq, 5000);
      if (!batch.length) break;
      for (const e of batch) for (const x of toEstimatorEvents(e, state)) estimator.observe(x);
      seq = batch[batch.length - 1]!.seq;
    }
    this.estimators.set(branchId, estimator);
    return estimator;
  }
}
