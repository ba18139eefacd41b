import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createClient } from 'redis';
import { missingPostgres, missingRedis, startPostgres, startRedis, type Postgres, type Redis } from '../support/engines';

// The throwaway engines every multi-node test stands on: a real cluster and a real redis-server.
const missing = missingPostgres() ?? missingRedis();
if (missing) console.warn(`skipping the engine tests: ${missing}`);

describe.skipIf(missing)('throwaway engines', () => {
  let postgres: Postgres;
  let redis: Redis;
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  });
  afterAll(async () => {
    await Promise.all([postgres?.stop(), redis?.stop()]);
  });

  it('PostgreSQL takes connections on its URL and makes fresh databases', async () => {
    const url = await postgres.createDatabase('engines_test');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ db: string; n: string }>('SELECT current_database() AS db, 1::bigint + 1 AS n');
      expect(rows[0]).toEqual({ db: 'engines_test', n: '2' });
    } finally {
      await client.end();
    }
  });

  it('redis-server answers on its URL and comes back after a crash', async () => {
    const client = createClient({ url: redis.url });
    await client.connect();
    await client.set('k', 'v');
    expect(await client.get('k')).toBe('v');
    client.destroy();
    await redis.kill();
    await expect(fetchPing(redis.url)).rejects.toThrow();
    await redis.restart();
    expect(await fetchPing(redis.url)).toBe('PONG');
  });
});

async function fetchPing(url: string): Promise<string> {
  const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 1000 } });
  client.on('error', () => {});
  await client.connect();
  try {
    return await client.ping();
  } finally {
    client.destroy();
  }
}
