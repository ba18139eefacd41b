import pg from 'pg';
import { UnstorableText, type Sql } from './sql';

/**
 * PostgreSQL behind the same `Sql` interface as SQLite, for many nodes on one database
 * (`DATABASE_URL=postgres://…`). `?` placeholders become `$1, $2, …`; BIGINT and COUNT/SUM come
 * back as JS numbers (epoch ms and seqs stay far below 2^53), as SQLite gives them.
 */

const INT8 = 20;
const NUMERIC = 1700;
const asNumber = (v: string | null) => (v === null ? null : Number(v));

/** Parsers for this pool only: the process-wide defaults of `pg` stay as they are. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return asNumber;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const converted = new Map<string, string>();
/** `?` → `$n`, outside quoted strings, identifiers and `--` comments; cached per statement text. */
export function toPositional(sql: string): string {
  let out = converted.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  let quote: string | null = null;
  out = '';
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += `$${++n}`;
    } else out += ch;
  }
  if (converted.size < 10_000) converted.set(sql, out);
  return out;
}

type Queryable = pg.Pool | pg.PoolClient;

/** SQLSTATE of "invalid byte sequence for encoding UTF8: 0x00": a NUL in a text parameter. */
const NUL_IN_TEXT = '22021';

async function query<T>(on: Queryable, sql: string, params: readonly unknown[]): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
  try {
    return await on.query<T & pg.QueryResultRow>({ text: toPositional(sql), values: params as unknown[] });
  } catch (err) {
    if ((err as { code?: string }).code === NUL_IN_TEXT) throw new UnstorableText();
    throw err;
  }
}

export class PostgresSql implements Sql {
  readonly dialect = 'postgres' as const;
  readonly pool: pg.Pool;
  /** The schema version this node found before migrating (0: it created the database). */
  migratedFrom = -1;

  constructor(url: string, opts: { max?: number; applicationName?: string } = {}) {
    this.pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types, application_name: opts.applicationName ?? 'branchboard' });
    // An idle connection the server dropped (restart, failover) must not crash the node: the pool replaces it.
    this.pool.on('error', () => {});
    // The pool listens for errors only on idle connections: one that fails while checked out
    // (the server restarted mid-transaction) would throw from an unheard 'error' event and end
    // the process. The query in flight fails on its own; the pool drops the broken connection.
    this.pool.on('connect', (client) => client.on('error', () => {}));
  }

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await query<T>(this.pool, sql, params)).rows;
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await query<T>(this.pool, sql, params)).rows[0];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: (await query(this.pool, sql, params)).rowCount ?? 0 };
  }

  async tx<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const inside = new PostgresTx(client, this);
    let broken = false;
    try {
      await client.query('BEGIN');
      const out = await fn(inside);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true; // the connection itself failed: don't hand it out again
      }
      throw e;
    } finally {
      inside.closed = true;
      client.release(broken);
    }
  }

  isUniqueViolation(err: unknown): boolean {
    return (err as { code?: string }).code === '23505';
  }

  /** Runs several statements in one round trip (DDL of a migration); no parameters. */
  async script(text: string, on: Queryable = this.pool): Promise<void> {
    await on.query(text);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** One transaction's connection; statements go straight to it. */
class PostgresTx implements Sql {
  readonly dialect = 'postgres' as const;
  closed = false;

  constructor(
    readonly client: pg.PoolClient,
    private readonly outer: PostgresSql,
  ) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await query<T>(this.live(), sql, params)).rows;
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await query<T>(this.live(), sql, params)).rows[0];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: (await query(this.live(), sql, params)).rowCount ?? 0 };
  }

  tx<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return fn(this);
  }

  isUniqueViolation(err: unknown): boolean {
    return this.outer.isUniqueViolation(err);
  }

  close(): Promise<void> {
    throw new Error('close the database, not a transaction');
  }

  private live(): pg.PoolClient {
    if (this.closed) throw new Error('this transaction has ended');
    return this.client;
  }
}

/**
 * The schema steps written for SQLite, as PostgreSQL runs them: SQLite's INTEGER is 64-bit,
 * PostgreSQL's is 32-bit (epoch ms would overflow), so INTEGER becomes BIGINT; `WITHOUT ROWID`
 * is SQLite's storage hint and goes. Everything else in a step must already be portable.
 */
export function postgresDdl(step: string): string {
  return step.replace(/\bWITHOUT\s+ROWID\b/gi, '').replace(/\bINTEGER\b/g, 'BIGINT');
}

/**
 * Applies the steps not yet applied, each in its own transaction, under an advisory lock so that
 * nodes starting together migrate once. `schema_version` plays SQLite's `user_version`.
 */
export async function migratePostgres(sql: PostgresSql, steps: readonly string[]): Promise<void> {
  const client = await sql.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(872301)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)');
    await client.query('INSERT INTO schema_version (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version)');
    const { rows } = await client.query<{ version: string }>('SELECT version FROM schema_version');
    sql.migratedFrom = Number(rows[0]!.version);
    for (let v = sql.migratedFrom; v < steps.length; v++) {
      await client.query('BEGIN');
      try {
        await client.query(postgresDdl(steps[v]!));
        await client.query('UPDATE schema_version SET version = $1', [v + 1]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`PostgreSQL migration step ${v + 1} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(872301)').catch(() => {});
    client.release();
  }
}

export async function openPostgres(url: string, steps: readonly string[], opts: { max?: number } = {}): Promise<PostgresSql> {
  const sql = new PostgresSql(url, opts);
  await migratePostgres(sql, steps);
  return sql;
}
