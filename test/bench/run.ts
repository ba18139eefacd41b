/**
 * `npm run bench`: speed and memory figures of the hot paths, measured side by side in one run
 * (this machine is small and noisy: compare the ratios, not the absolute numbers).
 * Figures and the command are recorded in docs/BENCHMARKS.md.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { applyAll, decide, emptyState, type BranchEvent, type BranchState } from '../../core';
import { BranchStates } from '../../server/commands/branch-states';
import { SNAPSHOT_EVERY } from '../../server/commands/execute';
import { openSqlite } from '../../server/store/db';
import { SqlEventStore } from '../../server/store/event-store';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { connectStream, loginAs, removeDir, startTestServer, tempDataDir } from '../support/server';

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** A busy day: 1,200 tickets through 4 counters, notices now and then. */
function busyDay(): BranchEvent[] {
  let state: BranchState = emptyState('demo');
  const events: BranchEvent[] = [];
  let at = Date.UTC(2026, 10, 23, 7, 0);
  const push = (payloads: ReturnType<typeof decide>) => {
    if (!payloads.ok) return;
    for (const p of payloads.events) {
      const e = { ...p, branchId: 'demo', seq: state.seq + 1, at, actor: { role: 'teller' } } as BranchEvent;
      state = applyAll(state, [e]);
      events.push(e);
    }
  };
  push({ ok: true, events: [{ type: 'BranchConfigured', config: DEMO_BRANCH }] });
  for (let i = 0; i < 1200; i++) {
    at += 20_000;
    push(decide(state, { type: 'IssueTicket', ticketId: randomUUID(), service: i % 4 ? 'teller' : 'advice' }, at));
    // Counters keep up with 19 of 20 arrivals: a backlog of ~60 by closing time.
    if (i % 20) push(decide(state, { type: 'CounterAction', counterId: String((i % 4) + 1), action: 'call-next' }, at));
    if (i % 100 === 0) push(decide(state, { type: 'PostNotice', noticeId: randomUUID(), body: { presetId: 'busy-now' } }, at));
    if (i % 100 === 50) {
      const n = state.notices.find((x) => x.status === 'active');
      if (n) push(decide(state, { type: 'ResolveNotice', noticeId: n.id, body: {} }, at));
    }
  }
  return events;
}

async function main() {
  const rows: string[][] = [];
  const add = (what: string, value: string, note = '') => rows.push([what, value, note]);

  // 1. The reducer: how fast a log folds (restart, replay, "what did the screen show at 10:14").
  const day = busyDay();
  const jsonDay = JSON.stringify(day);
  let t = performance.now();
  const reps = 20;
  for (let r = 0; r < reps; r++) applyAll(emptyState('demo'), day);
  const foldMs = (performance.now() - t) / reps;
  t = performance.now();
  for (let r = 0; r < reps; r++) JSON.parse(jsonDay);
  const parseMs = (performance.now() - t) / reps;
  add('fold a busy day (events/s)', fmt(day.length / (foldMs / 1000)), `${day.length} events in ${fmt(foldMs, 1)} ms`);
  add('fold ÷ JSON.parse of the same events', fmt(foldMs / parseMs, 2), 'the reducer costs this many parses');
  const finalState = applyAll(emptyState('demo'), day);
  add('state size after a busy day (bytes of JSON)', fmt(JSON.stringify(finalState).length), 'what a snapshot sends a screen');

  // 2. Loading a branch from the log: with snapshots vs replaying everything.
  const dir = tempDataDir();
  const { sql } = openSqlite(dir);
  const store = new SqlEventStore(sql);
  await sql.tx(async (tx) => {
    await store.createBranch(tx, 'demo', day[0]!.at);
    let folded = emptyState('demo');
    for (const e of day) {
      folded = applyAll(folded, [e]);
      await store.append(tx, 'demo', e.seq - 1, [e], e.seq % SNAPSHOT_EVERY === 0 ? folded : undefined);
    }
  });
  const states = new BranchStates(store);
  const load = async (withSnapshots: boolean) => {
    if (!withSnapshots) await sql.run('DELETE FROM snapshots');
    const times: number[] = [];
    for (let r = 0; r < 10; r++) {
      states.dropCache();
      const s = performance.now();
      await states.get('demo');
      times.push(performance.now() - s);
    }
    return pct(times, 50);
  };
  const withSnap = await load(true);
  const without = await load(false);
  add('load branch from SQLite, with snapshots (ms)', fmt(withSnap, 1), `${day.length} events in the log`);
  add('load branch from SQLite, full replay (ms)', fmt(without, 1), `ratio ${fmt(without / withSnap, 1)}×`);
  await sql.close();
  removeDir(dir);

  // 3. A command end to end: REST in, SQLite transaction, broadcast to 50 screens.
  const server = await startTestServer({ ticketsPerMinute: 1_000_000 });
  const teller = await loginAs(server.url, 'teller1');
  const screens = await Promise.all(
    Array.from({ length: 50 }, () => {
      const s = connectStream(server.url, { branch: 'demo' });
      return new Promise<typeof s>((ok) => s.once('snapshot', () => ok(s)));
    }),
  );
  const rtt: number[] = [];
  const fanout: number[] = [];
  const n = 300;
  const memBefore = process.memoryUsage().rss;
  for (let i = 0; i < n; i++) {
    const all = Promise.all(screens.map((s) => new Promise<number>((ok) => s.once('event', () => ok(performance.now())))));
    const s = performance.now();
    const res = await teller.post('/api/branches/demo/tickets').set('Idempotency-Key', randomUUID()).send({ service: 'teller' });
    if (res.status !== 201) throw new Error(`ticket failed: ${res.status}`);
    rtt.push(performance.now() - s);
    const arrivals = await all;
    fanout.push(Math.max(...arrivals) - s);
  }
  add('issue a ticket over REST, p50 / p99 (ms)', `${fmt(pct(rtt, 50), 1)} / ${fmt(pct(rtt, 99), 1)}`, `${n} sequential commands`);
  add('…until all 50 screens have it, p50 / p99 (ms)', `${fmt(pct(fanout, 50), 1)} / ${fmt(pct(fanout, 99), 1)}`, 'same process holds the 50 clients');
  add('RSS growth over those commands (MiB)', fmt((process.memoryUsage().rss - memBefore) / 2 ** 20, 1), 'server + clients in one process');
  screens.forEach((s) => s.disconnect());
  await server.stop();
  removeDir(server.dataDir);

  const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 8));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
  console.log(line(['measure', 'value', 'note']));
  console.log(line(width.map((w) => '-'.repeat(w))));
  rows.forEach((r) => console.log(line(r)));
  console.log(`\nnode ${process.version}, ${new Date().toISOString()}`);
  process.exit(0);
}

await main();
