/**
 * Replays a call-centre log through the wait estimator and the classic baselines and prints how
 * well each predicted the waits customers really had.
 *
 *   npm run estimate:replay -- <file.tsv> [--days 11-14] [--cold]
 *
 * --days a-b  score only days a..b (ordinals of the distinct dates in the file); earlier days
 *             are still streamed first, unscored, so learning starts where a live branch would be
 * --cold      do not stream earlier days: every predictor starts from nothing on day a
 */
import { readFileSync } from 'node:fs';
import { parseCallsTsv } from './estimate-calls-tsv';
import { formatReplay, replayCalls } from './estimate-scoring';

function parseArgs(argv: readonly string[]): { file: string; days: [number, number] | undefined; warmup: boolean } {
  let file: string | undefined;
  let days: [number, number] | undefined;
  let warmup = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--days') {
      const m = /^(\d+)(?:-(\d+))?$/.exec(argv[++i] ?? '');
      if (!m) throw new Error('--days wants a or a-b, e.g. --days 11-14');
      days = [Number(m[1]), Number(m[2] ?? m[1])];
    } else if (a === '--cold') warmup = false;
    else if (a !== undefined && !a.startsWith('--')) file = a;
    else throw new Error(`unknown flag ${a}`);
  }
  if (!file) throw new Error('usage: npm run estimate:replay -- <file.tsv> [--days a-b] [--cold]');
  return { file, days, warmup };
}

function main(): void {
  const { file, days, warmup } = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const skipped: string[] = [];
  const calls = parseCallsTsv(readFileSync(file, 'utf8'), (row, reason) => skipped.push(`row ${row}: ${reason}`));
  if (skipped.length > 0) console.warn(`${skipped.length} unreadable rows left out, e.g. ${skipped.slice(0, 3).join('; ')}`);
  const result = replayCalls(calls, { days, warmup });
  console.log(formatReplay(result));
  console.log(`\n${calls.length} rows replayed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
