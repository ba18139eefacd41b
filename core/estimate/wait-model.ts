import { FadingHistogram } from './quantiles';
import { OnlineRegression } from './regression';
import type { ServiceRef } from './types';

/**
 * One learned wait model: a regression shared by all services, one per service once it has
 * enough history of its own, and the spread of real waits around its estimates (for the
 * P10–P90 range), learned separately for short, medium and long estimates.
 */

/** Shift (seconds) inside the log of the spread, so short waits don't give huge ratios. */
const SPREAD_SHIFT_SEC = 20;
/** Upper bounds (seconds) of the estimate buckets the spread is learned in. */
const SPREAD_BUCKETS = [45, 90, 180, Infinity] as const;
/**
 * Errors a spread needs before its quantiles are trusted. With fewer, a range from one or two
 * errors would look precise when it is not: use all buckets together, or failing that a wide
 * default (0 to twice the estimate).
 */
const MIN_SPREAD_WEIGHT = 30;

export interface WaitModelOptions {
  prior: readonly number[];
  priorVariance: readonly number[];
  forgetting: number;
  /** Updates the shared model needs before it is used. */
  minHistory: number;
  /** Updates a service's own model needs before it replaces the shared one. */
  minServiceHistory: number;
}

export interface Range {
  waitSec: number;
  p10Sec: number;
  p90Sec: number;
}

export class WaitModel {
  private readonly shared: OnlineRegression;
  private readonly byService = new Map<ServiceRef, OnlineRegression>();
  private readonly spread = SPREAD_BUCKETS.map(() => new FadingHistogram(-4, 4, 160, 0.9995));

  constructor(private readonly o: WaitModelOptions) {
    this.shared = new OnlineRegression(o.prior, o.priorVariance, o.forgetting);
  }

  /** Estimate and 80% range, or undefined while there is too little history. */
  estimate(service: ServiceRef, features: ArrayLike<number>): Range | undefined {
    const model = this.modelFor(service);
    if (!model) return undefined;
    const waitSec = Math.max(0, model.predict(features));
    const own = this.spreadFor(waitSec);
    const s = own.weight >= MIN_SPREAD_WEIGHT ? own : this.pooledSpread();
    if (s.weight < MIN_SPREAD_WEIGHT) return { waitSec, p10Sec: 0, p90Sec: 2 * waitSec };
    const band = (q: number): number => Math.max(0, Math.exp(s.quantile(q)) * (waitSec + SPREAD_SHIFT_SEC) - SPREAD_SHIFT_SEC);
    return { waitSec, p10Sec: Math.min(band(0.1), waitSec), p90Sec: Math.max(band(0.9), waitSec) };
  }

  /** A real wait is known: learn from it; `estimatedSec` is what was said at the time, if anything. */
  learn(service: ServiceRef, features: ArrayLike<number>, waitSec: number, estimatedSec: number | undefined): void {
    this.shared.update(features, waitSec);
    let own = this.byService.get(service);
    if (!own) {
      own = new OnlineRegression(this.o.prior, this.o.priorVariance, this.o.forgetting);
      this.byService.set(service, own);
    }
    own.update(features, waitSec);
    if (estimatedSec !== undefined) {
      this.spreadFor(estimatedSec).add(Math.log((waitSec + SPREAD_SHIFT_SEC) / (estimatedSec + SPREAD_SHIFT_SEC)));
    }
  }

  private modelFor(service: ServiceRef): OnlineRegression | undefined {
    const own = this.byService.get(service);
    if (own && own.updates >= this.o.minServiceHistory) return own;
    return this.shared.updates >= this.o.minHistory ? this.shared : undefined;
  }

  /** Every bucket's errors together, for a bucket that has too few of its own. */
  private pooledSpread(): FadingHistogram {
    return FadingHistogram.merge(this.spread);
  }

  private spreadFor(estimateSec: number): FadingHistogram {
    const i = SPREAD_BUCKETS.findIndex((b) => estimateSec < b);
    return this.spread[i] ?? (this.spread[this.spread.length - 1] as FadingHistogram);
  }
}
