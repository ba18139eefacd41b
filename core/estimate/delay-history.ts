import type { CounterRef, ServiceRef } from './types';

/** Fixed-size ring of numbers with a running sum: O(1) push and mean. */
export class Ring {
  private readonly values: number[] = [];
  private next = 0;
  private sum = 0;

  constructor(readonly capacity: number) {}

  push(v: number): void {
    if (this.values.length < this.capacity) this.values.push(v);
    else {
      this.sum -= this.values[this.next] ?? 0;
      this.values[this.next] = v;
    }
    this.sum += v;
    this.next = (this.next + 1) % this.capacity;
  }

  get size(): number {
    return this.values.length;
  }

  mean(): number | undefined {
    return this.values.length ? this.sum / this.values.length : undefined;
  }
}

interface ServiceHistory {
  lastWaitSec: number | undefined;
  recentWaits: Ring;
  recentDurations: Ring;
}

/**
 * What already happened, per service: waits of served tickets (most recent, last 10) and service
 * durations; plus the recent service completions of every counter. Delay-history predictors
 * read from here.
 */
export class DelayHistory {
  private readonly services = new Map<ServiceRef, ServiceHistory>();
  /** The last completions (time and counter), oldest first. */
  private readonly completions: { at: number; counter: CounterRef | null }[] = [];

  constructor(
    private readonly completionsKept = 500,
    private readonly durationsKept = 50,
  ) {}

  recordWait(service: ServiceRef, waitSec: number): void {
    const h = this.of(service);
    h.lastWaitSec = waitSec;
    h.recentWaits.push(waitSec);
  }

  /** A service duration without a completion for the rate (for pooled figures kept under their own key). */
  recordDuration(service: ServiceRef, durationSec: number): void {
    this.of(service).recentDurations.push(durationSec);
  }

  recordCompletion(service: ServiceRef, at: number, durationSec: number, counter: CounterRef | null): void {
    this.recordDuration(service, durationSec);
    this.completions.push({ at, counter });
    // Drop the oldest in batches: amortised O(1).
    if (this.completions.length > 2 * this.completionsKept) this.completions.splice(0, this.completionsKept);
  }

  /** Wait of the last ticket of this service to be called (LES). */
  lastWait(service: ServiceRef): number | undefined {
    return this.services.get(service)?.lastWaitSec;
  }

  /** Mean wait of the last 10 called tickets of this service. */
  recentMeanWait(service: ServiceRef): number | undefined {
    return this.services.get(service)?.recentWaits.mean();
  }

  /** Mean of the last service durations of this service. */
  meanDuration(service: ServiceRef): number | undefined {
    return this.services.get(service)?.recentDurations.mean();
  }

  /**
   * Mean time between service completions, seconds, by counters that pass `filter`: the time since
   * the k-th last such completion divided by k, looking back at most `maxSec` (then: that span
   * divided by the completions in it). Counting up to now means a stalled queue shows as slow.
   * Undefined when there was no completion in that span.
   */
  meanCompletionGap(now: number, k: number, maxSec: number, filter: (counter: CounterRef | null) => boolean): number | undefined {
    const from = now - maxSec * 1000;
    let n = 0;
    for (let i = this.completions.length - 1; i >= 0; i--) {
      const c = this.completions[i];
      if (!c || c.at < from) break;
      if (!filter(c.counter)) continue;
      if (++n === k) return (now - c.at) / 1000 / k;
    }
    return n > 0 ? maxSec / n : undefined;
  }

  private of(service: ServiceRef): ServiceHistory {
    let h = this.services.get(service);
    if (!h) {
      h = { lastWaitSec: undefined, recentWaits: new Ring(10), recentDurations: new Ring(this.durationsKept) };
      this.services.set(service, h);
    }
    return h;
  }
}
