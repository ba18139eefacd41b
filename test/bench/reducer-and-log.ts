/**
 * The reducer and the log: how fast a busy day folds, and how fast a branch loads from SQLite
 * with and without snapshots.
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { applyAll, decide, emptyState, type BranchEvent, type BranchState } from '../../core';
import { BranchStates } from '../../server/commands/branch-states';
import { SNAPSHOT_EVERY } from '../../server/commands/execute';
import { openSqlite } from '../../server/store/db';
import { SqlEventStore } from '../../server/store/event-store';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { removeDir, tempDataDir } from '../support/server';
import { pct } from './lib/http';
import { fmt, type Row } from './lib/report';

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

export async function reducerAndLog(): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (what: string, value: string, note = '') => rows.push({ what, value, note });

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

  return rows;
}
