import { describe, expect, it } from 'vitest';
import { createEstimator } from '../../core/estimate';
import type { EstimatorEvent, WaitEstimate } from '../../core/estimate';

const T0 = Date.UTC(2024, 0, 15, 9, 0, 0);
const at = (sec: number): number => T0 + sec * 1000;

function known(e: WaitEstimate): Extract<WaitEstimate, { known: true }> {
  if (!e.known) throw new Error(`expected an estimate, got unknown (${e.cause})`);
  return e;
}

/** Small deterministic PRNG so the synthetic branches are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic branch where the rule is known: tickets come in bursts of 1–5, one second apart,
 * into an empty queue, and a ticket that finds k tickets ahead waits 30 + 45·k seconds
 * (± `noise` seconds). Counter c1 calls them in order. Returns the events and the clock after.
 */
function burstyBranch(bursts: number, noise: number, seed = 1): { events: EstimatorEvent[]; end: number } {
  const rnd = prng(seed);
  const events: EstimatorEvent[] = [];
  let t = 0;
  let id = 0;
  for (let b = 0; b < bursts; b++) {
    const size = 1 + Math.floor(rnd() * 5);
    const calls: EstimatorEvent[] = [];
    for (let k = 0; k < size; k++) {
      const ticket = `t${id++}`;
      events.push({ kind: 'issued', at: at(t + k), ticket, service: 'cash' });
      const wait = 30 + 45 * k + (rnd() * 2 - 1) * noise;
      calls.push({ kind: 'called', at: at(t + k + wait), ticket, counter: 'c1' });
    }
    events.push(...calls);
    t += 600;
  }
  events.sort((a, b) => a.at - b.at);
  return { events, end: t };
}

describe('wait estimator: unknown', () => {
  it('says unknown (no counter) when no counter serves the service', () => {
    const est = createEstimator();
    expect(est.estimateNew('cash', at(0))).toMatchObject({ known: false, cause: 'no_counter' });

    // A counter opened for loans only: cash still has no counter; loans has one but no history yet.
    est.observe({ kind: 'counter_opened', at: at(0), counter: 'c1', services: ['loans'] });
    expect(est.estimateNew('cash', at(1))).toMatchObject({ known: false, cause: 'no_counter' });
    expect(est.estimateNew('loans', at(1))).toMatchObject({ known: false, cause: 'no_history' });

    // Closed or paused counters do not count.
    est.observe({ kind: 'counter_closed', at: at(2), counter: 'c1' });
    expect(est.estimateNew('loans', at(3))).toMatchObject({ known: false, cause: 'no_counter' });
    est.observe({ kind: 'counter_opened', at: at(4), counter: 'c1' });
    est.observe({ kind: 'counter_paused', at: at(5), counter: 'c1' });
    expect(est.estimateNew('loans', at(6))).toMatchObject({ known: false, cause: 'no_counter' });
  });

  it('without explicit counter events, a counter counts only while it served the service recently', () => {
    const est = createEstimator({ minHistory: 1 });
    est.observe({ kind: 'issued', at: at(0), ticket: 'a', service: 'cash' });
    est.observe({ kind: 'called', at: at(60), ticket: 'a', counter: 'c1' });
    expect(est.estimateNew('cash', at(120)).known).toBe(true);
    // c1 never served loans.
    expect(est.estimateNew('loans', at(120))).toMatchObject({ known: false, cause: 'no_counter' });
    // 31 minutes after its last call, c1 is no longer assumed to be at work (window 30 min).
    expect(est.estimateNew('cash', at(60 + 31 * 60))).toMatchObject({ known: false, cause: 'no_counter' });
  });
});

describe('wait estimator: learning', () => {
  it('learns a known rule: 30 s + 45 s per ticket ahead', () => {
    const est = createEstimator();
    const { events, end } = burstyBranch(300, 0);
    for (const e of events) est.observe(e);
    // Nobody waiting → 30 s; then tickets arrive one second apart, as in the bursts it learned from.
    expect(known(est.estimateNew('cash', at(end))).waitSec).toBeCloseTo(30, 0);
    est.observe({ kind: 'issued', at: at(end), ticket: 'x1', service: 'cash' });
    expect(known(est.estimateNew('cash', at(end + 1))).waitSec).toBeCloseTo(75, 0);
    est.observe({ kind: 'issued', at: at(end + 1), ticket: 'x2', service: 'cash' });
    expect(known(est.estimateNew('cash', at(end + 2))).waitSec).toBeCloseTo(120, 0);
  });

  it('gives an 80% range that holds about 8 times out of 10 on new tickets', () => {
    const est = createEstimator();
    const train = burstyBranch(400, 25, 7);
    for (const e of train.events) est.observe(e);
    // Score on fresh bursts from another seed, predicting each ticket as it is issued.
    const test = burstyBranch(400, 25, 8);
    const shift = train.end * 1000;
    let inside = 0;
    let n = 0;
    const waits = new Map<string, { p10: number; p90: number; issued: number }>();
    for (const raw of test.events) {
      const e = { ...raw, at: raw.at + shift, ticket: `n${'ticket' in raw ? raw.ticket : ''}` } as EstimatorEvent;
      if (e.kind === 'issued') {
        const k = known(est.estimateNew(e.service, e.at));
        waits.set(e.ticket, { p10: k.p10Sec, p90: k.p90Sec, issued: e.at });
      }
      if (e.kind === 'called') {
        const w = waits.get(e.ticket);
        if (w) {
          const wait = (e.at - w.issued) / 1000;
          n++;
          if (wait >= w.p10 && wait <= w.p90) inside++;
        }
      }
      est.observe(e);
    }
    expect(n).toBeGreaterThan(800);
    expect(inside / n).toBeGreaterThan(0.72);
    expect(inside / n).toBeLessThan(0.88);
  });

  it('lists waiting tickets in call order, a priority ticket ahead by its head start', () => {
    const est = createEstimator({ priorityHeadStartSec: { 2: 90 }, minHistory: 1 });
    est.observe({ kind: 'issued', at: at(0), ticket: 'warm', service: 'cash' });
    est.observe({ kind: 'called', at: at(30), ticket: 'warm', counter: 'c1' });
    est.observe({ kind: 'issued', at: at(100), ticket: 'regular', service: 'cash' });
    // Issued 30 s later with priority 2: queued as if at 130 − 90 = 40 s, so before 'regular' (100 s).
    est.observe({ kind: 'issued', at: at(130), ticket: 'priority', service: 'cash', priority: 2 });
    // A later priority ticket 100 s after 'regular': queued at 200 − 90 = 110 s, after it.
    est.observe({ kind: 'issued', at: at(200), ticket: 'late', service: 'cash', priority: 2 });
    const waiting = est.estimateWaiting(at(210));
    expect(waiting.map((w) => [w.ticket, w.ahead])).toEqual([
      ['priority', 0],
      ['regular', 1],
      ['late', 2],
    ]);
    expect(waiting.every((w) => w.estimate.known)).toBe(true);
  });

  it('forgets tickets whose end was never logged (after 4 hours)', () => {
    const est = createEstimator({ minHistory: 1 });
    est.observe({ kind: 'issued', at: at(0), ticket: 'lost', service: 'cash' });
    est.observe({ kind: 'issued', at: at(10), ticket: 'a', service: 'cash' });
    est.observe({ kind: 'called', at: at(20), ticket: 'a', counter: 'c1' });
    expect(est.estimateWaiting(at(30)).map((w) => w.ticket)).toEqual(['lost']);
    est.observe({ kind: 'issued', at: at(5 * 3600), ticket: 'b', service: 'cash' });
    expect(est.estimateWaiting(at(5 * 3600 + 1)).map((w) => w.ticket)).toEqual(['b']);
  });

  it('hang-ups leave the queue', () => {
    const est = createEstimator({ minHistory: 1 });
    est.observe({ kind: 'issued', at: at(0), ticket: 'a', service: 'cash' });
    est.observe({ kind: 'issued', at: at(5), ticket: 'b', service: 'cash' });
    est.observe({ kind: 'left', at: at(8), ticket: 'a' });
    expect(est.estimateWaiting(at(10)).map((w) => [w.ticket, w.ahead])).toEqual([['b', 0]]);
  });
});
