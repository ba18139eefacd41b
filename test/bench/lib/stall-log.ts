import { writeFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';

/**
 * BENCH_STALL_LOG=<file>: the node under test notes each turn of its event loop that came late
 * (a 5 ms interval timer's drift over 20 ms), every GC with its kind and length, and named marks
 * (listening, start answered), all on performance.now(); written to the file at 'exit'. A tool for
 * finding what stalls the loop (issue 9's storm), beside `--cpu-prof`.
 */
const file = process.env.BENCH_STALL_LOG;
const marks: [string, number][] = [];
const stalls: [number, number][] = [];
const gcs: [number, number, number][] = [];

export function stallMark(name: string): void {
  if (file) marks.push([name, performance.now()]);
}

export function writeStallLog(): void {
  if (file) writeFileSync(file, JSON.stringify({ marks, stalls, gcs, monotonicUsAtZero: Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000 }));
}

if (file) {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push([e.startTime, e.duration, ((e as { detail?: { kind?: number } }).detail)?.kind ?? -1]);
  }).observe({ entryTypes: ['gc'] });
  let last = performance.now();
  setInterval(() => {
    const t = performance.now();
    if (t - last > 25) stalls.push([last, t - last - 5]);
    last = t;
  }, 5).unref();
}
