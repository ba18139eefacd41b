import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEstimator } from '../../core/estimate';
import { callsToEvents, parseCallsTsv } from '../../server/tools/estimate-calls-tsv';
import { OURS, formatReplay, replayCalls } from '../../server/tools/estimate-scoring';
import type { PredictorScore, ReplayResult } from '../../server/tools/estimate-scoring';

/**
 * test/fixtures/estimate-calls.tsv, written by hand (times after 9:00, one agent ANNA, service PS):
 *
 * day 1  A  not queued, served 9:00:00–9:02:00 (120 s)      → ANNA busy, seen serving PS
 *        B  queued 9:01:00, called 9:02:00 (wait 60),  served until 9:05:00 (180 s)
 *        C  queued 9:01:30, called 9:05:00 (wait 210), served until 9:06:00 (60 s)
 *        D  queued 9:10:00, called 9:10:30 (wait 30),  served until 9:12:00 (90 s)
 *        E  queued 9:11:00, hung up 9:11:40 (40 s)
 *        -  a PHANTOM row (ignored)
 * day 2  G  not queued, served 9:15:00–9:16:00 (60 s)
 *        F  queued 9:20:00, called 9:21:30 (wait 90),  served until 9:25:00 (210 s)
 *
 * B and C have no LES yet (no PS ticket called before them), so only D and F are scored.
 *
 * Baselines at D (9:10:00, nobody waiting):
 *   LES 210 (C) · HOL 0 · AVG10 (60+210)/2 = 135
 *   QL: 3 completions by ANNA in the last 30 min (9:02, 9:05, 9:06) < k=10 → gap 1800/3 = 600 → (0+1)×600 = 600
 *   classic: durations A 120, B 180, C 60 → mean 120, 1 counter → 120
 * Baselines at F (day 2, 9:20:00, nobody waiting):
 *   LES 30 (D) · HOL 0 · AVG10 (60+210+30)/3 = 100
 *   QL: 1 completion in 30 min (G at 9:16) → 1800 · classic: (120+180+60+90+60)/5 = 102
 * Errors (D; F) and figures over the two:
 *   LES  +180; −60  → RMSE √((180²+60²)/2) = √18000 = 134.16, MAE 120,  ±60 s: F only → 50%
 *   HOL  −30; −90   → RMSE √4500 = 67.08,  MAE 60,  ±60 s: D only → 50%
 *   QL   +570; +1710 → RMSE √1624500 = 1274.56, MAE 1140, 0%
 *   AVG10 +105; +10 → RMSE √5562.5 = 74.58, MAE 57.5, 50%
 *   classic +90; +12 → RMSE √4122 = 64.20, MAE 51, 50%   ← best baseline
 *
 * Pooled baselines (one service here, so the same as per service, but the pooled QL looks back 1 h):
 *   at D: LES·all 210, HOL·all 0, AVG10·all 135, classic·all 120, QL·all 3600/3 = 1200
 *   at F: LES·all 30, HOL·all 0, AVG10·all 100, classic·all 102, QL·all 3600 (G at 9:16 only)
 *   QL·all +1170; +3510 → RMSE √((1170² + 3510²)/2) = 2616.20, MAE 2340
 * Ours (minHistory 1): its own figures at D and F (asked of a second estimator fed the same events),
 * scored against 30 and 90 s: the test checks the scoring, the estimator has tests of its own.
 * Hang-up E (40 s): LES 30 and HOL 0 are below 40 (she waited longer than predicted); AVG10 100,
 * QL 600, classic 120 (durations A, B, C) and ours 107.6 are above.
 */
const fixture = readFileSync(new URL('../fixtures/estimate-calls.tsv', import.meta.url), 'utf8');
const calls = parseCallsTsv(fixture);
const options = { estimator: { minHistory: 1, forgetting: 1 } } as const;

/** Our estimator's figures for D and F, asked directly. */
function oursAtDandF(): [number, number] {
  const est = createEstimator(options.estimator);
  const out: number[] = [];
  for (const e of callsToEvents(calls)) {
    if (e.kind === 'issued' && (e.ticket === 'c4' || e.ticket === 'c8')) {
      const r = est.estimateNew(e.service, e.at, e.priority);
      if (!r.known) throw new Error(`no estimate for ${e.ticket}`);
      out.push(r.waitSec);
    }
    est.observe(e);
  }
  return [out[0]!, out[1]!];
}

function byName(r: ReplayResult, name: string): PredictorScore {
  const s = r.scores.find((x) => x.name === name);
  if (!s) throw new Error(`no ${name}`);
  return s;
}

describe('estimate replay on a hand-made fixture', () => {
  it('parses days, waits and phantom rows', () => {
    expect(calls).toHaveLength(8);
    expect(calls.map((c) => c.day)).toEqual([1, 1, 1, 1, 1, 1, 2, 2]);
    expect(calls.filter((c) => c.outcome === 'PHANTOM')).toHaveLength(1);
    // Phantom dropped; A and G give a call and an end each; B, C, D, F give issue, call, end; E issue and leave.
    expect(callsToEvents(calls)).toHaveLength(2 * 2 + 4 * 3 + 2);
  });

  it('leaves out unreadable rows and says which', () => {
    const [header, first] = fixture.split('\n');
    const broken = [header, first, 'XX01\t9\t0\t0\tPS\t990301\t9:00:00\t9:00:10\t10\t9:00:10\t9:00:20\t10\tLOST', ''].join('\n');
    const skipped: number[] = [];
    expect(parseCallsTsv(broken, (row) => skipped.push(row))).toHaveLength(1);
    expect(skipped).toEqual([2]);
  });

  it('matches the hand-computed figures over both days', () => {
    const r = replayCalls(calls, options);
    expect(r.served).toBe(4);
    expect(r.scored).toBe(2);
    expect(r.hangups).toBe(1);
    expect(r.meanWaitSec).toBe(60);
    const [d, f] = oursAtDandF();
    const expected: Record<string, [rmse: number, mae: number, within60: number, hangLonger: number]> = {
      LES: [134.164, 120, 0.5, 1],
      HOL: [67.082, 60, 0.5, 1],
      QL: [1274.559, 1140, 0, 0],
      AVG10: [74.582, 57.5, 0.5, 0],
      classic: [64.203, 51, 0.5, 0],
      'LES·all': [134.164, 120, 0.5, 1],
      'HOL·all': [67.082, 60, 0.5, 1],
      'QL·all': [2616.20, 2340, 0, 0],
      'AVG10·all': [74.582, 57.5, 0.5, 0],
      'classic·all': [64.203, 51, 0.5, 0],
    };
    for (const [name, [rmse, mae, within60, hangLonger]] of Object.entries(expected)) {
      const s = byName(r, name);
      expect(s.rmse, name).toBeCloseTo(rmse, 1);
      expect(s.mae, name).toBeCloseTo(mae, 1);
      expect(s.within60, name).toBe(within60);
      expect(s.hangupsLongerThanPredicted, name).toBe(hangLonger);
    }
    const ours = byName(r, OURS);
    expect(ours.rmse).toBeCloseTo(Math.sqrt(((d - 30) ** 2 + (f - 90) ** 2) / 2), 6);
    expect(ours.mae).toBeCloseTo((Math.abs(d - 30) + Math.abs(f - 90)) / 2, 6);
    expect(byName(r, OURS).answered).toBe(2);
    expect(byName(r, 'HOL').answered).toBe(4);
    expect(r.unknown).toEqual({ no_counter: 0, no_history: 2 });
    expect(r.bestBaseline).toBe('classic');
    expect(r.ratio).toBeCloseTo(ours.rmse / 64.203, 2);
    expect(formatReplay(r)).toContain('| classic | 2 | 64.2 | 51.0 | 1.070 | 50.0% | – | 0.0% |');
  });

  it('scores only the chosen days, after streaming the earlier ones', () => {
    const r = replayCalls(calls, { ...options, days: [2, 2] });
    expect(r.scored).toBe(1);
    expect(r.hangups).toBe(0);
    expect(byName(r, 'LES').rmse).toBeCloseTo(60, 5); // 30 − 90
    expect(byName(r, 'classic').rmse).toBeCloseTo(12, 5); // 102 − 90
    expect(byName(r, OURS).rmse).toBeCloseTo(Math.abs(oursAtDandF()[1] - 90), 6);
  });
});
