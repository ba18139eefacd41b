/**
 * Replays a call-centre log through the wait estimator and the classic baselines and prints how
 * well each predicted the waits customers really had.
 *
 *   npm run estimate:replay -- <file.tsv> [--days 11-14] [--cold]
 *
 * --days a-b  score only days a..b (ordinals of the distinct dates in the file); earlier days
 *             are still streamed first, unscored, so learning starts where a live branch would be
 * --cold      do not stream earlier days: every predictor starts from nothing on day a
 * --now-only  our estimator never uses its learned model: only the "now" rule (queue ahead ×
 *             today's service time ÷ counters), as on a branch's first morning
 */
import { readFileSync } from 'node:fs';
import { CALL_LOG_ESTIMATOR_OPTIONS, parseCallsTsv } from './estimate-calls-tsv';
import { formatReplay, replayCalls } from './estimate-scoring';

interface Args {
  file: string;
  days: [number, number] | undefined;
  warmup: boolean;
  nowOnly: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  let file: string | undefined;
  let days: [number, number] | undefined;
  let warmup = true;
  let nowOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--days') {
      const m = /^(\d+)(?:-(\d+))?$/.exec(argv[++i] ?? '');
      if (!m) throw new Error('--days wants a or a-b, e.g. --days 11-14');
      days = [Number(m[1]), Number(m[2] ?? m[1])];
    } else if (a === '--cold') warmup = false;
    else if (a === '--now-only') nowOnly = true;
    else if (a !== undefined && !a.startsWith('--')) file = a;
    else throw new Error(`unknown flag ${a}`);
  }
  if (!file) throw new Error('usage: npm run estimate:replay -- <file.tsv> [--days a-b] [--cold] [--now-only]');
  return { file, days, warmup, nowOnly };
}

function main(): void {
  const { file, days, warmup, nowOnly } = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const skipped: string[] = [];
  const calls = parseCallsTsv(readFileSync(file, 'utf8'), (row, reason) => skipped.push(`row ${row}: ${reason}`));
  if (skipped.length > 0) console.warn(`${skipped.length} unreadable rows left out, e.g. ${skipped.slice(0, 3).join('; ')}`);
  const estimator = nowOnly ? { ...CALL_LOG_ESTIMATOR_OPTIONS, minHistory: Infinity } : CALL_LOG_ESTIMATOR_OPTIONS;
  const result = replayCalls(calls, { days, warmup, estimator });
  console.log(formatReplay(result));
  console.log(`\n${calls.length} rows replayed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
