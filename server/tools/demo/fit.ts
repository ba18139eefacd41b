/**
 * Fits the synthetic day of `npm run demo:replay` to a real queue log (the Anonymous Bank
 * call-centre log) and writes only the fitted figures — never the data — to day-params.json.
 *
 *   npx tsx server/tools/demo/fit.ts ../shared/data/anonymous-bank/calls-1999-02-01-to-14.tsv
 *
 * Busy days only (at least 600 queued customers: the weekdays), hour by hour: customers joining
 * the queue, agents at work; over the whole: service times (log-normal), the share who give up
 * and their patience (exponential), and the mix of services.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isQueued, parseCallsTsv, type Call } from '../estimate-calls-tsv';
import type { DayParams } from './day-params';

const HOUR = 3_600_000;
const hourOf = (ms: number): number => Math.floor((ms % 86_400_000) / HOUR);
const round = (x: number, d = 3): number => Number(x.toFixed(d));

function fit(calls: readonly Call[]): DayParams {
  const queued = calls.filter(isQueued);
  const perDay = new Map<number, number>();
  for (const c of queued) perDay.set(c.day, (perDay.get(c.day) ?? 0) + 1);
  const busy = new Set([...perDay].filter(([, n]) => n >= 600).map(([d]) => d));
  const days = busy.size;

  const arrivals = new Array<number>(24).fill(0);
  const agents = new Array<number>(24).fill(0);
  const agentSets = new Map<string, Set<string>>();
  for (const c of calls) {
    if (!busy.has(c.day)) continue;
    if (isQueued(c)) arrivals[hourOf(c.queuedAt)]! += 1 / days;
    if (c.outcome === 'AGENT' && c.counter && c.serviceStart !== undefined) {
      const k = `${c.day}:${hourOf(c.serviceStart)}`;
      if (!agentSets.has(k)) agentSets.set(k, new Set());
      agentSets.get(k)!.add(c.counter);
    }
  }
  for (const [k, s] of agentSets) agents[Number(k.split(':')[1])]! += s.size / days;

  const served = queued.filter((c) => busy.has(c.day) && c.outcome === 'AGENT' && c.serviceStart !== undefined && c.serviceEnd !== undefined);
  const logs = served.map((c) => Math.log(Math.max(5, ((c.serviceEnd ?? 0) - (c.serviceStart ?? 0)) / 1000)));
  const mu = logs.reduce((s, x) => s + x, 0) / logs.length;
  const sigma = Math.sqrt(logs.reduce((s, x) => s + (x - mu) ** 2, 0) / logs.length);
  const busyQueued = queued.filter((c) => busy.has(c.day) && c.outcome !== 'PHANTOM');
  const hangs = busyQueued.filter((c) => c.outcome === 'HANG');
  const mix = new Map<string, number>();
  for (const c of busyQueued) mix.set(c.service, (mix.get(c.service) ?? 0) + 1);

  return {
    source: 'Anonymous Bank call-centre log (Technion SEE lab), February 1999, busy days of days 1–14; figures only',
    days,
    arrivalsPerHour: arrivals.map((x) => round(x, 1)),
    agentsPerHour: agents.map((x) => round(x, 2)),
    serviceLogNormal: { mu: round(mu), sigma: round(sigma) },
    giveUpShare: round(hangs.length / busyQueued.length),
    patienceMeanSec: round(hangs.reduce((s, c) => s + c.waitSec, 0) / Math.max(1, hangs.length), 1),
    serviceMix: Object.fromEntries([...mix].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, round(n / busyQueued.length)])),
  };
}

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx server/tools/demo/fit.ts <calls.tsv>');
  process.exit(1);
}
const params = fit(parseCallsTsv(readFileSync(file, 'utf8')));
const out = fileURLToPath(new URL('./day-params.json', import.meta.url));
// Hour arrays on one line each, so the file reads as a table.
writeFileSync(out, `${JSON.stringify(params, null, 2).replace(/\[\s+([^\]]*?)\s+\]/g, (_m, xs: string) => `[${xs.split(/,\s*/).join(", ")}]`)}\n`);
console.log(`wrote ${out}`);
