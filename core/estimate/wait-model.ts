import { OnlineRegression } from './regression';
import { Spread } from './spread';
import type { ServiceRef } from './types';

/**
 * One learned wait model: a regression shared by all services, one per service once it has
 * enough history of its own, and the spread of real waits around its estimates (for the
 * P10–P90 range).
 */

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
  private readonly spread = new Spread();

  constructor(private readonly o: WaitModelOptions) {
    this.shared = new OnlineRegression(o.prior, o.priorVariance, o.forgetting);
  }

  /** Estimate and 80% range, or undefined while there is too little history. */
  estimate(service: ServiceRef, features: ArrayLike<number>): Range | undefined {
    const model = this.modelFor(service);
    if (!model) return undefined;
    const waitSec = Math.max(0, model.predict(features));
    return this.spread.range(waitSec, () => ({ waitSec, p10Sec: 0, p90Sec: 2 * waitSec }));
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
    if (estimatedSec !== undefined) this.spread.learn(estimatedSec, waitSec);
  }

  private modelFor(service: ServiceRef): OnlineRegression | undefined {
    const own = this.byService.get(service);
    if (own && own.updates >= this.o.minServiceHistory) return own;
    return this.shared.updates >= this.o.minHistory ? this.shared : undefined;
  }
}
