import { DelayHistory, Ring } from './delay-history';
import {
  PRIOR_VARIANCE,
  PRIOR_WEIGHTS,
  WAITING_PRIOR_VARIANCE,
  WAITING_PRIOR_WEIGHTS,
  featuresOf,
  waitingFeaturesOf,
} from './features';
import { QueueState } from './queue-state';
import type { WaitingTicket } from './queue-state';
import { UsualTracker } from './usual';
import { WaitModel } from './wait-model';
import type { Range } from './wait-model';
import type { Estimator, EstimatorEvent, EstimatorOptions, ServiceRef, TicketRef, WaitEstimate, WaitingEstimate } from './types';

/**
 * The wait estimator. In short: it counts who is ahead of a ticket (same service, other services,
 * priorities applied), looks at how long recent customers waited, and weighs these with weights
 * it keeps learning from every ticket that gets called. The 80% range comes from how far real
 * waits fell from its own earlier estimates. See docs/ESTIMATOR.md.
 *
 * Two learned models: one for a ticket being issued now (the figure benchmarked in
 * docs/BENCHMARKS.md), one for the rest of the wait of a ticket already waiting, which also
 * knows how long it has waited. The second learns from snapshots of waiting tickets.
 */

/** A waiting ticket is snapshotted for learning at most this often, and this many times. */
const SNAPSHOT_EVERY_MS = 30_000;
const MAX_SNAPSHOTS = 12;

interface Snapshot {
  at: number;
  features: Float64Array;
  /** What was estimated then, if anything: the spread is learned from its errors. */
  estimateSec: number | undefined;
}

interface Pending {
  arrival: Snapshot;
  /** Snapshots while waiting (the first one is the arrival itself, waited 0). */
  waiting: Snapshot[];
}

export function createEstimator(options: EstimatorOptions = {}): Estimator {
  const minHistory = options.minHistory ?? 20;
  const modelOptions = {
    forgetting: options.forgetting ?? 0.998,
    minHistory,
    minServiceHistory: options.minServiceHistory ?? 150,
  };
  const queue = new QueueState({
    priorityHeadStartSec: options.priorityHeadStartSec ?? {},
    activeCounterWindowSec: options.activeCounterWindowSec ?? 1800,
    staleTicketSec: options.staleTicketSec ?? 4 * 3600,
  });
  const history = new DelayHistory();
  const usual = new UsualTracker((options.utcOffsetMin ?? 0) * 60_000);
  const allWaits = new Ring(50);
  const onArrival = new WaitModel({ ...modelOptions, prior: PRIOR_WEIGHTS, priorVariance: PRIOR_VARIANCE });
  const whileWaiting = new WaitModel({ ...modelOptions, prior: WAITING_PRIOR_WEIGHTS, priorVariance: WAITING_PRIOR_VARIANCE });
  const pending = new Map<TicketRef, Pending>();

  /** Features of a ticket queued at `queuedAt` (itself left out of the queue if it is waiting). */
  const featuresFor = (service: ServiceRef, queuedAt: number, now: number, counters: number, self?: WaitingTicket): Float64Array =>
    featuresOf(service, queue.position(service, queuedAt, now, self), counters, history, allWaits.mean() ?? 0);

  /** The common part of an answer: unknown causes first, then the model's range and the reasons. */
  const answer = (service: ServiceRef, now: number, counters: number, range: () => Range | undefined): WaitEstimate => {
    if (counters === 0) return { known: false, cause: 'no_counter', reasons: usual.reasons(service, now, counters, undefined) };
    const r = allWaits.size > 0 ? range() : undefined;
    if (!r) return { known: false, cause: 'no_history', reasons: usual.reasons(service, now, counters, undefined) };
    return { known: true, ...r, usualSec: usual.usualWait(service, now), reasons: usual.reasons(service, now, counters, r.waitSec) };
  };

  const snapshotWaiting = (now: number): void => {
    for (const t of queue.waiting.values()) {
      const p = pending.get(t.ticket);
      const last = p?.waiting[p.waiting.length - 1];
      if (!p || !last || p.waiting.length >= MAX_SNAPSHOTS || now - last.at < SNAPSHOT_EVERY_MS) continue;
      const counters = queue.activeCounters(t.service, now).length;
      const features = waitingFeaturesOf(featuresFor(t.service, t.queuedAt, now, counters, t), (now - t.issuedAt) / 1000);
      const e = counters > 0 ? whileWaiting.estimate(t.service, features) : undefined;
      p.waiting.push({ at: now, features, estimateSec: e?.waitSec });
    }
  };

  const learn = (ticket: WaitingTicket, calledAt: number, waitSec: number): void => {
    history.recordWait(ticket.service, waitSec);
    usual.recordWait(ticket.service, ticket.issuedAt, waitSec);
    allWaits.push(waitSec);
    const p = pending.get(ticket.ticket);
    pending.delete(ticket.ticket);
    if (!p) return;
    onArrival.learn(ticket.service, p.arrival.features, waitSec, p.arrival.estimateSec);
    for (const s of p.waiting) whileWaiting.learn(ticket.service, s.features, (calledAt - s.at) / 1000, s.estimateSec);
  };

  return {
    observe(event: EstimatorEvent): void {
      const change = queue.apply(event);
      switch (change.type) {
        case 'issued': {
          const t = change.ticket;
          snapshotWaiting(t.issuedAt);
          const counters = queue.activeCounters(t.service, t.issuedAt).length;
          usual.recordArrival(t.service, t.issuedAt, counters);
          // Learn even when no estimate could be shown (e.g. no counter yet): the features still describe its queue.
          const features = featuresFor(t.service, t.queuedAt, t.issuedAt, counters, t);
          const shown = counters > 0 && allWaits.size > 0 ? onArrival.estimate(t.service, features) : undefined;
          const asWaiting = waitingFeaturesOf(features, 0);
          const shownWaiting = counters > 0 && allWaits.size > 0 ? whileWaiting.estimate(t.service, asWaiting) : undefined;
          pending.set(t.ticket, {
            arrival: { at: t.issuedAt, features, estimateSec: shown?.waitSec },
            waiting: [{ at: t.issuedAt, features: asWaiting, estimateSec: shownWaiting?.waitSec }],
          });
          break;
        }
        case 'served':
          learn(change.ticket, change.at, change.waitSec);
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
      // Tickets dropped as stale never get called: forget their snapshots too.
      if (pending.size > 2 * queue.waiting.size + 1000) {
        for (const id of pending.keys()) if (!queue.waiting.has(id)) pending.delete(id);
      }
    },

    estimateNew(service: ServiceRef, now: number, priority = 0): WaitEstimate {
      const counters = queue.activeCounters(service, now).length;
      return answer(service, now, counters, () =>
        onArrival.estimate(service, featuresFor(service, now - queue.headStartMs(priority), now, counters)),
      );
    },

    estimateWaiting(now: number): WaitingEstimate[] {
      return queue.callOrder().map((t, ahead): WaitingEstimate => {
        const counters = queue.activeCounters(t.service, now).length;
        const estimate = answer(t.service, now, counters, () =>
          whileWaiting.estimate(t.service, waitingFeaturesOf(featuresFor(t.service, t.queuedAt, now, counters, t), (now - t.issuedAt) / 1000)),
        );
        return { ticket: t.ticket, service: t.service, ahead, estimate };
      });
    },
  };
}
