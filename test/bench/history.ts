/**
 * History read models on a year of busy days (~400,000 events): how long the read models take
 * to build from the log, and how fast each report answers over HTTP from them.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { apply, decide, emptyState, fromLocal, type Actor, type BranchEvent, type BranchState, type Command } from '../../core';
import { hashPassword } from '../../server/auth/passwords';
import { Users } from '../../server/auth/users';
import { SNAPSHOT_EVERY } from '../../server/commands/execute';
import { HistoryService } from '../../server/history/history-service';
import { HistoryStore } from '../../server/history/history-store';
import { openSqlite } from '../../server/store/db';
import { SqlEventStore } from '../../server/store/event-store';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { removeDir, startTestServer, tempDataDir } from '../support/server';

type Add = (what: string, value: string, note?: string) => void;
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A small deterministic PRNG, so every run generates the same year. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const PRESETS = ['computer-fault', 'card-reader', 'network-slow', 'busy-now', 'cash-delivery', 'counter-maintenance'];
const config = { ...DEMO_BRANCH, services: DEMO_BRANCH.services.map((s) => ({ ...s, promiseMinutes: 15 })) };

/** A year of busy days: ~360 tickets a day through 4 counters, 2–3 notices a day, some no-shows. */
export function busyYear(days = 365, firstDay = '2025-12-01'): BranchEvent[] {
  const rnd = prng(42);
  let state: BranchState = emptyState('demo');
  const events: BranchEvent[] = [];
  let at = 0;
  let n = 0;
  const push = (cmd: Command | null, actor: Actor, payloads?: BranchEvent[]) => {
    const d = cmd ? decide(state, cmd, at) : { ok: true as const, events: payloads! };
    if (!d.ok) return;
    for (const p of d.events) {
      const e = { ...p, branchId: 'demo', seq: state.seq + 1, at, actor } as BranchEvent;
      state = apply(state, e);
      events.push(e);
    }
    at += 1;
  };
  const id = () => `bench-${(n++).toString(36).padStart(8, '0')}`;
  push(null, { role: 'system' }, [{ type: 'BranchConfigured', config } as never]);
  let day = firstDay;
  for (let d = 0; d < days; d++) {
    const open = fromLocal(`${day}T08:30`, 'Europe/Rome')!;
    const close = open + 7.5 * 3600_000;
    const freeAt: Record<string, number> = { 1: open, 2: open, 3: open, 4: open };
    const notices: { id: string; until: number }[] = [];
    const noticeTimes = [open + rnd() * 3 * 3600_000, open + (3 + rnd() * 4) * 3600_000].sort((a, b) => a - b);
    // After closing time the counters serve whoever is still waiting (up to three hours).
    for (let t = open; t < close || (t < close + 3 * 3600_000 && Object.values(state.queues).some((q) => q.length)); t += 60_000) {
      at = Math.max(at, t);
      const teller = (c: string): Actor => ({ role: 'teller', user: `teller${c}` });
      if (t < close) {
        const arrivals = rnd() < 0.8 ? 1 : 0;
        for (let a = 0; a < arrivals; a++) push({ type: 'IssueTicket', ticketId: id(), service: rnd() < 0.75 ? 'teller' : 'advice' }, { role: 'kiosk' });
      }
      while (noticeTimes.length && noticeTimes[0]! <= t) {
        noticeTimes.shift();
        const noticeId = id();
        push({ type: 'PostNotice', noticeId, body: { presetId: PRESETS[Math.floor(rnd() * PRESETS.length)]!, counterId: String(1 + Math.floor(rnd() * 4)) } }, teller('1'));
        notices.push({ id: noticeId, until: t + (10 + rnd() * 40) * 60_000 });
      }
      for (const x of notices.filter((x) => x.until <= t)) push({ type: 'ResolveNotice', noticeId: x.id, body: {} }, teller('1'));
      notices.splice(0, notices.length, ...notices.filter((x) => x.until > t));
      for (const c of ['1', '2', '3', '4']) {
        if (freeAt[c]! > t) continue;
        const cur = state.counters[c]?.ticketId;
        if (cur) push({ type: 'CounterAction', counterId: c, action: rnd() < 0.03 ? 'no-show' : 'done' }, teller(c));
        if (Object.values(state.queues).some((q) => q.length)) {
          push({ type: 'CounterAction', counterId: c, action: 'call-next' }, teller(c));
          freeAt[c] = t + (2 + rnd() * 4) * 60_000;
        }
      }
    }
    for (const x of notices) push({ type: 'ResolveNotice', noticeId: x.id, body: {} }, { role: 'teller', user: 'teller1' });
    for (const c of ['1', '2', '3', '4']) push({ type: 'CounterAction', counterId: c, action: 'close' }, { role: 'teller', user: `teller${c}` });
    day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  return events;
}

export async function historyBench(add: Add): Promise<void> {
  let t = performance.now();
  const year = busyYear();
  add('history: generate a busy year (events)', fmt(year.length), `${fmt(performance.now() - t)} ms; ${fmt(year.filter((e) => e.type === 'TicketIssued').length)} tickets`);

  const dir = tempDataDir();
  const { sql } = openSqlite(dir);
  const store = new SqlEventStore(sql);
  await sql.tx((tx) => store.createBranch(tx, 'demo', year[0]!.at));
  let state = emptyState('demo');
  for (let i = 0; i < year.length; i += SNAPSHOT_EVERY) {
    const batch = year.slice(i, i + SNAPSHOT_EVERY);
    for (const e of batch) state = apply(state, e);
    await sql.tx((tx) => store.append(tx, 'demo', batch[0]!.seq - 1, batch, state));
  }

  // The read models from nothing (an upgrade on a branch with a year of log): the worst case.
  const history = new HistoryService(sql, store, new HistoryStore(sql));
  t = performance.now();
  await history.caughtUp('demo');
  const buildMs = performance.now() - t;
  add('history: build read models from the whole log (events/s)', fmt(year.length / (buildMs / 1000)), `${fmt(buildMs / 1000, 1)} s once, then kept up per command`);
  await sql.close();

  const server = await startTestServer({ dataDir: dir });
  await new Users(server.sql).create({ username: 'bench', name: 'Bench manager', role: 'manager', branches: ['demo'] }, await hashPassword('bench-pass-1234'), Date.now());
  const agent = request.agent(server.url);
  await agent.post('/api/session').send({ username: 'bench', password: 'bench-pass-1234' });
  const time = async (what: string, path: string, note = '') => {
    const ms: number[] = [];
    let bytes = 0;
    const cpu: number[] = [];
    for (let r = 0; r < 5; r++) {
      const s = performance.now();
      const c = process.cpuUsage();
      const res = await agent.get(path).buffer(true);
      ms.push(performance.now() - s);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 200)}`);
      bytes = Number(res.headers['content-length'] ?? res.text?.length ?? 0);
    }
    add(`history: ${what} (ms, median of 5)`, fmt(median(ms), 1), `${note}${note ? '; ' : ''}${fmt(bytes / 1024)} KiB; CPU ${fmt(median(cpu), 1)} ms`);
  };
  const b = '/api/branches/demo/history';
  await time('year by month, per service', `${b}/reports?from=2025-12-01&to=2026-11-30&by=month`);
  await time('a month by day, per service', `${b}/reports?from=2026-10-01&to=2026-10-31&by=day`);
  await time('a year by week, causes CSV', `${b}/reports?from=2025-12-01&to=2026-11-30&by=week&format=csv&table=causes`);
  await time('a year of notices', `${b}/notices?from=2025-12-01&to=2026-11-30`, 'every notice with its record');
  await time('a year of daily figures, CSV', `${b}/days.csv?from=2025-12-01&to=2026-11-30`);
  await time('a month of tickets, CSV', `${b}/tickets.csv?from=2026-10-01&to=2026-10-31`);
  await time('audit: newest 200', `${b}/audit`);
  await time('audit: one teller, one counter', `${b}/audit?user=teller3&counter=3`);
  // Replay: each moment asked once (a manager answering a complaint), then stepping from it.
  // CPU time beside the wall time: on a shared machine the wall time mostly says how busy it was.
  const cpuMs: Record<string, number[]> = {};
  const replayMs = async (at: number, kind = '') => {
    const s = performance.now();
    const c = process.cpuUsage();
    const res = await agent.get(`/api/branches/demo/replay?at=${at}`);
    const used = process.cpuUsage(c);
    (cpuMs[kind] ??= []).push((used.user + used.system) / 1000);
    if (res.status !== 200) throw new Error(`replay ${at}: ${res.status} ${res.text.slice(0, 200)}`);
    return { ms: performance.now() - s, body: res.body as { next: number | null; prev: number | null; seq: number } };
  };
  const cpu = (kind: string) => `CPU ${fmt(median(cpuMs[kind]!), 1)} ms (max ${fmt(Math.max(...cpuMs[kind]!), 1)})`;
  // The first request after the start pays for compiling the code and reading cold pages.
  const cold = await replayMs(fromLocal('2026-04-21T11:02', 'Europe/Rome')!, 'cold');
  add('history: replay, the first request after the server started (ms)', fmt(cold.ms, 1), `${cpu('cold')}; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  const firsts: number[] = [];
  let last = { next: null, prev: null, seq: 0 } as { next: number | null; prev: number | null; seq: number };
  for (const day of ['2026-01-13', '2026-03-05', '2026-06-16', '2026-09-22', '2026-11-27']) {
    const r = await replayMs(fromLocal(`${day}T10:14`, 'Europe/Rome')!, 'first');
    firsts.push(r.ms);
    last = r.body;
  }
  add('history: replay a moment, first ask (ms, median of 5 days)', fmt(median(firsts), 1), `max ${fmt(Math.max(...firsts), 1)} ms; ${cpu('first')}; state + estimates, from the snapshot and the estimator checkpoint before it`);
  const steps: number[] = [];
  for (let i = 0; i < 10 && last.next !== null; i++) {
    const r = await replayMs(last.next, 'next');
    steps.push(r.ms);
    last = r.body;
  }
  add('history: replay, step to the next event (ms, median of 10)', fmt(median(steps), 1), `max ${fmt(Math.max(...steps), 1)} ms; ${cpu('next')}; the estimator carried on`);
  const backs: number[] = [];
  for (let i = 0; i < 5 && last.prev !== null; i++) {
    const r = await replayMs(last.prev, 'prev');
    backs.push(r.ms);
    last = r.body;
  }
  add('history: replay, step to the previous event (ms, median of 5)', fmt(median(backs), 1), `max ${fmt(Math.max(...backs), 1)} ms; ${cpu('prev')}; from the checkpoint again`);
  const rows = await server.sql.get<{ n: number; bytes: number }>('SELECT COUNT(*) AS n, SUM(LENGTH(state)) AS bytes FROM estimator_checkpoints');
  add('history: estimator checkpoints for the year', fmt(Number(rows?.n ?? 0)), `${fmt(Number(rows?.bytes ?? 0) / 1024 / 1024, 1)} MiB`);
  await server.stop();
  removeDir(dir);
}
