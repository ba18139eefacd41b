import { missingPostgres, startPostgres, type Postgres } from './engines';

/**
 * Vitest global setup of the PostgreSQL project: one throwaway cluster for the whole run; each
 * test server gets a schema of its own on it (see storeFor in server.ts).
 */
let pg: Postgres | undefined;

export async function setup(): Promise<void> {
  const missing = missingPostgres();
  if (missing) {
    if (process.env.CI) throw new Error(`TEST_STORE=postgres needs PostgreSQL: ${missing}`);
    console.warn(`\n  PostgreSQL tests run on SQLite instead: ${missing}\n`);
    return;
  }
  pg = await startPostgres({ maxConnections: 400 });
  process.env.TEST_PG_URL = pg.url;
}

export async function teardown(): Promise<void> {
  await pg?.stop();
}
