import { Ring } from './delay-history';
import type { ReasonCode, ServiceRef } from './types';

/**
 * Keeps what is "usual" for each service at each hour of the day (arrivals, counters serving it)
 * and for its service durations, and names what is unusual now. These become the reason codes
 * shown beside an estimate.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Arrivals are counted over the last half hour. */
const ARRIVAL_WINDOW_MS = 30 * 60_000;

/** Thresholds: how far from usual counts as unusual (kept coarse so reasons don't flicker). */
export const UNUSUAL = {
  /** Reasons are only given when the estimate is at least this × the usual wait. */
  waitRatio: 1.2,
  /** Arrivals in the last half hour ≥ 1.5 × usual, and at least 3 more. */
  arrivalsRatio: 1.5,
  arrivalsExtra: 3,
  /** Counters serving the service ≤ usual − 1 and ≤ 0.8 × usual. */
  countersRatio: 0.8,
  /** Mean of the last 10 durations ≥ 1.3 × the long-run mean. */
  durationRatio: 1.3,
  /** Days of history an hour needs before arrivals and counters have a "usual". */
  minDays: 2,
} as const;

interface ServiceUsual {
  arrivals: number[];
  arrivalsHead: number;
  /** Arrivals per hour of day, all days together. */
  arrivalsByHour: Float64Array;
  /** Mean counters serving it per hour of day (running mean of samples at its arrivals). */
  countersByHour: Float64Array;
  countersSamples: Float64Array;
  recentDurations: Ring;
  durationMean: number;
  durations: number;
  /** Mean wait of called tickets per hour of day, and how many. */
  waitByHour: Float64Array;
  waitsByHour: Float64Array;
}

export class UsualTracker {
  private readonly services = new Map<ServiceRef, ServiceUsual>();
  /** Distinct days on which each hour of the day saw activity. */
  private readonly daysByHour = new Float64Array(24);
  private readonly lastDayByHour = new Float64Array(24).fill(-1);

  constructor(private readonly utcOffsetMs: number) {}

  /** A ticket of `service` was issued while `counters` counters served it. */
  recordArrival(service: ServiceRef, at: number, counters: number): void {
    const u = this.of(service);
    const h = this.hour(at);
    this.markDay(at);
    u.arrivals.push(at);
    this.trimArrivals(u, at);
    u.arrivalsByHour[h] = (u.arrivalsByHour[h] ?? 0) + 1;
    const n = (u.countersSamples[h] ?? 0) + 1;
    u.countersSamples[h] = n;
    u.countersByHour[h] = (u.countersByHour[h] ?? 0) + (counters - (u.countersByHour[h] ?? 0)) / n;
  }

  recordDuration(service: ServiceRef, durationSec: number): void {
    const u = this.of(service);
    u.recentDurations.push(durationSec);
    u.durations++;
    u.durationMean += (durationSec - u.durationMean) / u.durations;
  }

  /** A ticket of `service` issued at `issuedAt` was called after `waitSec`. */
  recordWait(service: ServiceRef, issuedAt: number, waitSec: number): void {
    const u = this.of(service);
    const h = this.hour(issuedAt);
    const n = (u.waitsByHour[h] ?? 0) + 1;
    u.waitsByHour[h] = n;
    u.waitByHour[h] = (u.waitByHour[h] ?? 0) + (waitSec - (u.waitByHour[h] ?? 0)) / n;
  }

  /** Usual wait for `service` at this hour of day (mean over all days so far), if known. */
  usualWait(service: ServiceRef, now: number): number | undefined {
    const u = this.services.get(service);
    const h = this.hour(now);
    return u && (this.daysByHour[h] ?? 0) >= UNUSUAL.minDays && (u.waitsByHour[h] ?? 0) >= 10 ? u.waitByHour[h] : undefined;
  }

  /**
   * Reasons the wait for `service` is longer than usual right now: only when the estimate is
   * clearly above the usual wait (otherwise there is nothing to explain), and only the causes
   * that are themselves unusual.
   */
  reasons(service: ServiceRef, now: number, counters: number, estimateSec: number | undefined): ReasonCode[] {
    const u = this.services.get(service);
    if (!u) return [];
    const usualWait = this.usualWait(service, now);
    if (estimateSec !== undefined && usualWait !== undefined && estimateSec < UNUSUAL.waitRatio * usualWait) return [];
    const out: ReasonCode[] = [];
    const h = this.hour(now);
    const days = this.daysByHour[h] ?? 0;
    if (days >= UNUSUAL.minDays) {
      const usualCounters = u.countersByHour[h] ?? 0;
      if (counters <= usualCounters - 1 && counters <= UNUSUAL.countersRatio * usualCounters) out.push('fewer_counters');
      const usualArrivals = ((u.arrivalsByHour[h] ?? 0) / days) * (ARRIVAL_WINDOW_MS / HOUR_MS);
      const recent = this.recentArrivals(u, now);
      if (recent >= UNUSUAL.arrivalsRatio * usualArrivals && recent >= usualArrivals + UNUSUAL.arrivalsExtra) {
        out.push('more_arrivals');
      }
    }
    const recentDuration = u.recentDurations.mean();
    if (
      recentDuration !== undefined &&
      u.recentDurations.size >= u.recentDurations.capacity &&
      u.durations >= 3 * u.recentDurations.capacity &&
      recentDuration >= UNUSUAL.durationRatio * u.durationMean
    ) {
      out.push('longer_service');
    }
    return out;
  }

  /** Drop arrivals older than the window; amortised O(1). */
  private trimArrivals(u: ServiceUsual, now: number): void {
    const from = now - ARRIVAL_WINDOW_MS;
    while (u.arrivalsHead < u.arrivals.length && (u.arrivals[u.arrivalsHead] ?? 0) < from) u.arrivalsHead++;
    if (u.arrivalsHead > 1024) {
      u.arrivals.splice(0, u.arrivalsHead);
      u.arrivalsHead = 0;
    }
  }

  private recentArrivals(u: ServiceUsual, now: number): number {
    this.trimArrivals(u, now);
    let n = 0;
    for (let i = u.arrivals.length - 1; i >= u.arrivalsHead && (u.arrivals[i] ?? 0) <= now; i--) n++;
    return n;
  }

  private markDay(at: number): void {
    const h = this.hour(at);
    const day = Math.floor((at + this.utcOffsetMs) / DAY_MS);
    if (this.lastDayByHour[h] !== day) {
      this.lastDayByHour[h] = day;
      this.daysByHour[h] = (this.daysByHour[h] ?? 0) + 1;
    }
  }

  private hour(at: number): number {
    return Math.floor((((at + this.utcOffsetMs) % DAY_MS) + DAY_MS) % DAY_MS / HOUR_MS);
  }

  private of(service: ServiceRef): ServiceUsual {
    let u = this.services.get(service);
    if (!u) {
      u = {
        arrivals: [],
        arrivalsHead: 0,
        arrivalsByHour: new Float64Array(24),
        countersByHour: new Float64Array(24),
        countersSamples: new Float64Array(24),
        recentDurations: new Ring(10),
        durationMean: 0,
        durations: 0,
        waitByHour: new Float64Array(24),
        waitsByHour: new Float64Array(24),
      };
      this.services.set(service, u);
    }
    return u;
  }
}
