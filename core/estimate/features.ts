import type { DelayHistory } from './delay-history';
import type { QueuePosition } from './queue-state';

/**
 * What the estimator looks at for one ticket, as numbers for the regression. Waits are in
 * minutes so that all weights are of similar size; the weights then read as "seconds of wait
 * per ticket ahead" or "seconds per minute of recent waits".
 */
export const FEATURES = [
  'constant',
  /** Tickets of the same service ahead in the queue (priorities applied). */
  'same_ahead',
  /** Tickets of other services ahead: they share counters with this one. */
  'other_ahead',
  /** Tickets of other services behind: some services are called first even when they arrive later. */
  'other_behind',
  /** How long the first ticket of the same service ahead has already waited (head of line), minutes. */
  'head_wait_min',
  /** Wait of the last ticket of this service to be called, minutes. */
  'last_wait_min',
  /** Mean wait of the last 10 tickets of this service to be called, minutes. */
  'recent_wait_min',
  /** Counters serving this service now. */
  'counters',
] as const;

export const FEATURE_COUNT = FEATURES.length;

/** Before any data: the estimate is the recent mean wait (the AVG10 rule); counters etc. weigh nothing yet. */
export const PRIOR_WEIGHTS: readonly number[] = [0, 0, 0, 0, 0, 0, 60, 0];
export const PRIOR_VARIANCE: readonly number[] = FEATURES.map(() => 1e4);

export function featuresOf(
  service: string,
  position: QueuePosition,
  counters: number,
  history: DelayHistory,
  fallbackWaitSec: number,
): Float64Array {
  const recent = history.recentMeanWait(service) ?? fallbackWaitSec;
  const last = history.lastWait(service) ?? recent;
  return Float64Array.of(
    1,
    position.sameAhead,
    position.otherAhead,
    position.otherBehind,
    position.sameHeadWaitSec / 60,
    last / 60,
    recent / 60,
    counters,
  );
}

/** For a ticket already waiting: the same, plus how long it has waited so far. */
export const WAITING_FEATURES = [...FEATURES, 'waited_min'] as const;
export const WAITING_PRIOR_WEIGHTS: readonly number[] = [...PRIOR_WEIGHTS, 0];
export const WAITING_PRIOR_VARIANCE: readonly number[] = [...PRIOR_VARIANCE, 1e4];

export function waitingFeaturesOf(arrival: Float64Array, waitedSec: number): Float64Array {
  const x = new Float64Array(arrival.length + 1);
  x.set(arrival);
  x[arrival.length] = waitedSec / 60;
  return x;
}
