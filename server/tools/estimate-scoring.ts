import { BASELINES, createBaselines, createEstimator } from '../../core/estimate';
import type { BaselineName, BaselineOptions, EstimatorOptions, ReasonCode, WaitEstimate } from '../../core/estimate';
import { CALL_LOG_ESTIMATOR_OPTIONS, callsToEvents, isQueued, ticketOf } from './estimate-calls-tsv';
import type { Call } from './estimate-calls-tsv';

/**
 * Replays a call log through our estimator and every baseline, predicting at each customer's
 * queue-join time, and scores the predictions against the waits customers really had.
 * Pure: calls in, figures out.
 */

export const OURS = 'Branchboard';
export type PredictorName = typeof OURS | BaselineName;

export interface ReplayOptions {
  /** Inclusive day ordinals to score; default every day. */
  days?: readonly [number, number];
  /** Stream earlier days first (not scored) so history-based predictors start warm. Default true. */
  warmup?: boolean;
  /** Default: CALL_LOG_ESTIMATOR_OPTIONS. */
  estimator?: EstimatorOptions;
  baselines?: BaselineOptions;
}

export interface PredictorScore {
  name: PredictorName;
  /** Served customers this predictor gave a number for. */
  answered: number;
  /** Figures over the served customers every predictor answered. */
  rmse: number;
  mae: number;
  /** RMSE ÷ mean real wait. */
  relRmse: number;
  /** Share predicted within ±60 s. */
  within60: number;
  /** Share of real waits inside P10–P90 (our estimator only). */
  coverage: number | undefined;
  /** Hang-ups answered: share who left after waiting longer than predicted (the rest left sooner). */
  hangupsLongerThanPredicted: number;
}

export interface ReplayResult {
  days: readonly [number, number];
  /** Served customers in the scored days, and those every predictor answered (the scored set). */
  served: number;
  scored: number;
  hangups: number;
  meanWaitSec: number;
  scores: PredictorScore[];
  bestBaseline: BaselineName;
  /** Our RMSE ÷ the best baseline's. */
  ratio: number;
  unknown: { no_counter: number; no_history: number };
  /**
   * Tickets already waiting, sampled at every issue in the scored days (each served ticket once per
   * sample): our estimate of the rest of the wait against the real rest, and AVG10 minus time waited.
   */
  waiting: { samples: number; rmse: number; mae: number; coverage: number; avg10MinusWaitedRmse: number };
  /** Per reason: share of our known estimates that carried it, and the mean real wait of served customers with and without it. */
  reasons: Record<ReasonCode, { share: number; meanWaitWith: number; meanWaitWithout: number }>;
}

interface RemainingSample {
  estimate: WaitEstimate;
  avg10MinusWaited: number | undefined;
  remainingSec: number;
}

interface Prediction {
  call: Call & { queuedAt: number };
  ours: WaitEstimate;
  baselines: Record<BaselineName, number | undefined>;
}

const rootMeanSquare = (xs: readonly number[]): number => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / Math.max(1, xs.length));
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

export function replayCalls(calls: readonly Call[], options: ReplayOptions = {}): ReplayResult {
  const lastDay = Math.max(0, ...calls.map((c) => c.day));
  const [from, to] = options.days ?? [1, lastDay];
  const streamFrom = options.warmup === false ? from : 1;
  const byTicket = new Map(calls.filter(isQueued).map((c) => [ticketOf(c), c]));
  const events = callsToEvents(calls.filter((c) => c.day >= streamFrom && c.day <= to));

  const estimator = createEstimator(options.estimator ?? CALL_LOG_ESTIMATOR_OPTIONS);
  const baselines = createBaselines(options.baselines);
  const predictions: Prediction[] = [];
  const remaining: RemainingSample[] = [];
  for (const e of events) {
    if (e.kind === 'issued') {
      const call = byTicket.get(e.ticket);
      if (call && call.day >= from) {
        for (const w of estimator.estimateWaiting(e.at)) {
          const c = byTicket.get(w.ticket);
          if (!c || c.outcome !== 'AGENT') continue;
          const waited = (e.at - c.queuedAt) / 1000;
          const avg10 = baselines.predict(w.service, e.at).AVG10;
          remaining.push({
            estimate: w.estimate,
            avg10MinusWaited: avg10 === undefined ? undefined : Math.max(0, avg10 - waited),
            remainingSec: c.waitSec - waited,
          });
        }
        predictions.push({
          call,
          ours: estimator.estimateNew(e.service, e.at, e.priority),
          baselines: baselines.predict(e.service, e.at),
        });
      }
    }
    estimator.observe(e);
    baselines.observe(e);
  }
  return score(predictions, remaining, [from, to]);
}

function scoreRemaining(samples: readonly RemainingSample[]): ReplayResult['waiting'] {
  const both = samples.filter(
    (s): s is RemainingSample & { estimate: { known: true }; avg10MinusWaited: number } =>
      s.estimate.known && s.avg10MinusWaited !== undefined,
  );
  const errors = both.map((s) => s.estimate.waitSec - s.remainingSec);
  return {
    samples: both.length,
    rmse: rootMeanSquare(errors),
    mae: mean(errors.map(Math.abs)),
    coverage: mean(both.map((s) => (s.remainingSec >= s.estimate.p10Sec && s.remainingSec <= s.estimate.p90Sec ? 1 : 0))),
    avg10MinusWaitedRmse: rootMeanSquare(both.map((s) => s.avg10MinusWaited - s.remainingSec)),
  };
}

function score(predictions: readonly Prediction[], remaining: readonly RemainingSample[], days: readonly [number, number]): ReplayResult {
  const names: PredictorName[] = [OURS, ...BASELINES];
  const valueOf = (p: Prediction, name: PredictorName): number | undefined =>
    name === OURS ? (p.ours.known ? p.ours.waitSec : undefined) : p.baselines[name];
  const served = predictions.filter((p) => p.call.outcome === 'AGENT');
  const hangups = predictions.filter((p) => p.call.outcome === 'HANG');
  const scored = served.filter((p) => names.every((n) => valueOf(p, n) !== undefined));
  const meanWaitSec = mean(scored.map((p) => p.call.waitSec));

  const scores = names.map((name): PredictorScore => {
    const errors = scored.map((p) => (valueOf(p, name) ?? 0) - p.call.waitSec);
    const answeredHangups = hangups.filter((p) => valueOf(p, name) !== undefined);
    const rmse = rootMeanSquare(errors);
    return {
      name,
      answered: served.filter((p) => valueOf(p, name) !== undefined).length,
      rmse,
      mae: mean(errors.map(Math.abs)),
      relRmse: rmse / meanWaitSec,
      within60: mean(errors.map((e) => (Math.abs(e) <= 60 ? 1 : 0))),
      coverage:
        name === OURS
          ? mean(scored.map((p) => (p.ours.known && p.call.waitSec >= p.ours.p10Sec && p.call.waitSec <= p.ours.p90Sec ? 1 : 0)))
          : undefined,
      hangupsLongerThanPredicted: mean(answeredHangups.map((p) => (p.call.waitSec > (valueOf(p, name) ?? 0) ? 1 : 0))),
    };
  });

  const baselineScores = scores.filter((s) => s.name !== OURS);
  const best = baselineScores.reduce((a, b) => (b.rmse < a.rmse ? b : a));
  const ours = scores[0];
  const known = predictions.filter((p) => p.ours.known);
  const reason = (r: ReasonCode): ReplayResult['reasons'][ReasonCode] => {
    const has = (p: Prediction): boolean => p.ours.reasons.includes(r);
    const knownServed = known.filter((p) => p.call.outcome === 'AGENT');
    return {
      share: mean(known.map((p) => (has(p) ? 1 : 0))),
      meanWaitWith: mean(knownServed.filter(has).map((p) => p.call.waitSec)),
      meanWaitWithout: mean(knownServed.filter((p) => !has(p)).map((p) => p.call.waitSec)),
    };
  };
  return {
    days,
    served: served.length,
    scored: scored.length,
    hangups: hangups.length,
    meanWaitSec,
    scores,
    bestBaseline: best.name as BaselineName,
    ratio: (ours?.rmse ?? NaN) / best.rmse,
    unknown: {
      no_counter: predictions.filter((p) => !p.ours.known && p.ours.cause === 'no_counter').length,
      no_history: predictions.filter((p) => !p.ours.known && p.ours.cause === 'no_history').length,
    },
    waiting: scoreRemaining(remaining),
    reasons: {
      fewer_counters: reason('fewer_counters'),
      more_arrivals: reason('more_arrivals'),
      longer_service: reason('longer_service'),
    },
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The result as a Markdown table plus a few lines of context. */
export function formatReplay(r: ReplayResult): string {
  const lines = [
    `Days ${r.days[0]}–${r.days[1]}: ${r.served} served customers, ${r.scored} scored (every predictor answered), ` +
      `${r.hangups} hang-ups; mean real wait ${r.meanWaitSec.toFixed(1)} s`,
    '',
    '| predictor | answered | RMSE (s) | MAE (s) | RMSE ÷ mean wait | within ±60 s | P10–P90 coverage | hang-ups who waited longer than predicted |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...r.scores.map(
      (s) =>
        `| ${s.name} | ${s.answered} | ${s.rmse.toFixed(1)} | ${s.mae.toFixed(1)} | ${s.relRmse.toFixed(3)} | ${pct(s.within60)} | ` +
        `${s.coverage === undefined ? '–' : pct(s.coverage)} | ${pct(s.hangupsLongerThanPredicted)} |`,
    ),
    '',
    `Our RMSE ÷ best baseline (${r.bestBaseline}): ${r.ratio.toFixed(3)}`,
    `Tickets already waiting (${r.waiting.samples} samples, one per waiting ticket at each issue): rest of the wait ` +
      `RMSE ${r.waiting.rmse.toFixed(1)} s, MAE ${r.waiting.mae.toFixed(1)} s, P10–P90 coverage ${pct(r.waiting.coverage)}; ` +
      `AVG10 minus time waited: RMSE ${r.waiting.avg10MinusWaitedRmse.toFixed(1)} s`,
    `Our "unknown" answers: ${r.unknown.no_counter} no counter, ${r.unknown.no_history} no history`,
    `Reasons shown (share of our estimates; mean real wait with / without): ` +
      (Object.entries(r.reasons) as [ReasonCode, ReplayResult['reasons'][ReasonCode]][])
        .map(([code, x]) => `${code} ${pct(x.share)} (${x.meanWaitWith.toFixed(0)} s / ${x.meanWaitWithout.toFixed(0)} s)`)
        .join(', '),
  ];
  return lines.join('\n');
}
