import { describe, expect, it } from 'vitest';
import { createEstimator } from '../../core/estimate';
import type { Estimator, WaitEstimate } from '../../core/estimate';

/**
 * Another queue system may report a ticket's call before its issue (issue 11): the issue is then
 * filled in at the call's time, a stand-in. A wait counted from it would be 0 and teach the
 * estimator that nobody waits; it learns the wait only once the real issue time comes.
 */
const T0 = Date.UTC(2026, 11, 1, 8, 0, 0);
const sec = (s: number): number => T0 + s * 1000;
const WAIT = 600;
const N = 40;
/** The last tickets of the day before "now": their issue reaches the estimator after their call. */
const LATE = 10;

type How = 'in order' | 'stand-in taken as the issue' | 'call first, issue corrected' | 'call first, issue never sent';

/** 40 customers, each called after waiting 10 minutes and served in 60 s, then 5 waiting; `how` says how the estimator hears of the last 10 issues. */
function day(how: How): Estimator {
  const e = createEstimator();
  for (const counter of ['1', '2']) e.observe({ kind: 'counter_opened', at: T0, counter, services: ['teller'] });
  for (let i = 0; i < N; i++) {
    const ticket = `t${i}`;
    const issued = 120 * i;
    const called = issued + WAIT;
    const counter = String((i % 2) + 1);
    const late = i >= N - LATE && how !== 'in order';
    if (!late) e.observe({ kind: 'issued', at: sec(issued), ticket, service: 'teller' });
    // Today's log before the fix: the stand-in was an issue like any other, its wait 0.
    else e.observe({ kind: 'issued', at: sec(called), ticket, service: 'teller', ...(how === 'stand-in taken as the issue' ? {} : { inferred: true }) });
    e.observe({ kind: 'called', at: sec(called), ticket, counter });
    if (late && how === 'call first, issue corrected') e.observe({ kind: 'issue_corrected', at: sec(called + 5), ticket, issuedAt: sec(issued) });
    e.observe({ kind: 'ended', at: sec(called + 60), ticket, counter });
  }
  for (let i = 0; i < 5; i++) e.observe({ kind: 'issued', at: sec(120 * N + 10 * i), ticket: `w${i}`, service: 'teller' });
  return e;
}

const now = sec(120 * N + WAIT);
const figure = (w: WaitEstimate): number => {
  if (!w.known) throw new Error(`no figure: ${w.cause}`);
  return w.waitSec;
};

describe('a ticket whose issue came after its call (ingest out of order)', () => {
  it('learns the wait from the corrected issue time: the estimate stays near the truth, not pulled down by waits of 0', () => {
    const truth = figure(day('in order').estimateNew('teller', now));
    const corrected = figure(day('call first, issue corrected').estimateNew('teller', now));
    const standIn = figure(day('stand-in taken as the issue').estimateNew('teller', now));
    expect(Math.abs(corrected - truth)).toBeLessThan(0.15 * truth);
    // What the stand-in did: ten waits of 0 made the next estimate far rosier than the truth.
    expect(standIn).toBeLessThan(0.7 * truth);
  });

  it('learns nothing from a stand-in never corrected: no wait of 0 among the waits it goes by', () => {
    const truth = figure(day('in order').estimateNew('teller', now));
    const never = figure(day('call first, issue never sent').estimateNew('teller', now));
    const standIn = figure(day('stand-in taken as the issue').estimateNew('teller', now));
    expect(never).toBeGreaterThan(standIn);
    expect(Math.abs(never - truth)).toBeLessThan(0.15 * truth);
  });

  it('a correction that comes again, or for a ticket it never saw, changes nothing', () => {
    const once = day('call first, issue corrected');
    const twice = day('call first, issue corrected');
    twice.observe({ kind: 'issue_corrected', at: now, ticket: `t${N - 1}`, issuedAt: sec(0) });
    twice.observe({ kind: 'issue_corrected', at: now, ticket: 'never-seen', issuedAt: sec(0) });
    expect(twice.estimateNew('teller', now)).toEqual(once.estimateNew('teller', now));
    expect(twice.estimateWaiting(now)).toEqual(once.estimateWaiting(now));
    const called = (e: Estimator) => (JSON.parse(e.save()) as { $o: { counts: { $o: { called: number } } } }).$o.counts.$o.called;
    expect(called(twice)).toBe(called(once));
  });
});

describe('a call reported after its counter’s next one (ingest out of order)', () => {
  /** Counter 1 calls A at 100 s; B's call there at 50 s and its end at 100 s arrive after. */
  function counterBusyWithA(past: boolean): Estimator {
    const e = createEstimator({ minServicesToday: 0 });
    e.observe({ kind: 'counter_opened', at: sec(0), counter: '1', services: ['teller'] });
    e.observe({ kind: 'issued', at: sec(0), ticket: 'A', service: 'teller' });
    e.observe({ kind: 'called', at: sec(100), ticket: 'A', counter: '1' });
    e.observe({ kind: 'issued', at: sec(10), ticket: 'B', service: 'teller' });
    e.observe({ kind: 'called', at: sec(50), ticket: 'B', counter: '1', ...(past ? { past: true } : {}) });
    e.observe({ kind: 'ended', at: sec(100), ticket: 'B', counter: '1' });
    return e;
  }

  it('leaves the counter busy with its current customer: a ticket taken now waits for them', () => {
    expect(figure(counterBusyWithA(true).estimateNew('teller', sec(110)))).toBeGreaterThan(0);
    // Taken as a call of now, B's end would have freed the counter A is still at: "no wait".
    expect(figure(counterBusyWithA(false).estimateNew('teller', sec(110)))).toBe(0);
  });
});
