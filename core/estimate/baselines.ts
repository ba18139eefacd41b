import { DelayHistory } from './delay-history';
import { QueueState } from './queue-state';
import type { EstimatorEvent, ServiceRef } from './types';

/**
 * Classic wait predictors from the literature, to measure our estimator against
 * (Ibrahim & Whitt 2009, "Real-time delay estimation based on delay history";
 * Thiongane, Chan & L'Ecuyer 2016/2020, "Delay predictors in multi-skill call centers").
 * Each comes twice: per service (a customer's class is its service), and pooled ("·all": the queue
 * of every service, every counter seen serving in the last hour), since where counters serve
 * several services the pooled formula can be the stronger one.
 * Each returns seconds, or undefined when it has nothing to go on.
 */
export const BASELINES = [
  'LES',
  'HOL',
  'QL',
  'AVG10',
  'classic',
  'LES·all',
  'HOL·all',
  'QL·all',
  'AVG10·all',
  'classic·all',
] as const;
export type BaselineName = (typeof BASELINES)[number];

export interface BaselineOptions {
  /** QL's mean time between completions is taken over this many recent completions (within the active window). Default 10. */
  completionsForRate?: number;
  /** Same meaning as in the estimator, for "active counters" in classic and QL. Default 30 min. */
  activeCounterWindowSec?: number;
  /** Pooled variants count a counter as serving when seen serving anything this recently. Default 1 h. */
  pooledCounterWindowSec?: number;
}

export interface Baselines {
  observe(event: EstimatorEvent): void;
  predict(service: ServiceRef, now: number): Record<BaselineName, number | undefined>;
}

/** The history key under which every service's waits and durations are pooled. */
const ALL = '\u0000all';

export function createBaselines(options: BaselineOptions = {}): Baselines {
  const activeWindowSec = options.activeCounterWindowSec ?? 1800;
  const pooledWindowSec = options.pooledCounterWindowSec ?? 3600;
  const queue = new QueueState({
    priorityHeadStartSec: {},
    activeCounterWindowSec: activeWindowSec,
    staleTicketSec: 4 * 3600,
  });
  const history = new DelayHistory();
  const k = options.completionsForRate ?? 10;

  return {
    observe(event) {
      const change = queue.apply(event);
      if (change.type === 'served') {
        history.recordWait(change.ticket.service, change.waitSec);
        history.recordWait(ALL, change.waitSec);
      } else if (change.type === 'ended') {
        history.recordCompletion(change.service, change.at, change.durationSec, change.counter);
        history.recordDuration(ALL, change.durationSec);
      }
    },

    predict(service, now) {
      const waiting = queue.waitingCount(service);
      const counters = queue.activeCounters(service, now);
      const serving = new Set(counters);
      const gap = history.meanCompletionGap(now, k, activeWindowSec, (c) => c !== null && serving.has(c));
      const duration = history.meanDuration(service);

      const allWaiting = queue.waiting.size;
      const allCounters = queue.countersServingAny(now, pooledWindowSec);
      const allServing = new Set(allCounters);
      const allGap = history.meanCompletionGap(now, k, pooledWindowSec, (c) => c !== null && allServing.has(c));
      const allDuration = history.meanDuration(ALL);
      return {
        // Last to enter service: the wait of the last ticket of this service to be called.
        LES: history.lastWait(service),
        // Head of line: how long the longest-waiting ticket of this service has waited so far (0 if none).
        HOL: queue.position(service, now, now).sameHeadWaitSec,
        // Queue length: (n+1) × mean time between recent completions of the counters serving it.
        QL: gap === undefined ? undefined : (waiting + 1) * gap,
        // Mean wait of the last 10 tickets of this service to be called.
        AVG10: history.recentMeanWait(service),
        // The vendor formula: (n+1) × mean service time ÷ counters serving it.
        classic: duration !== undefined && counters.length > 0 ? ((waiting + 1) * duration) / counters.length : undefined,
        'LES·all': history.lastWait(ALL),
        'HOL·all': queue.headWaitSec(now),
        'QL·all': allGap === undefined ? undefined : (allWaiting + 1) * allGap,
        'AVG10·all': history.recentMeanWait(ALL),
        'classic·all':
          allDuration !== undefined && allCounters.length > 0 ? ((allWaiting + 1) * allDuration) / allCounters.length : undefined,
      };
    },
  };
}
