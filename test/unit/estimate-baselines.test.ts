import { describe, expect, it } from 'vitest';
import { createBaselines } from '../../core/estimate';
import type { EstimatorEvent } from '../../core/estimate';

const T0 = Date.UTC(2024, 0, 15, 9, 0, 0);
const at = (sec: number): number => T0 + sec * 1000;

/**
 * A small morning, times in seconds after 9:00:
 *   0  counter c1 opens (all services), c2 opens for loans only
 *   0  t1 loans issued          30  t1 called at c1  → wait 30
 *  10  t2 loans issued         100  t1 ends (70 s)   → t2 called at c1 → wait 90
 *  20  t3 cash issued          130  t3 leaves (hung up after 110 s)
 *  40  t4 loans issued         150  t2 ends (50 s)
 * At 160 s: t4 (loans) is still waiting, issued at 40.
 */
const morning: EstimatorEvent[] = [
  { kind: 'counter_opened', at: at(0), counter: 'c1' },
  { kind: 'counter_opened', at: at(0), counter: 'c2', services: ['loans'] },
  { kind: 'issued', at: at(0), ticket: 't1', service: 'loans' },
  { kind: 'issued', at: at(10), ticket: 't2', service: 'loans' },
  { kind: 'issued', at: at(20), ticket: 't3', service: 'cash' },
  { kind: 'called', at: at(30), ticket: 't1', counter: 'c1' },
  { kind: 'issued', at: at(40), ticket: 't4', service: 'loans' },
  { kind: 'ended', at: at(100), ticket: 't1', counter: 'c1' },
  { kind: 'called', at: at(100), ticket: 't2', counter: 'c1' },
  { kind: 'left', at: at(130), ticket: 't3' },
  { kind: 'ended', at: at(150), ticket: 't2', counter: 'c1' },
];

function replay(events: readonly EstimatorEvent[], completionsForRate = 2) {
  const b = createBaselines({ completionsForRate });
  for (const e of events) b.observe(e);
  return b;
}

describe('baselines on a hand-made morning', () => {
  it('LES is the wait of the last loans ticket called (t2: 100 − 10 = 90 s)', () => {
    expect(replay(morning).predict('loans', at(160)).LES).toBe(90);
  });

  it('HOL is how long the head of the loans queue has waited (t4: 160 − 40 = 120 s)', () => {
    expect(replay(morning).predict('loans', at(160)).HOL).toBe(120);
  });

  it('AVG10 is the mean of the loans waits so far ((30 + 90) / 2 = 60 s)', () => {
    expect(replay(morning).predict('loans', at(160)).AVG10).toBe(60);
  });

  it('QL is (n+1) × mean time between completions', () => {
    // Counters serving loans: c1, c2. With k = 2 the last 2 completions are at 100 and 150 s:
    // mean gap = (160 − 100) / 2 = 30 s; one loans ticket waits, so (1 + 1) × 30 = 60 s.
    expect(replay(morning, 2).predict('loans', at(160)).QL).toBe(60);
    // With k = 10 only 2 completions fall in the 30-min window: gap = 1800 / 2 = 900 s → 2 × 900.
    expect(replay(morning, 10).predict('loans', at(160)).QL).toBe(1800);
  });

  it('classic is (n+1) × mean service time ÷ counters serving it ((1+1) × 60 / 2 = 60 s)', () => {
    // loans durations: 70 s (t1) and 50 s (t2) → mean 60 s; c1 and c2 serve loans.
    expect(replay(morning).predict('loans', at(160)).classic).toBe(60);
    // With c1 paused only c2 serves loans: (1+1) × 60 / 1 = 120 s.
    const paused = replay([...morning, { kind: 'counter_paused', at: at(155), counter: 'c1' }]);
    expect(paused.predict('loans', at(160)).classic).toBe(120);
  });

  it('a service with no history has no LES, AVG10 or classic, and HOL 0 on an empty queue', () => {
    // cash: t3 left without being served, so no wait or duration is known; only c1 serves cash.
    const p = replay(morning).predict('cash', at(160));
    expect(p.LES).toBeUndefined();
    expect(p.AVG10).toBeUndefined();
    expect(p.classic).toBeUndefined();
    expect(p.HOL).toBe(0);
    // QL: c1 completed at 100 and 150 → gap 30 s; nobody waits for cash → (0 + 1) × 30.
    expect(p.QL).toBe(30);
  });
});
