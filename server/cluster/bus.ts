import type { ServerOptions } from 'socket.io';

/**
 * Socket.IO between the nodes of one installation: the adapter that carries room broadcasts and
 * serverSideEmit (ClusterLink's commits) to every node. On Redis when `REDIS_URL` is set
 * (redis-bus.ts), else on PostgreSQL's LISTEN/NOTIFY when `DATABASE_URL` is (postgres-bus.ts),
 * else none: one node alone. Never the truth: a node that misses a message catches up from the log.
 */
export interface ClusterBus {
  /** Which engine carries it, for /readyz and the log. */
  readonly name: 'redis' | 'postgres';
  adapter: NonNullable<ServerOptions['adapter']>;
  /** For /readyz. */
  check(): Promise<void>;
  close(): Promise<void>;
}
