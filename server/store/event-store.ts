import type { BranchEvent, BranchState } from '../../core';
import type { Sql } from './sql';

/** Another writer appended at the seq this decision was made on: catch up and decide again. */
export class SeqConflict extends Error {
  constructor(readonly branchId: string, readonly expectedSeq: number) {
    super(`branch ${branchId} moved past seq ${expectedSeq}`);
  }
}

/**
 * The per-branch event log: the single source of truth, the audit trail and the history.
 * Appends are optimistic: they carry the seq the decision was made on, and (branch, seq) is
 * unique, so of two writers deciding on the same state exactly one wins.
 */
export interface EventStore {
  branchExists(branchId: string): Promise<boolean>;
  /** Every branch, oldest first. */
  branchIds(): Promise<string[]>;
  createBranch(tx: Sql, branchId: string, at: number): Promise<void>;
  /**
   * Appends events that follow `expectedSeq` (their seqs must be expectedSeq+1, +2, …) inside
   * the caller's transaction; throws SeqConflict when another writer got there first.
   * `snapshot` is stored beside them when given (the state after the last of them). With
   * `lock`, the branch's writer lock (see lockBranch) is taken first, in the same round trip as
   * the first event's insert where the engine has one.
   */
  append(tx: Sql, branchId: string, expectedSeq: number, events: readonly BranchEvent[], snapshot?: BranchState, lock?: boolean): Promise<void>;
  /** Events after `seq`, oldest first, at most `limit` (read through `db` when given: a transaction). */
  readSince(branchId: string, seq: number, limit: number, db?: Sql): Promise<BranchEvent[]>;
  /**
   * Makes the rest of transaction `tx` the branch's only writer, until it ends, where the engine
   * can (PostgreSQL: an advisory lock per branch); false where it can't or needn't (SQLite has one
   * writer). After a lost race, a node decides again under it, so two nodes writing one branch
   * without pause cannot starve each other.
   */
  lockBranch(tx: Sql, branchId: string): Promise<boolean>;
  /** Events after `seq` up to the first one later than `at` (the log as it stood at `at`), oldest first. */
  readUntil(branchId: string, seq: number, at: number): Promise<BranchEvent[]>;
  latestSnapshot(branchId: string): Promise<BranchState | undefined>;
  /** The newest snapshot taken at or before time `at`. */
  snapshotAtOrBefore(branchId: string, at: number): Promise<BranchState | undefined>;
}

interface EventRow {
  branch_id: string;
  seq: number | string;
  at: number | string;
  actor: string;
  payload: string;
}

/** The event store on any `Sql` engine: the SQL below is portable (SQLite and PostgreSQL). */
export class SqlEventStore implements EventStore {
  constructor(private readonly sql: Sql) {}

  async branchExists(branchId: string): Promise<boolean> {
    return (await this.sql.get('SELECT 1 AS x FROM branches WHERE id = ?', [branchId])) !== undefined;
  }

  async branchIds(): Promise<string[]> {
    return (await this.sql.all<{ id: string }>('SELECT id FROM branches ORDER BY created_at, id')).map((r) => r.id);
  }

  async createBranch(tx: Sql, branchId: string, at: number): Promise<void> {
    await tx.run('INSERT INTO branches (id, created_at) VALUES (?, ?)', [branchId, at]);
  }

  async append(tx: Sql, branchId: string, expectedSeq: number, events: readonly BranchEvent[], snapshot?: BranchState, lock = false): Promise<void> {
    let seq = expectedSeq;
    // PostgreSQL: the advisory lock and the first insert in one statement (one round trip fewer a
    // command); the insert's row comes from the lock's, so the lock is held before it is written.
    let lockFirst = lock && tx.dialect === 'postgres';
    if (lock && !events.length) await this.lockBranch(tx, branchId);
    for (const e of events) {
      if (e.seq !== ++seq || e.branchId !== branchId) throw new Error(`event ${e.seq} of ${e.branchId} does not follow ${seq - 1} of ${branchId}`);
      const { branchId: _b, seq: _s, at, actor, ...payload } = e;
      const insert = lockFirst
        ? `WITH held AS (SELECT pg_advisory_xact_lock(hashtext('branch:' || ?)))
           INSERT INTO events (branch_id, seq, at, type, actor, payload) SELECT ?, CAST(? AS BIGINT), CAST(? AS BIGINT), ?, ?, ? FROM held`
        : 'INSERT INTO events (branch_id, seq, at, type, actor, payload) VALUES (?, ?, ?, ?, ?, ?)';
      const params = [branchId, e.seq, at, e.type, JSON.stringify(actor), JSON.stringify(payload)];
      try {
        await tx.run(insert, lockFirst ? [branchId, ...params] : params);
        lockFirst = false;
      } catch (err) {
        if (tx.isUniqueViolation(err)) throw new SeqConflict(branchId, expectedSeq);
        throw err;
      }
    }
    if (snapshot) {
      await tx.run(
        'INSERT INTO snapshots (branch_id, seq, state) VALUES (?, ?, ?) ON CONFLICT (branch_id, seq) DO UPDATE SET state = excluded.state',
        [branchId, snapshot.seq, JSON.stringify(snapshot)],
      );
    }
  }

  async lockBranch(tx: Sql, branchId: string): Promise<boolean> {
    if (tx.dialect !== 'postgres') return false;
    await tx.get("SELECT pg_advisory_xact_lock(hashtext('branch:' || ?)) AS locked", [branchId]);
    return true;
  }

  async readSince(branchId: string, seq: number, limit: number, db: Sql = this.sql): Promise<BranchEvent[]> {
    const rows = await db.all<EventRow>('SELECT * FROM events WHERE branch_id = ? AND seq > ? ORDER BY seq LIMIT ?', [branchId, seq, limit]);
    return rows.map(toEvent);
  }

  /**
   * The events after `seq` appended up to time `at`: the log's prefix a screen had seen then. Read
   * in batches from `seq` on and stopped at the first later event, never scanning to the log's end.
   */
  async readUntil(branchId: string, seq: number, at: number): Promise<BranchEvent[]> {
    const out: BranchEvent[] = [];
    for (let from = seq; ; ) {
      const batch = await this.readSince(branchId, from, UNTIL_BATCH);
      for (const e of batch) {
        if (e.at > at) return out;
        out.push(e);
      }
      if (batch.length < UNTIL_BATCH) return out;
      from = batch[batch.length - 1]!.seq;
    }
  }

  async latestSnapshot(branchId: string): Promise<BranchState | undefined> {
    const row = await this.sql.get<{ state: string }>('SELECT state FROM snapshots WHERE branch_id = ? ORDER BY seq DESC LIMIT 1', [branchId]);
    return row ? (JSON.parse(row.state) as BranchState) : undefined;
  }

  async snapshotAtOrBefore(branchId: string, at: number): Promise<BranchState | undefined> {
    const row = await this.sql.get<{ state: string }>(
      // CROSS JOIN: SQLite walks the snapshots newest first and stops at the first one early enough;
      // with a plain JOIN it chose the events' time index and read every event before `at` (4 s on a year).
      `SELECT s.state FROM snapshots s CROSS JOIN events e
       WHERE e.branch_id = s.branch_id AND e.seq = s.seq AND s.branch_id = ? AND e.at <= ? ORDER BY s.seq DESC LIMIT 1`,
      [branchId, at],
    );
    return row ? (JSON.parse(row.state) as BranchState) : undefined;
  }
}

/** Events read per query by readUntil: a snapshot is taken every 1,000, so one batch mostly does. */
const UNTIL_BATCH = 1_100;

function toEvent(r: EventRow): BranchEvent {
  return { ...JSON.parse(r.payload), branchId: r.branch_id, seq: Number(r.seq), at: Number(r.at), actor: JSON.parse(r.actor) } as BranchEvent;
}
