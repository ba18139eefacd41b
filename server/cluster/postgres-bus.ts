import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Logger } from 'pino';
import type { ClusterBus } from './bus';

/** Messages over NOTIFY's 8,000-byte payload limit wait here (the adapter's own table, PostgreSQL only). */
const ATTACHMENTS = 'socket_io_attachments';

/**
 * Socket.IO between nodes on PostgreSQL, for installations without Redis: the official
 * `@socket.io/postgres-adapter` (LISTEN/NOTIFY; payloads over 8 kB go through a table). It gets
 * a small pool of its own — one connection held for LISTEN, the others for NOTIFY — so it never
 * takes the command path's connections. Its channels are named after the schema, so
 * installations (or test servers) sharing a database in different schemas do not hear each other.
 */
export async function openPostgresBus(url: string, logger: Logger): Promise<ClusterBus> {
  const pool = new pg.Pool({ connectionString: url, max: 3, application_name: 'branchboard-bus' });
  let lastError = '';
  const trouble = (err: Error, what: string) => {
    if (err.message !== lastError) logger.warn({ err }, `PostgreSQL bus: ${what} (the node keeps serving; other nodes catch up from the log)`);
    lastError = err.message;
  };
  pool.on('error', (err) => trouble(err, 'connection trouble'));
  // The pool hears errors only on idle connections: one failing while held (the LISTEN one)
  // would throw from an unheard 'error' event and end the process.
  pool.on('connect', (c) => c.on('error', (err: Error) => trouble(err, 'connection lost')));

  let schema: string;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Nodes starting together create the table once.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('branchboard:socket.io'))");
    await client.query(`CREATE TABLE IF NOT EXISTS ${ATTACHMENTS} (id BIGSERIAL UNIQUE, created_at TIMESTAMPTZ DEFAULT NOW(), payload BYTEA)`);
    await client.query('COMMIT');
    schema = (await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    client.release();
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
    await pool.end();
    throw err;
  }

  // What the adapter gets of the pool (it uses connect and query only): its LISTEN connection
  // gives itself back when it ends, since the adapter only opens a new one, and a pool that
  // lost three would have none left.
  let listening: pg.PoolClient | undefined;
  let firstListen!: () => void;
  const listenedOnce = new Promise<void>((ok) => (firstListen = ok));
  const forAdapter = {
    query: pool.query.bind(pool),
    async connect(): Promise<pg.PoolClient> {
      const c = await pool.connect();
      const release = c.release.bind(c);
      let released = false;
      c.release = (err?: Error | boolean) => {
        if (released) return;
        released = true;
        if (listening === c) listening = undefined;
        release(err);
      };
      c.on('end', () => c.release(true));
      listening = c;
      firstListen();
      return c;
    },
  } as unknown as pg.Pool;
  const adapter = createAdapter(forAdapter, {
    tableName: ATTACHMENTS,
    // A channel name is an identifier (at most 63 bytes) and takes the namespace after it.
    channelPrefix: `branchboard:${schema.slice(0, 40)}`,
    errorHandler: (err: Error) => trouble(err, 'a message failed'),
  });
  // Ready once it listens; a database slow to hand out a connection does not hold the start
  // forever (the adapter keeps trying, and /readyz says so meanwhile).
  await Promise.race([listenedOnce, new Promise((r) => setTimeout(r, 5_000).unref())]);
  return {
    name: 'postgres',
    adapter,
    async check() {
      if (!listening) throw new Error('not listening on PostgreSQL (reconnecting)');
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
