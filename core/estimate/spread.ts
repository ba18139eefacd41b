import { FadingHistogram } from './quantiles';
import type { Range } from './wait-model';

/**
 * How far real waits fall from an estimate, learned from its own past errors, turned into an 80%
 * range around a new estimate. Errors are ln((wait + 20 s) / (estimate + 20 s)), in a fading
 * histogram per size of estimate, since short estimates err differently from long ones.
 */

/** Shift (seconds) inside the log of the spread, so short waits don't give huge ratios. */
const SHIFT_SEC = 20;
/** Upper bounds (seconds) of the estimate buckets the spread is learned in. */
const BUCKETS = [45, 90, 180, Infinity] as const;
/**
 * Errors a spread needs before its quantiles are trusted. With fewer, a range from one or two
 * errors would look precise when it is not: use all buckets together, or failing that the
 * caller's wide default.
 */
const MIN_WEIGHT = 30;

export class Spread {
  private readonly buckets = BUCKETS.map(() => new FadingHistogram(-4, 4, 160, 0.9995));

  learn(estimatedSec: number, waitSec: number): void {
    this.bucketFor(estimatedSec).add(Math.log((waitSec + SHIFT_SEC) / (estimatedSec + SHIFT_SEC)));
  }

  /** The 80% range around `waitSec`; `fallback` while too few errors were seen. */
  range(waitSec: number, fallback: () => Range): Range {
    const own = this.bucketFor(waitSec);
    const s = own.weight >= MIN_WEIGHT ? own : FadingHistogram.merge(this.buckets);
    if (s.weight < MIN_WEIGHT) return fallback();
    const band = (q: number): number => Math.max(0, Math.exp(s.quantile(q)) * (waitSec + SHIFT_SEC) - SHIFT_SEC);
    return { waitSec, p10Sec: Math.min(band(0.1), waitSec), p90Sec: Math.max(band(0.9), waitSec) };
  }

  private bucketFor(estimateSec: number): FadingHistogram {
    const i = BUCKETS.findIndex((b) => estimateSec < b);
    return this.buckets[i] ?? (this.buckets[this.buckets.length - 1] as FadingHistogram);
  }
}
