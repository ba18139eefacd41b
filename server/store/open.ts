import type { Synchronous } from './db';
import { resolve } from 'node:path';
import { MIGRATIONS, openSqlite, type Db } from './db';
import { openPostgres } from './postgres';
import type { Sql } from './sql';

export interface Stores {
  /** Where the event log and everything on the `Sql` interface live: PostgreSQL when configured, else SQLite. */
  sql: Sql;
  /** The node's own SQLite connection, for stores not yet on `Sql`. */
  db: Db;
  close(): Promise<void>;
}

/** One node's databases: SQLite in the data dir always; PostgreSQL for the shared log when `databaseUrl` is set. */
export async function openStores(config: { dataDir: string; databaseUrl?: string; databasePoolSize: number; sqliteSynchronous?: Synchronous }): Promise<Stores> {
  const local = openSqlite(resolve(config.dataDir), config.sqliteSynchronous);
  if (!config.databaseUrl) return { sql: local.sql, db: local.db, close: () => local.sql.close() };
  let pg;
  try {
    pg = await openPostgres(config.databaseUrl, MIGRATIONS, { max: config.databasePoolSize });
  } catch (err) {
    await local.sql.close();
    throw err;
  }
  return {
    sql: pg,
    db: local.db,
    async close() {
      await pg.close();
      await local.sql.close();
    },
  };
}
