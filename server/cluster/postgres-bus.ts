import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Logger } from 'pino';
import type { ClusterBus } from './bus';

/** Messages over NOTIFY's 8,000-byte payload limit wait here (the adapter's own table, PostgreSQL only). */
const ATTACHMENTS = 'socket_io_attachments';

/**
 * Socket.IO between nodes on PostgreSQL, for installations without Redis: the official
 * `@socket.io/postgres-adapter` (LISTEN/NOTIFY; payloads over 8 kB go through a table). It gets
 * a small pool of its own — one connection held for LISTEN, one for NOTIFY — so it never takes
 * the command path's connections. Its channels are named after the schema, so installations
 * (or test servers) sharing a database in different schemas do not hear each other.
 */
export async function openPostgresBus(url: string, logger: Logger): Promise<ClusterBus> {
  const pool = new pg.Pool({ connectionString: url, max: 3, application_name: 'branchboard-bus' });
  let lastError = '';
  pool.on('error', (err) => {
    if (err.message !== lastError) logger.warn({ err }, 'PostgreSQL bus connection trouble (the node keeps serving; other nodes catch up from the log)');
    lastError = err.message;
  });
  let schema: string;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Nodes starting together create the table once.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('branchboard:socket.io'))");
    await client.query(`CREATE TABLE IF NOT EXISTS ${ATTACHMENTS} (id BIGSERIAL UNIQUE, created_at TIMESTAMPTZ DEFAULT NOW(), payload BYTEA)`);
    await client.query('COMMIT');
    schema = (await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
    await pool.end();
    throw err;
  }
  client.release();
  const adapter = createAdapter(pool, {
    tableName: ATTACHMENTS,
    // A channel name is an identifier (at most 63 bytes) and takes the namespace after it.
    channelPrefix: `branchboard:${schema.slice(0, 40)}`,
    errorHandler: (err: Error) => {
      if (err.message !== lastError) logger.warn({ err }, 'PostgreSQL bus message failed (other nodes catch up from the log)');
      lastError = err.message;
    },
  });
  return {
    name: 'postgres',
    adapter,
    async check() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
