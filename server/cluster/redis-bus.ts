import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { ClusterBus } from './bus';

/**
 * Socket.IO between nodes on Redis (`REDIS_URL`), with the Redis Streams adapter: what one node
 * broadcasts reaches the sockets of every node, and serverSideEmit reaches the other nodes. Redis
 * is never the truth: a node that misses a message catches up from the log (see ClusterLink).
 */
export async function openRedisBus(url: string, logger: Logger): Promise<ClusterBus> {
  // Reconnects on its own with a capped backoff; commands wait meanwhile instead of failing.
  const client = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) } });
  let lastError = '';
  client.on('error', (err: Error) => {
    if (err.message !== lastError) logger.warn({ err }, 'Redis connection trouble (the node keeps serving; other nodes catch up from the log)');
    lastError = err.message;
  });
  client.on('ready', () => {
    if (lastError) logger.info('Redis connection back');
    lastError = '';
  });
  await client.connect();
  return {
    name: 'redis',
    adapter: createAdapter(client, { streamName: 'branchboard', maxLen: 10_000 }),
    async check() {
      if (!client.isReady) throw new Error('not connected to Redis');
      await client.ping();
    },
    async close() {
      client.destroy();
    },
  };
}
