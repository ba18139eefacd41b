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
  /** The wait as the queue and counters now say it (core/estimate/operational.ts), minutes. */
  'now_min',
] as const;

export const FEATURE_COUNT = FEATURES.length;


/**
 * Before any data: the estimate is the "now" figure (queue ahead × service time ÷ counters), so a
 * model that has never seen a long queue or a closed counter still follows them; every other
 * feature weighs nothing until the branch's own waits say otherwise.
 */
export const PRIOR_WEIGHTS: readonly number[] = [0, 0, 0, 0, 0, 0, 0, 0, 60];
export const PRIOR_VARIANCE: readonly number[] = FEATURES.map(() => 1e4);
/**
 * The "now" figure as a feature is held below 2 × the recent mean wait + 2 min: where it says far
 * more than anyone waited lately (few counters seen, a log without their ends) it is least
 * trustworthy, and one such outlier can pull the regression off for hours. Real rises (counters
 * closing, a rush) stay under it; they lift the recent waits too. Tuned on days 1–10.
 */
const NOW_CAP_RATIO = 2;
const NOW_CAP_EXTRA_SEC = 120;

export function featuresOf(
  service: string,
  position: QueuePosition,
  counters: number,
  history: DelayHistory,
  fallbackWaitSec: number,
  nowSec: number,
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
    Math.min(nowSec, NOW_CAP_RATIO * recent + NOW_CAP_EXTRA_SEC) / 60,
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
