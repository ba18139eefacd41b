import type Database from 'better-sqlite3';

/**
 * The one way the server talks to its database, whatever the engine: async, `?` placeholders,
 * portable SQL (no `INSERT OR REPLACE`; `ON CONFLICT … DO`; BIGINT for epoch ms; TEXT for JSON).
 * SQLite is the embedded default; PostgreSQL implements the same interface for many nodes.
 */
export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
  /** Runs `fn` in one transaction; inside it use only the `tx` it is given. Rolls back if it throws. */
  tx<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Whether an error is a unique/primary-key violation (an optimistic append lost a race). */
  isUniqueViolation(err: unknown): boolean;
  close(): Promise<void>;
}

/** A transaction waiting for its group. */
interface Job {
  fn: (tx: Sql) => Promise<unknown>;
  ok: (v: unknown) => void;
  fail: (e: unknown) => void;
}

/** Transactions in one group at most: outside reads wait while a group is open, so it stays short. */
const MAX_GROUP = 64;
/** How long a statement or a group retries while another connection (the history thread) holds the write lock. */
const BUSY_FOR_MS = 10_000;

/** Another connection holds the write lock (this one does not wait for it inside SQLite: see openSqlite). */
const isBusy = (err: unknown) => String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');
const pause = () => new Promise<void>((r) => setTimeout(r, 1));

/**
 * Text the engine cannot store: PostgreSQL refuses the NUL character in any text value (SQLite
 * keeps it). Bad input, never a server fault: the HTTP layer answers 400.
 */
export class UnstorableText extends Error {
  constructor() {
    super('text may not contain the NUL character (\\u0000)');
  }
}

/**
 * Whether an error is the database failing (a SQLite error, a PostgreSQL error or a lost
 * connection to it) rather than a fault in the request: the HTTP layer answers 503 and the
 * client retries with the same Idempotency-Key; nothing acknowledged is lost.
 */
export function isStoreFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'SqliteError') return true;
  const code = (err as { code?: unknown }).code;
  // pg's DatabaseError: a SQLSTATE code and a severity.
  if (typeof (err as { severity?: unknown }).severity === 'string' && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return true;
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) && /postgres|pg|database/i.test(err.stack ?? '');
}

/**
 * SQLite through better-sqlite3 on one connection. Statements run synchronously; while a
 * transaction is open (it may await between its statements), statements from outside it wait
 * for it to end, so they are never swept into it.
 */
export class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  /** Settles when the open transaction ends; null when none is open. */
  private busy: Promise<void> | null = null;
  /** Transactions asked for and not yet run; `draining` while a group is formed or running. */
  private readonly waiting: Job[] = [];
  private draining = false;
  /** When BEGIN first found another connection writing (0: it did not). */
  private busySince = 0;

  constructor(
    readonly db: Database.Database,
    private readonly checkpointer?: { stop(): Promise<void> },
  ) {}

  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.outside(() => this.stmt(sql).all(...params) as T[]);
  }

  get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.outside(() => this.stmt(sql).get(...params) as T | undefined);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return this.outside(() => ({ changes: this.stmt(sql).run(...params).changes }));
  }

  /** A statement outside any transaction: after the open one, again a moment later while another connection writes. */
  private async outside<T>(fn: () => T): Promise<T> {
    const since = Date.now();
    for (;;) {
      await this.idle();
      try {
        return fn();
      } catch (e) {
        if (!isBusy(e) || Date.now() - since > BUSY_FOR_MS) throw e;
      }
      await pause();
    }
  }

  /**
   * Group commit: transactions asked for in the same turn of the event loop (concurrent commands
   * of many branches) run one after another inside ONE SQLite transaction, each in a savepoint
   * of its own, and all of them are answered after its single COMMIT. A body that throws rolls
   * back its own savepoint only; the others still commit. Nobody hears "done" before the COMMIT,
   * so an acknowledged write is as durable as before; what is saved is a COMMIT (and its WAL
   * write) per transaction.
   */
  tx<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return new Promise<T>((ok, fail) => {
      this.waiting.push({ fn: fn as (tx: Sql) => Promise<unknown>, ok: ok as (v: unknown) => void, fail });
      if (!this.draining) {
        this.draining = true;
        // After the I/O phase: every request read in it joins this group.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    // Wait here, not through idle(): the lock must be taken in the same tick the wait ends.
    while (this.busy) await this.busy;
    {
      let done!: () => void;
      this.busy = new Promise<void>((r) => (done = r));
      const settled: { job: Job; ok: boolean; value: unknown }[] = [];
      let lost: unknown = null;
      let current: Job | undefined;
      try {
        this.step('BEGIN IMMEDIATE');
        this.busySince = 0;
      } catch (e) {
        // Another connection (the history thread) is writing: try again in a moment, the event
        // loop free meanwhile (SQLite's own wait would hold it).
        if (isBusy(e) && Date.now() - (this.busySince ||= Date.now()) < BUSY_FOR_MS) {
          this.busy = null;
          done();
          setTimeout(() => void this.drain(), 1);
          return;
        }
        this.busySince = 0;
        // Could not even begin (the database is locked by another process past busy_timeout):
        // everyone waiting hears it, as each would have from its own BEGIN.
        this.busy = null;
        done();
        for (const job of this.waiting.splice(0)) job.fail(e);
        this.draining = false;
        return;
      }
      try {
        for (let n = 0; n < MAX_GROUP && this.waiting.length; n++) {
          const job = (current = this.waiting.shift()!);
          const inside = new SqliteTx(this);
          this.step('SAVEPOINT member');
          try {
            const value = await job.fn(inside);
            this.step('RELEASE member');
            settled.push({ job, ok: true, value });
          } catch (e) {
            // An error SQLite answers by rolling the whole transaction back takes the group with it.
            if (!this.db.inTransaction) {
              lost = e;
              settled.push({ job, ok: false, value: e });
              break;
            }
            this.step('ROLLBACK TO member');
            this.step('RELEASE member');
            settled.push({ job, ok: false, value: e });
          } finally {
            inside.closed = true;
          }
          current = undefined;
        }
        if (!lost) this.step('COMMIT');
      } catch (e) {
        lost = e;
        // A savepoint statement itself failed: the job it was for hears it too.
        if (current) settled.push({ job: current, ok: false, value: e });
      }
      if (lost && this.db.inTransaction) {
        try {
          this.step('ROLLBACK');
        } catch {
          /* the connection rolled back by itself */
        }
      }
      this.busy = null;
      done();
      for (const { job, ok, value } of settled) {
        if (lost) job.fail(ok ? lost : value);
        else if (ok) job.ok(value);
        else job.fail(value);
      }
    }
    // The next group after a turn of the loop: statements waiting outside run first, and what they
    // lead to (a command's append after its key lookup) joins it.
    if (this.waiting.length) setImmediate(() => void this.drain());
    else this.draining = false;
  }

  /** BEGIN, COMMIT and savepoints, prepared once (exec would parse them every time). */
  private step(sql: string): void {
    this.stmt(sql).run();
  }

  isUniqueViolation(err: unknown): boolean {
    const code = (err as { code?: string }).code ?? '';
    return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
  }

  async close(): Promise<void> {
    // Transactions asked for before closing still run.
    while (this.draining || this.busy) await new Promise((r) => setImmediate(r));
    await this.checkpointer?.stop();
    this.db.close();
  }

  /** A prepared statement, prepared once per text. */
  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private async idle(): Promise<void> {
    while (this.busy) await this.busy;
  }
}

/** The handle a transaction's body uses: straight to the connection, no waiting on itself. */
class SqliteTx implements Sql {
  readonly dialect = 'sqlite' as const;
  closed = false;

  constructor(private readonly outer: SqliteSql) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.live().stmt(sql).all(...params) as T[];
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.live().stmt(sql).get(...params) as T | undefined;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: this.live().stmt(sql).run(...params).changes };
  }

  /** Nested: already inside one. */
  tx<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return fn(this);
  }

  isUniqueViolation(err: unknown): boolean {
    return this.outer.isUniqueViolation(err);
  }

  close(): Promise<void> {
    throw new Error('close the database, not a transaction');
  }

  private live(): SqliteSql {
    if (this.closed) throw new Error('this transaction has ended');
    return this.outer;
  }
}
