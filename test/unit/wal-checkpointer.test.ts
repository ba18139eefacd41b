import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../server/store/db';
import type { WalCheckpointer } from '../../server/store/wal-checkpointer';

/**
 * The node's connection never checkpoints the WAL itself (wal_autocheckpoint = 0): a worker
 * thread does. The WAL must stay bounded while the worker runs, and when it dies SQLite's own
 * checkpoints must come back, or the WAL would grow with every command until the disk is full.
 */
const PAGE = 4096;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'bb-wal-'));
  dirs.push(dir);
  const { db, sql } = openSqlite(dir);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, blob BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (blob) VALUES (?)');
  // About `pages` WAL pages: one row of a page's size each, in one commit.
  const write = (pages: number) => db.transaction(() => {
    for (let i = 0; i < pages; i++) insert.run(Buffer.alloc(PAGE - 100, i));
  })();
  const walBytes = () => statSync(join(dir, 'branchboard.sqlite-wal')).size;
  // The checkpointer is SqliteSql's (private): the test reaches its worker to kill it.
  const checkpointer = (sql as unknown as { checkpointer: WalCheckpointer }).checkpointer;
  return { db, sql, write, walBytes, worker: () => (checkpointer as unknown as { worker: Worker }).worker };
}

describe('WAL checkpoints off the event loop', () => {
  it('the connection does not checkpoint, and the worker keeps the WAL bounded', async () => {
    const { db, sql, write, walBytes } = open();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    let largest = 0;
    // 30 commits of ~100 pages, 150 ms apart (the worker checkpoints every 500 ms): 3,000 pages written.
    for (let i = 0; i < 30; i++) {
      write(100);
      largest = Math.max(largest, walBytes());
      await new Promise((r) => setTimeout(r, 150));
    }
    // Without checkpoints the WAL would hold all 3,000 pages (12 MB); reused after each one, it holds a few commits.
    expect(largest).toBeLessThan(1000 * PAGE);
    await sql.close();
  });

  it('when the worker dies, SQLite checkpoints by itself again: the WAL stops near 1,000 pages', async () => {
    const { db, sql, write, walBytes, worker } = open();
    const exited = new Promise((r) => worker().once('exit', r));
    await worker().terminate();
    await exited;
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    let largest = 0;
    for (let i = 0; i < 40; i++) {
      write(100);
      largest = Math.max(largest, walBytes());
    }
    // 4,000 pages written with no worker: SQLite's checkpoint at 1,000 pages let the WAL start over.
    expect(largest).toBeLessThan(1300 * PAGE);
    await sql.close();
  });
});
