import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MIGRATIONS, openSqlite, type Synchronous } from './db';
import { openPostgres } from './postgres';
import type { Sql } from './sql';

export interface Stores {
  /** Where everything persistent lives: PostgreSQL when configured (shared by every node), else SQLite in the data dir. */
  sql: Sql;
  /** Whether this start created the database (the demo is seeded only then, in `auto` mode). */
  fresh: boolean;
  close(): Promise<void>;
}

/** One node's database: SQLite in the data dir, or PostgreSQL (and no SQLite at all) when `databaseUrl` is set. */
export async function openStores(config: { dataDir: string; databaseUrl?: string; databasePoolSize: number; sqliteSynchronous?: Synchronous }): Promise<Stores> {
  if (config.databaseUrl) {
    mkdirSync(resolve(config.dataDir), { recursive: true, mode: 0o700 }); // still home to local files (signing key, demo accounts)
    const pg = await openPostgres(config.databaseUrl, MIGRATIONS, { max: config.databasePoolSize });
    return { sql: pg, fresh: pg.migratedFrom === 0, close: () => pg.close() };
  }
  const dir = resolve(config.dataDir);
  const fresh = !existsSync(join(dir, 'branchboard.sqlite'));
  const local = openSqlite(dir, config.sqliteSynchronous);
  return { sql: local.sql, fresh, close: () => local.sql.close() };
}
