import { DelayHistory, Ring } from './delay-history';
import {
  PRIOR_VARIANCE,
  PRIOR_WEIGHTS,
  WAITING_PRIOR_VARIANCE,
  WAITING_PRIOR_WEIGHTS,
  featuresOf,
  waitingFeaturesOf,
} from './features';
import { ServiceTimesToday, nowView } from './operational';
import type { NowView } from './operational';
import { QueueState } from './queue-state';
import { Spread } from './spread';
import type { WaitingTicket } from './queue-state';
import { UsualTracker } from './usual';
import { FadingHistogram } from './quantiles';
import { OnlineRegression } from './regression';
import { loadState, saveState } from './saved-state';
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
  /** What the queue and counters said then (for the spread of the "now" estimate). */
  nowSec: number;
}

interface Pending {
  arrival: Snapshot;
  /** Snapshots while waiting (the first one is the arrival itself, waited 0). */
  waiting: Snapshot[];
}

/** Everything the estimator has learned: what `save()` writes and `createEstimator(options, saved)` reads. */
interface Parts {
  queue: QueueState;
  history: DelayHistory;
  usual: UsualTracker;
  allWaits: Ring;
  onArrival: WaitModel;
  whileWaiting: WaitModel;
  pending: Map<TicketRef, Pending>;
  times: ServiceTimesToday;
  nowSpread: Spread;
  nowWaitingSpread: Spread;
  /** Tickets called so far: the learned models speak only after `minHistory` of them (the waiting model learns several snapshots per ticket, so its own count would come too soon). */
  counts: { called: number };
  /** Called tickets whose issue time is a stand-in, waiting for the real one (absent in states saved before it existed). */
  standIns?: Map<TicketRef, { service: ServiceRef; calledAt: number }>;
}

/** Stand-ins kept at most: a queue system that never sends the real issue times must not grow this. */
const MAX_STAND_INS = 2000;

const SAVED_CLASSES = [QueueState, DelayHistory, UsualTracker, Ring, WaitModel, ServiceTimesToday, Spread, FadingHistogram, OnlineRegression];

/** A new estimator, or (with `saved`, from `save()`, and the same options) one that goes on from where that one was. */
export function createEstimator(options: EstimatorOptions = {}, saved?: string): Estimator {
  const minHistory = options.minHistory ?? 20;
  const modelOptions = {
    forgetting: options.forgetting ?? 0.998,
    minHistory,
    minServiceHistory: options.minServiceHistory ?? 150,
  };
  const fresh = (): Parts => ({
    queue: new QueueState({
      priorityHeadStartSec: options.priorityHeadStartSec ?? {},
      activeCounterWindowSec: options.activeCounterWindowSec ?? 1800,
      staleTicketSec: options.staleTicketSec ?? 4 * 3600,
    }),
    history: new DelayHistory(),
    usual: new UsualTracker((options.utcOffsetMin ?? 0) * 60_000),
    allWaits: new Ring(50),
    onArrival: new WaitModel({ ...modelOptions, prior: PRIOR_WEIGHTS, priorVariance: PRIOR_VARIANCE }),
    whileWaiting: new WaitModel({ ...modelOptions, prior: WAITING_PRIOR_WEIGHTS, priorVariance: WAITING_PRIOR_VARIANCE }),
    pending: new Map<TicketRef, Pending>(),
    times: new ServiceTimesToday((options.utcOffsetMin ?? 0) * 60_000, options.defaultServiceSec ?? 300),
    nowSpread: new Spread(),
    nowWaitingSpread: new Spread(),
    counts: { called: 0 },
    standIns: new Map(),
  });
  const parts = saved === undefined ? fresh() : loadState<Parts>(saved, SAVED_CLASSES);
  const { queue, history, usual, allWaits, onArrival, whileWaiting, pending, times, nowSpread, nowWaitingSpread, counts } = parts;
  const standIns = (parts.standIns ??= new Map());
  const minToday = options.minServicesToday ?? 3;

  /** Features of a ticket queued at `queuedAt` (itself left out of the queue if it is waiting). */
  const featuresFor = (service: ServiceRef, queuedAt: number, now: number, view: NowView, self?: WaitingTicket): Float64Array =>
    featuresOf(service, queue.position(service, queuedAt, now, self), view.counters, history, allWaits.mean() ?? 0, view.waitSec);

  /**
   * Before the learned model has enough history: the "now" estimate, once today's service times
   * say enough (or "available soon" until then); its range from its own past errors, or wide.
   */
  const fromNow = (view: NowView, spread: Spread, now: number): Range | undefined => {
    if (times.countToday(now) < minToday) return undefined;
    const w = view.waitSec;
    return spread.range(w, () => ({ waitSec: w, p10Sec: w / 2, p90Sec: 2 * w + view.serviceSec / Math.max(1, view.counters) }));
  };

  /** The common part of an answer: unknown causes first, then the model's range (or the "now" one) and the reasons. */
  const answer = (service: ServiceRef, now: number, view: NowView, learned: () => Range | undefined, spread: Spread): WaitEstimate => {
    const counters = view.counters;
    if (counters === 0) return { known: false, cause: 'no_counter', reasons: usual.reasons(service, now, counters, undefined) };
    const r = (counts.called >= minHistory && allWaits.size > 0 ? learned() : undefined) ?? fromNow(view, spread, now);
    if (!r) return { known: false, cause: 'no_history', reasons: usual.reasons(service, now, counters, undefined) };
    return { known: true, ...r, usualSec: usual.usualWait(service, now), reasons: usual.reasons(service, now, counters, r.waitSec) };
  };

  /** What is shown for a ticket waiting since `t.issuedAt`, and what it is learned from. */
  const waitingSnapshot = (t: WaitingTicket, now: number): { view: NowView; features: Float64Array } => {
    const view = nowView(queue, times, t.service, t.queuedAt, now, t);
    return { view, features: waitingFeaturesOf(featuresFor(t.service, t.queuedAt, now, view, t), (now - t.issuedAt) / 1000) };
  };

  const snapshotWaiting = (now: number): void => {
    for (const t of queue.waiting.values()) {
      const p = pending.get(t.ticket);
      const last = p?.waiting[p.waiting.length - 1];
      if (!p || !last || p.waiting.length >= MAX_SNAPSHOTS || now - last.at < SNAPSHOT_EVERY_MS) continue;
      const { view, features } = waitingSnapshot(t, now);
      const e = view.counters > 0 ? whileWaiting.estimate(t.service, features) : undefined;
      p.waiting.push({ at: now, features, estimateSec: e?.waitSec, nowSec: view.waitSec });
    }
  };

  const learn = (ticket: WaitingTicket, calledAt: number, waitSec: number): void => {
    history.recordWait(ticket.service, waitSec);
    usual.recordWait(ticket.service, ticket.issuedAt, waitSec);
    allWaits.push(waitSec);
    counts.called++;
    const p = pending.get(ticket.ticket);
    pending.delete(ticket.ticket);
    if (!p) return;
    onArrival.learn(ticket.service, p.arrival.features, waitSec, p.arrival.estimateSec);
    nowSpread.learn(p.arrival.nowSec, waitSec);
    for (const s of p.waiting) {
      const rest = (calledAt - s.at) / 1000;
      whileWaiting.learn(ticket.service, s.features, rest, s.estimateSec);
      nowWaitingSpread.learn(s.nowSec, rest);
    }
  };

  return {
    observe(event: EstimatorEvent): void {
      const change = queue.apply(event);
      switch (change.type) {
        case 'issued': {
          const t = change.ticket;
          snapshotWaiting(t.issuedAt);
          const view = nowView(queue, times, t.service, t.queuedAt, t.issuedAt, t);
          usual.recordArrival(t.service, t.issuedAt, view.counters);
          // Learn even when no estimate could be shown (e.g. no counter yet): the features still describe its queue.
          const features = featuresFor(t.service, t.queuedAt, t.issuedAt, view, t);
          const open = view.counters > 0 && allWaits.size > 0;
          const shown = open ? onArrival.estimate(t.service, features) : undefined;
          const asWaiting = waitingFeaturesOf(features, 0);
          const shownWaiting = open ? whileWaiting.estimate(t.service, asWaiting) : undefined;
          pending.set(t.ticket, {
            arrival: { at: t.issuedAt, features, estimateSec: shown?.waitSec, nowSec: view.waitSec },
            waiting: [{ at: t.issuedAt, features: asWaiting, estimateSec: shownWaiting?.waitSec, nowSec: view.waitSec }],
          });
          break;
        }
        case 'served':
          if (!change.ticket.inferred) learn(change.ticket, change.at, change.waitSec);
          else {
            // A wait counted from a stand-in would teach that waits are short: wait for the real issue time.
            pending.delete(change.ticket.ticket);
            standIns.set(change.ticket.ticket, { service: change.ticket.service, calledAt: change.at });
            if (standIns.size > MAX_STAND_INS) standIns.delete(standIns.keys().next().value!);
          }
          break;
        case 'corrected': {
          const s = standIns.get(change.ticket);
          if (!s || change.issuedAt > s.calledAt) break;
          standIns.delete(change.ticket);
          // Learned as a recent wait (the queue as it was at its issue is not known: the regression does not learn it).
          const waitSec = (s.calledAt - change.issuedAt) / 1000;
          history.recordWait(s.service, waitSec);
          usual.recordWait(s.service, change.issuedAt, waitSec);
          allWaits.push(waitSec);
          counts.called++;
          break;
        }
        case 'left':
          // A customer who gave up tells us only that the wait was longer than that: not used to learn.
          pending.delete(change.ticket.ticket);
          break;
        case 'ended':
          history.recordCompletion(change.service, change.at, change.durationSec, change.counter);
          usual.recordDuration(change.service, change.durationSec);
          times.record(change.service, change.at, change.durationSec);
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
      const queuedAt = now - queue.headStartMs(priority);
      const view = nowView(queue, times, service, queuedAt, now);
      return answer(service, now, view, () => onArrival.estimate(service, featuresFor(service, queuedAt, now, view)), nowSpread);
    },

    save(): string {
      return saveState(parts, SAVED_CLASSES);
    },

    estimateWaiting(now: number): WaitingEstimate[] {
      return queue.callOrder().map((t, ahead): WaitingEstimate => {
        const { view, features } = waitingSnapshot(t, now);
        const estimate = answer(t.service, now, view, () => whileWaiting.estimate(t.service, features), nowWaitingSpread);
        return { ticket: t.ticket, service: t.service, ahead, estimate };
      });
    },
  };
}
