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
  /** Completion times and counters, oldest first, trimmed to `completionWindowSec`. */
  private readonly completions: { at: number; counter: CounterRef | null }[] = [];
  private completionsHead = 0;

  constructor(
    private readonly completionWindowSec: number,
    private readonly durationsKept = 50,
  ) {}

  recordWait(service: ServiceRef, waitSec: number): void {
    const h = this.of(service);
    h.lastWaitSec = waitSec;
    h.recentWaits.push(waitSec);
  }

  recordCompletion(service: ServiceRef, at: number, durationSec: number, counter: CounterRef | null): void {
    this.of(service).recentDurations.push(durationSec);
    this.completions.push({ at, counter });
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

  /** Completions within the window before `now` by counters that pass `filter`. */
  completionsSince(now: number, filter: (counter: CounterRef | null) => boolean): number {
    this.trim(now);
    let n = 0;
    for (let i = this.completionsHead; i < this.completions.length; i++) {
      const c = this.completions[i];
      if (c && filter(c.counter)) n++;
    }
    return n;
  }

  get windowSec(): number {
    return this.completionWindowSec;
  }

  private trim(now: number): void {
    const from = now - this.completionWindowSec * 1000;
    while (this.completionsHead < this.completions.length && (this.completions[this.completionsHead]?.at ?? 0) < from) {
      this.completionsHead++;
    }
    // Compact now and then so the array does not grow forever.
    if (this.completionsHead > 1024) {
      this.completions.splice(0, this.completionsHead);
      this.completionsHead = 0;
    }
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
