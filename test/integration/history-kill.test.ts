import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryMemory } from '../../core';
import { chainOver, CHAIN_START } from '../../server/history/chain';
import { SqlEventStore } from '../../server/store/event-store';
import type { Sql } from '../../server/store/sql';
import { freePort, ServerProcess } from '../support/process-server';
import { databaseUrlFor, ensureSchema, key, loginAs, openTestSql, removeDir, tempDataDir } from '../support/server';

/**
 * The read models are folded a moment after the commit, in batches, and the projector's memory
 * is written only every so many events: a node killed with SIGKILL loses what it had not folded
 * yet and the memory since it was last written. Restarted, it must say exactly what a rebuild of
 * the read models from the log alone says, and its hash chain must be the log's.
 */
let dir: string;
let node: ServerProcess;
let sql: Sql;

beforeAll(async () => {
  dir = tempDataDir();
  const url = databaseUrlFor(dir);
  if (url) await ensureSchema(url);
  node = new ServerProcess(await freePort(), dir, url ? { DATABASE_URL: url } : {});
  await node.start();
  sql = await openTestSql(dir);
}, 90_000);

afterAll(async () => {
  await node?.kill();
  await sql?.close();
  removeDir(dir);
});

const ticket = async () => expect((await request(node.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' })).status).toBe(201);
const position = async () => {
  const row = await sql.get<{ seq: number | string; chain: string; memory: string }>('SELECT seq, chain, memory FROM history_positions WHERE branch_id = ?', ['demo']);
  return { seq: Number(row!.seq), chain: row!.chain, memorySeq: (JSON.parse(row!.memory) as HistoryMemory).seq };
};
/** Everything the read models say about the demo branch, over HTTP (each asks the read models to catch up first). */
const readModels = async () => {
  const manager = await loginAs(node.url, 'manager');
  const reports = (await manager.get('/api/branches/demo/history/reports')).body;
  const audit = (await manager.get('/api/branches/demo/history/audit?limit=500')).body;
  const notices = (await manager.get('/api/branches/demo/history/notices')).body;
  const tickets = (await manager.get('/api/branches/demo/history/tickets.csv')).text;
  return { reports, audit, notices, tickets };
};

describe('read models after a SIGKILL', () => {
  it('caught up from the log on start: the same as rebuilt from nothing, the chain the log’s own', async () => {
    const teller = await loginAs(node.url, 'teller2');
    for (let i = 0; i < 12; i++) await ticket();
    for (let i = 0; i < 3; i++) {
      expect((await teller.post('/api/branches/demo/counters/1/call-next').set('Idempotency-Key', key()).send({})).status).toBe(200);
      expect((await teller.post('/api/branches/demo/counters/1/done').set('Idempotency-Key', key()).send({})).status).toBe(200);
    }
    // Until the stored memory is behind the stored position (it is written every so many events).
    for (;;) {
      await ticket();
      await readModels();
      const p = await position();
      if (p.memorySeq < p.seq) break;
    }
    // More that the node has not folded yet when it dies.
    for (let i = 0; i < 5; i++) await ticket();
    await node.kill();

    await node.start();
    const restarted = await readModels();
    expect(restarted.reports.ok).toBe(true);
    const store = new SqlEventStore(sql);
    const log = await store.readSince('demo', 0, 1_000_000);
    const afterRestart = await position();
    expect(afterRestart.seq).toBe(log.at(-1)!.seq);
    expect(afterRestart.chain).toBe(chainOver(CHAIN_START, log));

    // The same read models rebuilt from the log alone.
    await node.kill();
    for (const t of ['history_positions', 'history_notices', 'history_tickets', 'history_days', 'history_audit']) await sql.run(`DELETE FROM ${t}`);
    await node.start();
    const rebuilt = await readModels();
    expect(restarted).toEqual(rebuilt);
    expect((await position()).chain).toBe(afterRestart.chain);
  }, 240_000);
});
