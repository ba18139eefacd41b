import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, applyAll, createEstimator, emptyState, toEstimatorEvents, utcOffsetMinutes, type BranchEvent, type BranchState } from '../../core';
import { BranchStates } from '../../server/commands/branch-states';
import { SNAPSHOT_EVERY } from '../../server/commands/execute';
import { CHECKPOINT_EVERY } from '../../server/history/estimator-checkpoints';
import { HistoryService } from '../../server/history/history-service';
import { HistoryStore } from '../../server/history/history-store';
import { SqlEventStore } from '../../server/store/event-store';
import type { Sql } from '../../server/store/sql';
import { busyYear } from '../bench/history';
import { openTestSql, removeDir, tempDataDir } from '../support/server';

/**
 * Replaying a past moment on a long log (issue 12): the state from the snapshot before it and the
 * events up to it, the estimates from the estimator's checkpoint before it and the events since.
 * Both must be exactly what folding the whole log up to that moment gives.
 */
let dir: string;
let sql: Sql;
let store: SqlEventStore;
let history: HistoryService;
let events: BranchEvent[];
let last: BranchState;

beforeAll(async () => {
  events = busyYear(12, '2026-03-02');
  dir = tempDataDir();
  sql = await openTestSql(dir);
  store = new SqlEventStore(sql);
  await sql.tx((tx) => store.createBranch(tx, 'demo', events[0]!.at));
  let state = emptyState('demo');
  for (let i = 0; i < events.length; i += SNAPSHOT_EVERY) {
    const batch = events.slice(i, i + SNAPSHOT_EVERY);
    for (const e of batch) state = apply(state, e);
    await sql.tx((tx) => store.append(tx, 'demo', batch[0]!.seq - 1, batch, state));
  }
  last = state;
  history = new HistoryService(sql, store, new HistoryStore(sql));
  await history.caughtUp('demo');
  // A ceiling, not a target: ~12 days of log folded on PostgreSQL took 54 s on the loaded 2-core machine.
}, 240_000);

afterAll(async () => {
  await history.stop();
  await (sql as Sql & { close(): Promise<void> }).close();
  removeDir(dir);
});

/** What an estimator fed every event from the first up to `seq` says at `at`. */
function continuous(seq: number, at: number): string {
  const e = createEstimator({ utcOffsetMin: utcOffsetMinutes(events[0]!.at, 'Europe/Rome') });
  for (const x of events.slice(0, seq)) for (const y of toEstimatorEvents(x, last)) e.observe(y);
  return JSON.stringify([e.estimateNew('teller', at), e.estimateNew('advice', at), e.estimateWaiting(at)]);
}

describe('replay on a long log', () => {
  it('has more than a few checkpoints to start from', async () => {
    expect(events.length).toBeGreaterThan(5 * CHECKPOINT_EVERY);
    const rows = await sql.all<{ seq: number }>('SELECT seq FROM estimator_checkpoints WHERE branch_id = ? ORDER BY seq', ['demo']);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: Math.floor(events.length / CHECKPOINT_EVERY) }, (_, i) => (i + 1) * CHECKPOINT_EVERY));
  });

  it('the estimator from the checkpoint before a moment says exactly what one fed the whole log says', async () => {
    for (const seq of [1, CHECKPOINT_EVERY - 1, CHECKPOINT_EVERY, CHECKPOINT_EVERY + 1, 3 * CHECKPOINT_EVERY + 777, events.length]) {
      const at = events[seq - 1]!.at + 45_000;
      const held = await history.estimators.at('demo', seq, last);
      expect(held.seq).toBe(seq);
      const e = held.estimator;
      expect(JSON.stringify([e.estimateNew('teller', at), e.estimateNew('advice', at), e.estimateWaiting(at)]), `seq ${seq}`).toBe(continuous(seq, at));
    }
  });

  it('stepping on from a moment asked before gives what asking the later moment afresh gives', async () => {
    const first = 4 * CHECKPOINT_EVERY + 100;
    const later = first + 250;
    const held = await history.estimators.at('demo', first, last);
    held.estimator.estimateNew('teller', events[first - 1]!.at + 30_000);
    held.estimator.estimateWaiting(events[first - 1]!.at + 30_000);
    await history.estimators.learnUpTo('demo', held, later, last);
    const at = events[later - 1]!.at + 20_000;
    expect(JSON.stringify([held.estimator.estimateNew('teller', at), held.estimator.estimateWaiting(at)])).toBe(JSON.stringify((() => {
      const x = JSON.parse(continuous(later, at));
      return [x[0], x[2]];
    })()));
  });

  it('the state at a moment is the fold of the log up to it, whatever snapshot it starts from', async () => {
    const states = new BranchStates(store);
    for (const i of [0, 999, 1000, 1001, 4321, events.length - 2]) {
      for (const at of [events[i]!.at, events[i]!.at + 1, events[i]!.at + 30_000]) {
        const expected = applyAll(emptyState('demo'), events.filter((e) => e.at <= at));
        expect(await states.stateAt('demo', at)).toEqual(expected);
      }
    }
    expect(await states.stateAt('demo', events[0]!.at - 1)).toEqual(emptyState('demo'));
  });

  it('a log older than its checkpoints (an upgrade) gets them filled in by the first replay', async () => {
    await sql.run('DELETE FROM estimator_checkpoints WHERE branch_id = ?', ['demo']);
    const seq = 2 * CHECKPOINT_EVERY + 5;
    const at = events[seq - 1]!.at + 10_000;
    const held = await history.estimators.at('demo', seq, last);
    expect(JSON.stringify([held.estimator.estimateNew('teller', at), held.estimator.estimateNew('advice', at), held.estimator.estimateWaiting(at)])).toBe(continuous(seq, at));
    const rows = await sql.all<{ seq: number }>('SELECT seq FROM estimator_checkpoints WHERE branch_id = ? ORDER BY seq', ['demo']);
    expect(rows.map((r) => Number(r.seq))).toEqual([CHECKPOINT_EVERY, 2 * CHECKPOINT_EVERY]);
  });
});
