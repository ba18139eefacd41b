import { describe, expect, it } from 'vitest';
import { createEstimator } from '../../core/estimate';
import type { Estimator, WaitEstimate } from '../../core/estimate';

/**
 * The live demo of issue 11, replayed on the estimator: a branch of 4 counters (1, 2 teller; 3, 4
 * teller and advice) where tellers call within seconds. Before the fix it said "~9 min (up to 18)"
 * with nothing to go on, the same figure for 11 waiting and for 1, and barely moved when 2 of 4
 * counters closed.
 */
const T0 = Date.UTC(2026, 11, 1, 8, 0, 0);
const sec = (s: number): number => T0 + s * 1000;
const COUNTERS: Record<string, string[]> = { '1': ['teller'], '2': ['teller'], '3': ['teller', 'advice'], '4': ['advice', 'teller'] };

function openBranch(): Estimator {
  const e = createEstimator();
  for (const [counter, services] of Object.entries(COUNTERS)) e.observe({ kind: 'counter_opened', at: T0, counter, services });
  return e;
}

/** `n` customers each called 5 s after taking a ticket and served for `serviceSec`, one after another. */
function serveQuickly(e: Estimator, n: number, serviceSec: number, from = 1): number {
  let t = from;
  for (let i = 0; i < n; i++) {
    const counter = String((i % 4) + 1);
    e.observe({ kind: 'issued', at: sec(t), ticket: `q${from}-${i}`, service: 'teller' });
    e.observe({ kind: 'called', at: sec(t + 5), ticket: `q${from}-${i}`, counter });
    e.observe({ kind: 'ended', at: sec(t + 5 + serviceSec), ticket: `q${from}-${i}`, counter });
    t += serviceSec + 10;
  }
  return t;
}

function waitOf(w: WaitEstimate): number {
  if (!w.known) throw new Error(`no figure: ${w.cause}`);
  return w.waitSec;
}

function queueUp(e: Estimator, at: number, n: number, service = 'teller', prefix = 'w'): void {
  for (let i = 0; i < n; i++) e.observe({ kind: 'issued', at: sec(at), ticket: `${prefix}${i}`, service });
}

describe('wait estimate from what is happening now (issue 11)', () => {
  it('says "available soon" with nothing to go on, never a figure made up from nothing', () => {
    const e = openBranch();
    queueUp(e, 10, 3);
    expect(e.estimateNew('teller', sec(20))).toMatchObject({ known: false, cause: 'no_history' });
    expect(e.estimateWaiting(sec(20)).every((w) => !w.estimate.known)).toBe(true);
  });

  it('from the first services of the day: the queue ahead × today’s service time ÷ counters, in seconds when waits are seconds', () => {
    const e = openBranch();
    const t = serveQuickly(e, 3, 20);
    // 8 teller tickets wait, all 4 counters serve teller and are free: (8 + 1 − 4) × S ÷ 4,
    // S: all services today, 3 × 20 s drawn toward the 300 s default by 2 pseudo-observations,
    // (2·300 + 60) / 5 = 132 s; the teller's own 3 × 20 s drawn toward that: (2·132 + 60) / 5 = 64.8 s.
    queueUp(e, t, 8);
    const w = waitOf(e.estimateNew('teller', sec(t)));
    expect(w).toBeCloseTo((5 * 64.8) / 4, 0);
    expect(w).toBeLessThan(9 * 60);
  });

  it('gives a longer wait behind 11 than behind 1, and for each waiting ticket by its place', () => {
    const e = openBranch();
    const t = serveQuickly(e, 25, 30);
    const one = openBranch();
    serveQuickly(one, 25, 30);
    queueUp(e, t, 11);
    queueUp(one, t, 1);
    const long = waitOf(e.estimateNew('teller', sec(t)));
    const short = waitOf(one.estimateNew('teller', sec(t)));
    expect(long).toBeGreaterThan(3 * Math.max(short, 10));
    const waiting = e.estimateWaiting(sec(t)).map((w) => waitOf(w.estimate));
    expect(waiting).toHaveLength(11);
    for (let i = 1; i < waiting.length; i++) expect(waiting[i]).toBeGreaterThanOrEqual(waiting[i - 1]!);
    expect(waiting[10]).toBeGreaterThan(waiting[0]! + 30);
  });

  for (const [label, served] of [
    ['on a cold morning (3 services seen)', 3],
    ['after the model has learned from 25 called tickets', 25],
  ] as const) {
    it(`moves at once when 2 of 4 counters close and back when they reopen, ${label}`, () => {
      const e = openBranch();
      const t = serveQuickly(e, served, 40);
      queueUp(e, t, 10);
      const before = waitOf(e.estimateNew('teller', sec(t)));
      e.observe({ kind: 'counter_closed', at: sec(t + 1), counter: '1' });
      e.observe({ kind: 'counter_paused', at: sec(t + 1), counter: '2' });
      const closed = waitOf(e.estimateNew('teller', sec(t + 1)));
      expect(closed).toBeGreaterThan(1.6 * before);
      e.observe({ kind: 'counter_opened', at: sec(t + 2), counter: '1', services: ['teller'] });
      e.observe({ kind: 'counter_opened', at: sec(t + 2), counter: '2', services: ['teller'] });
      expect(waitOf(e.estimateNew('teller', sec(t + 2)))).toBeCloseTo(before, 0);
    });
  }

  it('counts the other services’ tickets its counters will take: advice behind 10 teller tickets at the shared counters', () => {
    const e = openBranch();
    const t = serveQuickly(e, 25, 30);
    const empty = waitOf(e.estimateNew('advice', sec(t)));
    queueUp(e, t, 10);
    expect(waitOf(e.estimateNew('advice', sec(t)))).toBeGreaterThan(empty + 30);
  });
});
