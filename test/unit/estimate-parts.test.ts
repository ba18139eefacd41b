import { describe, expect, it } from 'vitest';
import { Ring } from '../../core/estimate/delay-history';
import { FadingHistogram } from '../../core/estimate/quantiles';
import { OnlineRegression } from '../../core/estimate/regression';
import { UsualTracker } from '../../core/estimate/usual';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 15, 0, 0, 0);
const clock = (day: number, h: number, m = 0): number => T0 + day * DAY + (h * 60 + m) * 60_000;

describe('OnlineRegression', () => {
  it('recovers y = 3 + 2x from exact data', () => {
    const r = new OnlineRegression([0, 0], [1e6, 1e6]);
    for (let x = 0; x < 20; x++) r.update([1, x], 3 + 2 * x);
    expect(r.weights[0]).toBeCloseTo(3, 3);
    expect(r.weights[1]).toBeCloseTo(2, 3);
    expect(r.predict([1, 10])).toBeCloseTo(23, 3);
  });

  it('with a forgetting factor, follows a rule that changed', () => {
    const r = new OnlineRegression([0], [1e6], 0.9);
    for (let i = 0; i < 50; i++) r.update([1], 10);
    for (let i = 0; i < 50; i++) r.update([1], 20);
    // Exponentially weighted mean: the 50 old values weigh 0.9^50 as much in total as the 50 new ones,
    // so the estimate is 20 − 10 × 0.9^50 / (1 + 0.9^50) = 20 − 10 × 0.005125 = 19.949.
    expect(r.predict([1])).toBeCloseTo(19.949, 2);
  });
});

describe('FadingHistogram', () => {
  it('gives the quantiles of what it saw (to a bin width)', () => {
    const h = new FadingHistogram(0, 1, 100);
    for (let i = 0; i < 1000; i++) h.add((i + 0.5) / 1000);
    expect(h.quantile(0.1)).toBeCloseTo(0.1, 2);
    expect(h.quantile(0.9)).toBeCloseTo(0.9, 2);
  });

  it('clamps values outside its range into the end bins', () => {
    const h = new FadingHistogram(-1, 1, 20);
    h.add(-5);
    h.add(5);
    expect(h.quantile(0.25)).toBeLessThan(-0.9);
    expect(h.quantile(0.75)).toBeGreaterThan(0.9);
  });
});

describe('Ring', () => {
  it('keeps the mean of the last N values', () => {
    const r = new Ring(3);
    expect(r.mean()).toBeUndefined();
    for (const v of [1, 2, 3, 4, 5]) r.push(v);
    expect(r.mean()).toBe(4); // (3 + 4 + 5) / 3
    expect(r.size).toBe(3);
  });
});

describe('UsualTracker reasons', () => {
  /**
   * Two ordinary days: 10 cash arrivals each between 10:00 and 10:59 with 4 counters serving,
   * 30 services of 100 s. Usual at 10h: 10 arrivals per hour → 5 per half hour; 4 counters.
   */
  function ordinary(): UsualTracker {
    const u = new UsualTracker(0);
    for (const day of [0, 1]) for (let i = 0; i < 10; i++) u.recordArrival('cash', clock(day, 10, i * 6), 4);
    for (let i = 0; i < 30; i++) u.recordDuration('cash', 100);
    return u;
  }

  it('names nothing on an ordinary morning', () => {
    const u = ordinary();
    // Day 2, 10:30: 4 arrivals in the last half hour, 4 counters.
    for (let i = 0; i < 4; i++) u.recordArrival('cash', clock(2, 10, i * 7), 4);
    expect(u.reasons('cash', clock(2, 10, 30), 4, undefined)).toEqual([]);
  });

  it('names fewer counters, more arrivals and longer services when they are unusual', () => {
    const u = ordinary();
    // Day 2: 12 arrivals between 10:00 and 10:22. Usual half hour is now (10+10+12)/3 days / 2 = 5.33:
    // 12 ≥ 1.5 × 5.33 = 8 and ≥ 5.33 + 3 → more arrivals.
    for (let i = 0; i < 12; i++) u.recordArrival('cash', clock(2, 10, i * 2), 4);
    // 10 services of 200 s: recent mean 200 vs long-run (30×100 + 10×200)/40 = 125; 200 ≥ 1.3 × 125 → longer.
    for (let i = 0; i < 10; i++) u.recordDuration('cash', 200);
    // 1 counter where usually 4: 1 ≤ 4 − 1 and 1 ≤ 0.8 × 4 → fewer counters.
    expect(u.reasons('cash', clock(2, 10, 25), 1, undefined)).toEqual(['fewer_counters', 'more_arrivals', 'longer_service']);
    // 3 counters out of a usual 4: 3 ≤ 4 − 1 and 3 ≤ 3.2 → fewer.
    expect(u.reasons('cash', clock(2, 10, 25), 3, undefined)).toContain('fewer_counters');
    // 4 counters: as usual.
    expect(u.reasons('cash', clock(2, 10, 25), 4, undefined)).not.toContain('fewer_counters');
  });

  it('gives no reasons when the estimate is not above the usual wait', () => {
    const u = ordinary();
    // Usual wait at 10h: 10 waits of 60 s each.
    for (let i = 0; i < 10; i++) u.recordWait('cash', clock(1, 10, i * 6), 60);
    expect(u.usualWait('cash', clock(2, 10, 30))).toBe(60);
    // One counter instead of four, but an estimate of 70 s < 1.2 × 60 s: nothing to explain.
    expect(u.reasons('cash', clock(2, 10, 30), 1, 70)).toEqual([]);
    // An estimate of 80 s ≥ 72 s: the reason is given.
    expect(u.reasons('cash', clock(2, 10, 30), 1, 80)).toEqual(['fewer_counters']);
  });

  it('needs two days at that hour before it knows what is usual', () => {
    const u = new UsualTracker(0);
    for (let i = 0; i < 10; i++) u.recordArrival('cash', clock(0, 10, i * 6), 4);
    expect(u.reasons('cash', clock(0, 10, 59), 1, undefined)).toEqual([]);
  });
});

describe('the P10–P90 range with little history', () => {
  it('stays wide (0 to twice the estimate) until enough errors are known, instead of collapsing on one or two', async () => {
    const { WaitModel } = await import('../../core/estimate/wait-model');
    const model = new WaitModel({ prior: [0, 60], priorVariance: [1, 1], forgetting: 1, minHistory: 1, minServiceHistory: 1000 });
    // Two customers whose waits matched what was said exactly: too few to claim a narrow range.
    model.learn('teller', [1, 10], 600, 600);
    model.learn('teller', [1, 10], 600, 600);
    const r = model.estimate('teller', [1, 10])!;
    expect(r.p10Sec).toBe(0);
    expect(r.p90Sec).toBeCloseTo(2 * r.waitSec, 6);
  });
});
