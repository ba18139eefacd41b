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

  constructor(readonly db: Database.Database) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    await this.idle();
    return this.stmt(sql).all(...params) as T[];
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    await this.idle();
    return this.stmt(sql).get(...params) as T | undefined;
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    await this.idle();
    return { changes: this.stmt(sql).run(...params).changes };
  }

  async tx<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    // Wait here, not through idle(): the lock must be taken in the same tick the wait ends, or
    // two transactions that waited together would both BEGIN.
    while (this.busy) await this.busy;
    let done!: () => void;
    this.busy = new Promise<void>((r) => (done = r));
    const inside = new SqliteTx(this);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const out = await fn(inside);
      this.db.exec('COMMIT');
      return out;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    } finally {
      inside.closed = true;
      this.busy = null;
      done();
    }
  }

  isUniqueViolation(err: unknown): boolean {
    const code = (err as { code?: string }).code ?? '';
    return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
  }

  async close(): Promise<void> {
    await this.idle();
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
