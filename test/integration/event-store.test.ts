import { afterEach, describe, expect, it } from 'vitest';
import { applyAll, emptyState, type Actor, type BranchEvent, type Command } from '../../core';
import { BranchStates } from '../../server/commands/branch-states';
import { CommittedEvents } from '../../server/commands/committed';
import { CommandHandler, type CommandInput } from '../../server/commands/execute';
import { CommandReplies } from '../../server/store/command-replies';
import { SeqConflict, SqlEventStore } from '../../server/store/event-store';
import type { Sql } from '../../server/store/sql';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { openTestSql, removeDir, tempDataDir } from '../support/server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function openStore() {
  const dir = tempDataDir();
  const sql = await openTestSql(dir);
  cleanups.push(() => removeDir(dir));
  cleanups.push(() => sql.close());
  return { sql, store: new SqlEventStore(sql) };
}

/** One node: its own cache and command handler over a shared database. */
function node(sql: Sql, store: SqlEventStore, clock: () => number = Date.now) {
  const committed = new CommittedEvents();
  const states = new BranchStates(store, committed);
  const seen: BranchEvent[] = [];
  committed.on((_b, events) => seen.push(...events));
  return { states, seen, commands: new CommandHandler(sql, store, states, new CommandReplies(sql), committed, clock) };
}

const kiosk: Actor = { role: 'kiosk' };
/** The demo branch with a third service for the tickets below. */
const BRANCH = { ...DEMO_BRANCH, services: [...DEMO_BRANCH.services, { id: 'extra', prefix: 'C', name: { en: 'Extra' } }] };
let n = 0;
const ticket = (key = `key-${String(++n).padStart(6, '0')}`, service = 'teller'): CommandInput => ({
  branch: 'demo',
  command: { type: 'IssueTicket', ticketId: `t-${key}`, service } satisfies Command,
  key,
  actor: kiosk,
  fingerprint: `fp-${key}`,
});

describe('event store and command path', () => {
  it('keeps gap-free seqs, folds from snapshots, and answers "what did the screen show at time t"', async () => {
    const { sql, store } = await openStore();
    const t0 = Date.UTC(2026, 10, 23, 8, 0);
    let now = t0;
    const a = node(sql, store, () => now);
    await a.commands.openBranch('demo', BRANCH, { role: 'system' });
    // 2,100 tickets, one a second: past two snapshot points.
    for (let i = 0; i < 2100; i++) {
      now = t0 + (i + 1) * 1000;
      // Three services, so none holds more than its 999 numbers at once (no two waiting tickets share one).
      const r = await a.commands.execute(ticket(undefined, ['teller', 'advice', 'extra'][i % 3]));
      expect(r.ok).toBe(true);
    }
    const live = (await a.states.get('demo'))!;
    expect(live.seq).toBe(2101);
    expect(await sql.all("SELECT seq FROM snapshots WHERE branch_id = 'demo' ORDER BY seq")).toEqual([{ seq: 1000 }, { seq: 2000 }]);

    const all = await store.readSince('demo', 0, 10_000);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 2101 }, (_, i) => i + 1));
    expect(a.seen.map((e) => e.seq)).toEqual(all.map((e) => e.seq));

    a.states.dropCache();
    expect(await a.states.get('demo')).toEqual(live);

    // At 1,500 s after t0 (the branch opened at t0) the screen held the first 1,501 events.
    const at = t0 + 1_500_000;
    const then = (await a.states.stateAt('demo', at))!;
    expect(then).toEqual(applyAll(emptyState('demo'), all.slice(0, 1501)));
    expect(Object.values(then.queues).reduce((k, q) => k + q.length, 0)).toBe(1500);
    expect(await a.states.get('nowhere')).toBeUndefined();
  }, process.env.TEST_STORE === 'postgres' ? 300_000 : 120_000); // 2,100 commands one after another: a round trip each way on PostgreSQL

  it('runs transactions started in the same tick one after the other, never one inside the other', async () => {
    const { sql } = await openStore();
    const t = (id: string) => sql.tx(async (tx) => {
      await tx.run('INSERT INTO branches (id, created_at) VALUES (?, ?)', [id, 1]);
      return id;
    });
    // Three waiting on a fourth: all wake together when it ends.
    expect(await Promise.all([t('b-one'), t('b-two'), t('b-three'), t('b-four')])).toEqual(['b-one', 'b-two', 'b-three', 'b-four']);
    expect((await sql.all<{ id: string }>('SELECT id FROM branches ORDER BY id')).map((r) => r.id)).toEqual(['b-four', 'b-one', 'b-three', 'b-two']);
  });

  it('transactions asked for together: one failing undoes only its own writes, the others commit and answer after the commit', async () => {
    const { sql } = await openStore();
    const insert = (id: string, fail = false) =>
      sql.tx(async (tx) => {
        await tx.run('INSERT INTO branches (id, created_at) VALUES (?, ?)', [id, 1]);
        await tx.run('INSERT INTO branches (id, created_at) VALUES (?, ?)', [`${id}-second`, 1]);
        if (fail) throw new Error(`refused ${id}`);
        // What an earlier one of the same turn wrote is there (it commits with this one).
        return (await tx.all<{ id: string }>('SELECT id FROM branches ORDER BY id')).length;
      });
    // The duplicate is of a row there before, so which of the four commits first does not matter
    // (on PostgreSQL they are four transactions racing; on SQLite one group).
    await sql.run('INSERT INTO branches (id, created_at) VALUES (?, ?)', ['g-zero', 1]);
    const duplicate = () => sql.tx((tx) => tx.run('INSERT INTO branches (id, created_at) VALUES (?, ?)', ['g-zero', 2]));
    const results = await Promise.allSettled([insert('g-one'), insert('g-two', true), duplicate(), insert('g-three')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('refused g-two');
    expect(sql.isUniqueViolation((results[2] as PromiseRejectedResult).reason)).toBe(true);
    expect((await sql.all<{ id: string }>('SELECT id FROM branches ORDER BY id')).map((r) => r.id)).toEqual(['g-one', 'g-one-second', 'g-three', 'g-three-second', 'g-zero']);
    // Nothing is left open: a statement outside and a new transaction run as usual.
    expect(await sql.tx(async (tx) => (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM branches'))!.n)).toBe(5);
  });

  it('refuses an append at a seq another writer already took', async () => {
    const { sql, store } = await openStore();
    const a = node(sql, store);
    await a.commands.openBranch('demo', BRANCH, { role: 'system' });
    const e = { type: 'CounterOpened', counterId: '1', branchId: 'demo', seq: 2, at: Date.now(), actor: kiosk } as BranchEvent;
    await sql.tx((tx) => store.append(tx, 'demo', 1, [e]));
    await expect(sql.tx((tx) => store.append(tx, 'demo', 1, [e]))).rejects.toBeInstanceOf(SeqConflict);
    expect((await store.readSince('demo', 0, 10)).map((x) => x.seq)).toEqual([1, 2]);
  });

  it('two nodes on one log: the one that decided on stale state catches up and decides again', async () => {
    const { sql, store } = await openStore();
    const a = node(sql, store);
    const b = node(sql, store);
    await a.commands.openBranch('demo', BRANCH, { role: 'system' });
    // Both hold the branch at seq 1.
    expect((await a.states.get('demo'))!.seq).toBe(1);
    expect((await b.states.get('demo'))!.seq).toBe(1);

    const first = await a.commands.execute(ticket());
    const second = await b.commands.execute(ticket());
    expect(first.ok && !first.replayed && first.events.map((e) => e.seq)).toEqual([2]);
    // B decided on seq 1, lost, caught up to 2, and decided again: the next number, not a twin.
    expect(second.ok && !second.replayed && second.events.map((e) => e.seq)).toEqual([3]);
    const numbers = (await store.readSince('demo', 1, 10)).map((e) => (e.type === 'TicketIssued' ? e.ticket.number : e.type));
    expect(numbers).toEqual(['A001', 'A002']);
    expect((await b.states.get('demo'))!.seq).toBe(3);
  });

  it('applies a retried key once, on another node too, and refuses the key with another request', async () => {
    const { sql, store } = await openStore();
    const a = node(sql, store);
    const b = node(sql, store);
    await a.commands.openBranch('demo', BRANCH, { role: 'system' });
    const input = ticket('same-key-123');
    const [r1, r2] = await Promise.all([a.commands.execute(input), b.commands.execute(input)]);
    expect([r1.ok && r1.replayed, r2.ok && r2.replayed].sort()).toEqual([false, true]);
    expect(r1.ok && r2.ok && r1.reply).toEqual(r2.ok && r2.reply);
    expect((await store.readSince('demo', 1, 10)).length).toBe(1);
    const reused = await a.commands.execute({ ...input, fingerprint: 'another-request' });
    expect(reused).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'idempotency_key_reused' } });
  });

  it('answers domain errors as values, not HTTP', async () => {
    const { sql, store } = await openStore();
    const a = node(sql, store);
    expect(await a.commands.execute(ticket())).toMatchObject({ ok: false, error: { kind: 'not_found', code: 'unknown_branch' } });
    await a.commands.openBranch('demo', BRANCH, { role: 'system' });
    const bad = await a.commands.execute({ ...ticket(), command: { type: 'IssueTicket', ticketId: 'tkt-000001', service: 'nope' } });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid', code: 'unknown_service', field: 'service' } });
    expect(await a.commands.execute({ ...ticket(), key: 'bad key!' })).toMatchObject({ ok: false, error: { field: 'Idempotency-Key' } });
  });
});
