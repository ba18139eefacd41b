import { DelayHistory, Ring } from './delay-history';
import { PRIOR_VARIANCE, PRIOR_WEIGHTS, featuresOf } from './features';
import { FadingHistogram } from './quantiles';
import { QueueState } from './queue-state';
import type { WaitingTicket } from './queue-state';
import { OnlineRegression } from './regression';
import { UsualTracker } from './usual';
import type { Estimator, EstimatorEvent, EstimatorOptions, ServiceRef, TicketRef, WaitEstimate, WaitingEstimate } from './types';

/**
 * The wait estimator. In short: it counts who is ahead of a ticket (same service, other services,
 * priorities applied), looks at how long recent customers waited, and weighs these with weights
 * it keeps learning from every ticket that gets called. The 80% range comes from how far real
 * waits fell from its own earlier estimates. See docs/ESTIMATOR.md.
 */

/** Shift (seconds) inside the log of the spread, so short waits don't give huge ratios. */
const SPREAD_SHIFT_SEC = 20;
/** Spread is learned separately for short, medium and long estimates (upper bounds, seconds). */
const SPREAD_BUCKETS = [45, 90, 180, Infinity] as const;

interface Pending {
  features: Float64Array;
  /** The estimate given when the ticket was issued, if any: the spread is learned from its errors. */
  estimateSec: number | undefined;
}

export function createEstimator(options: EstimatorOptions = {}): Estimator {
  const minHistory = options.minHistory ?? 20;
  const minServiceHistory = options.minServiceHistory ?? 150;
  const forgetting = options.forgetting ?? 0.998;
  const queue = new QueueState({
    priorityHeadStartSec: options.priorityHeadStartSec ?? {},
    activeCounterWindowSec: options.activeCounterWindowSec ?? 1800,
    staleTicketSec: options.staleTicketSec ?? 4 * 3600,
  });
  const history = new DelayHistory();
  const usual = new UsualTracker((options.utcOffsetMin ?? 0) * 60_000);
  const allWaits = new Ring(50);
  const shared = new OnlineRegression(PRIOR_WEIGHTS, PRIOR_VARIANCE, forgetting);
  const byService = new Map<ServiceRef, OnlineRegression>();
  const spread = SPREAD_BUCKETS.map(() => new FadingHistogram(-4, 4, 160, 0.9995));
  const pending = new Map<TicketRef, Pending>();

  const modelFor = (service: ServiceRef): OnlineRegression | undefined => {
    const own = byService.get(service);
    if (own && own.updates >= minServiceHistory) return own;
    return shared.updates >= minHistory ? shared : undefined;
  };

  const spreadFor = (estimateSec: number): FadingHistogram =>
    spread[SPREAD_BUCKETS.findIndex((b) => estimateSec < b)] ?? (spread[spread.length - 1] as FadingHistogram);

  /** Point estimate for a ticket queued at `queuedAt`, or why there is none. */
  const estimate = (service: ServiceRef, queuedAt: number, now: number, self?: WaitingTicket): WaitEstimate & { features?: Float64Array } => {
    const counters = queue.activeCounters(service, now).length;
    if (counters === 0) return { known: false, cause: 'no_counter', reasons: usual.reasons(service, now, counters, undefined) };
    const fallback = allWaits.mean();
    const model = modelFor(service);
    if (fallback === undefined || !model) {
      return { known: false, cause: 'no_history', reasons: usual.reasons(service, now, counters, undefined) };
    }
    const features = featuresOf(service, queue.position(service, queuedAt, now, self), counters, history, fallback);
    const waitSec = Math.max(0, model.predict(features));
    const s = spreadFor(waitSec);
    const band = (q: number): number => Math.max(0, Math.exp(s.quantile(q)) * (waitSec + SPREAD_SHIFT_SEC) - SPREAD_SHIFT_SEC);
    const [p10Sec, p90Sec] = s.weight > 0 ? [band(0.1), band(0.9)] : [0, 2 * waitSec];
    return {
      known: true,
      waitSec,
      p10Sec: Math.min(p10Sec, waitSec),
      p90Sec: Math.max(p90Sec, waitSec),
      usualSec: usual.usualWait(service, now),
      reasons: usual.reasons(service, now, counters, waitSec),
      features,
    };
  };

  const learn = (ticket: WaitingTicket, waitSec: number): void => {
    const p = pending.get(ticket.ticket);
    pending.delete(ticket.ticket);
    history.recordWait(ticket.service, waitSec);
    usual.recordWait(ticket.service, ticket.issuedAt, waitSec);
    allWaits.push(waitSec);
    if (!p) return;
    shared.update(p.features, waitSec);
    let own = byService.get(ticket.service);
    if (!own) byService.set(ticket.service, (own = new OnlineRegression(PRIOR_WEIGHTS, PRIOR_VARIANCE, forgetting)));
    own.update(p.features, waitSec);
    if (p.estimateSec !== undefined) {
      spreadFor(p.estimateSec).add(Math.log((waitSec + SPREAD_SHIFT_SEC) / (p.estimateSec + SPREAD_SHIFT_SEC)));
    }
  };

  return {
    observe(event: EstimatorEvent): void {
      const change = queue.apply(event);
      switch (change.type) {
        case 'issued': {
          const t = change.ticket;
          const counters = queue.activeCounters(t.service, t.issuedAt).length;
          usual.recordArrival(t.service, t.issuedAt, counters);
          const fallback = allWaits.mean() ?? 0;
          const e = estimate(t.service, t.queuedAt, t.issuedAt, t);
          // Learn even when no estimate could be shown (e.g. no counter yet): the features still describe its queue.
          const features =
            e.features ?? featuresOf(t.service, queue.position(t.service, t.queuedAt, t.issuedAt, t), counters, history, fallback);
          pending.set(t.ticket, { features, estimateSec: e.known ? e.waitSec : undefined });
          break;
        }
        case 'served':
          learn(change.ticket, change.waitSec);
          break;
        case 'left':
          // A customer who gave up tells us only that the wait was longer than that: not used to learn.
          pending.delete(change.ticket.ticket);
          break;
        case 'ended':
          history.recordCompletion(change.service, change.at, change.durationSec, change.counter);
          usual.recordDuration(change.service, change.durationSec);
          break;
        case 'none':
          break;
      }
      if (pending.size > 4 * queue.waiting.size + 1000) {
        for (const id of pending.keys()) if (!queue.waiting.has(id)) pending.delete(id);
      }
    },

    estimateNew(service: ServiceRef, now: number, priority = 0): WaitEstimate {
      return strip(estimate(service, now - queue.headStartMs(priority), now));
    },

    estimateWaiting(now: number): WaitingEstimate[] {
      return queue.callOrder().map((t, ahead) => ({
        ticket: t.ticket,
        service: t.service,
        ahead,
        estimate: strip(estimate(t.service, t.queuedAt, now, t)),
      }));
    },
  };
}

/** Internal features stay internal. */
function strip(e: WaitEstimate & { features?: Float64Array }): WaitEstimate {
  if (!e.known) return e;
  return { known: true, waitSec: e.waitSec, p10Sec: e.p10Sec, p90Sec: e.p90Sec, usualSec: e.usualSec, reasons: e.reasons };
}
