import type { QueueState, WaitingTicket } from './queue-state';
import type { ServiceRef } from './types';

/**
 * The wait as what is happening now says it: the tickets ahead that this service's counters will
 * take, the counters serving it (free ones take the first tickets at once), and how long a service
 * takes today. Needs no history of waits, so it holds from the first ticket of the day, and it moves
 * at once when a counter closes or opens and with every ticket in the queue.
 */

const DAY_MS = 86_400_000;
/** A service duration of today weighs as much as one of these pseudo-observations of the default. */
const PRIOR_WEIGHT = 2;
/** Durations kept per service (today's count, older ones drop out). */
const KEPT = 50;

export interface NowView {
  /** Tickets ahead that the counters serving this service will take (shares of shared ones). */
  ahead: number;
  counters: number;
  free: number;
  /** Mean service time used, seconds (today's, drawn toward the default while there are few). */
  serviceSec: number;
  /** Service durations of today behind that mean, all services. */
  seenToday: number;
  /** The estimate: max(0, ahead + 1 − free) × serviceSec ÷ counters. */
  waitSec: number;
}

interface Durations {
  day: number;
  values: number[];
  sum: number;
}

/** Service durations seen today, per service and for all services together. */
export class ServiceTimesToday {
  private readonly byService = new Map<ServiceRef, Durations>();
  private readonly all: Durations = { day: -1, values: [], sum: 0 };

  constructor(
    private readonly utcOffsetMs: number,
    /** Assumed when nothing was seen today; on the long side, so a first estimate errs long. */
    private readonly defaultSec: number,
  ) {}

  record(service: ServiceRef, at: number, durationSec: number): void {
    const day = this.day(at);
    let d = this.byService.get(service);
    if (!d) this.byService.set(service, (d = { day, values: [], sum: 0 }));
    for (const x of [d, this.all]) {
      if (x.day !== day) Object.assign(x, { day, values: [], sum: 0 });
      x.values.push(durationSec);
      x.sum += durationSec;
      if (x.values.length > KEPT) x.sum -= x.values.shift() ?? 0;
    }
  }

  /** Durations seen today, all services. */
  countToday(now: number): number {
    return this.all.day === this.day(now) ? this.all.values.length : 0;
  }

  /** Mean service time of `service` today: its own durations, drawn toward all services', drawn toward the default. */
  meanSec(service: ServiceRef, now: number): number {
    const today = this.day(now);
    const all = this.all.day === today ? this.all : undefined;
    const pooled = (PRIOR_WEIGHT * this.defaultSec + (all?.sum ?? 0)) / (PRIOR_WEIGHT + (all?.values.length ?? 0));
    const own = this.byService.get(service);
    if (!own || own.day !== today) return pooled;
    return (PRIOR_WEIGHT * pooled + own.sum) / (PRIOR_WEIGHT + own.values.length);
  }

  private day(at: number): number {
    return Math.floor((at + this.utcOffsetMs) / DAY_MS);
  }
}

export function nowView(
  queue: QueueState,
  times: ServiceTimesToday,
  service: ServiceRef,
  queuedAt: number,
  now: number,
  self?: WaitingTicket,
): NowView {
  const serving = queue.activeCounters(service, now);
  const counters = serving.length;
  const ahead = counters > 0 ? queue.sharedAhead(service, serving, queuedAt, now, self) : 0;
  const free = queue.freeCounters(serving);
  const serviceSec = times.meanSec(service, now);
  const waitSec = counters > 0 ? (Math.max(0, ahead + 1 - free) * serviceSec) / counters : 0;
  return { ahead, counters, free, serviceSec, seenToday: times.countToday(now), waitSec };
}
