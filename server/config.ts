import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Which proxies may tell us the client's address (`X-Forwarded-For`) and scheme: only named
 * addresses, subnets or Express's names for them (`loopback`, `linklocal`, `uniquelocal`).
 * `true` and hop counts are refused: with the port reachable directly, anyone could then claim
 * any address and escape every per-address limit (logins, tickets, sockets).
 */
const ProxyAddress = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !/^(true|yes|on|\*|\d+)$/i.test(s), 'name the proxy’s addresses or subnets (e.g. 10.0.0.5 or 10.0.0.0/24, or loopback), not true or a hop count');
export const TrustProxy = z.union([z.literal(false), z.array(ProxyAddress).min(1)]);
export type TrustProxy = z.infer<typeof TrustProxy>;

/** Everything the server reads from its environment, validated once at start. */
export const ServerConfig = z
  .object({
    port: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Where to listen; defaults to 127.0.0.1 behind a proxy (only the proxy should reach the port), else 0.0.0.0. */
    host: z.string().optional(),
    dataDir: z.string().default('./data'),
    /** SQLite's `synchronous`: normal (WAL: safe across process crashes) or full (also across power cuts). */
    sqliteSynchronous: z.enum(['normal', 'full']).default('normal'),
    /** Password/PIN for every demo account (tests, scripted demos); generated per account when absent. */
    demoPassword: z.string().min(6).optional(),
    /**
     * Whether to create the demo branch and accounts on first start with an empty data dir.
     * 'auto': yes, unless NODE_ENV is production.
     */
    seedDemo: z.union([z.boolean(), z.literal('auto')]).default('auto'),
    nodeEnv: z.string().optional(),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Force the Secure flag on cookies and HSTS even on requests that did not come over HTTPS (a TLS proxy not in trustProxy). */
    secureCookies: z.boolean().default(false),
    /** The proxies whose X-Forwarded-* headers are believed; false: none. */
    trustProxy: TrustProxy.default(false),
    sessionHours: z.number().positive().default(12),
    /** Failed logins allowed per address and username in 15 minutes. */
    loginAttempts: z.number().int().min(1).default(10),
    /** Failed logins allowed per address across all usernames in 15 minutes (password spraying). */
    loginAddressAttempts: z.number().int().min(1).default(30),
    /** Failed logins on one account (from addresses it never logged in from) before each next one must wait longer. */
    loginAccountFree: z.number().int().min(1).default(5),
    /** Stream sockets one client address may hold at once. */
    socketsPerAddress: z.number().int().min(1).default(100),
    /** Tickets a single IP (a kiosk) may take per minute. */
    ticketsPerMinute: z.coerce.number().int().min(1).default(60),
    /** The address customers' phones reach this server at (e.g. https://queue.example-bank.it), for the lobby's QR code. */
    publicUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Bearer token for /metrics; without it only private addresses may read the metrics. */
    metricsToken: z.string().min(16).optional(),
    /** Graceful shutdown: keep serving this long after /readyz turned 503, then send screens away over drainMs. */
    shutdownDelayMs: z.coerce.number().int().min(0).default(0),
    drainMs: z.coerce.number().int().min(0).default(2000),
    /** PostgreSQL for many nodes on one database (postgres://…); without it, SQLite in dataDir. */
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
    /** Connections this node keeps to PostgreSQL. */
    databasePoolSize: z.coerce.number().int().min(1).max(500).default(10),
    /** Redis for Socket.IO between nodes (redis://…); without it, this node broadcasts alone. */
    redisUrl: z.string().regex(/^rediss?:\/\//, 'a redis:// URL').optional(),
    /** Ed25519 private key (PEM) that signs exported replays; default: made once in the data dir. */
    signingKeyFile: z.string().optional(),
    /** Let webhooks reach loopback and link-local addresses (tests, a receiver on the same host). */
    webhooksAllowLocal: z.boolean().default(false),
    /** First webhook retry after this long, doubling per attempt (up to an hour). */
    webhookRetryMs: z.coerce.number().int().min(10).default(5_000),
    /** Built pages; absent in API-only tests. */
    distDir: z.string().default('dist'),
    /** The version screens see in the heartbeat (they reload when it changes); default: package version + build hash. */
    appVersion: z.string().trim().min(1).max(64).optional(),
  })
  .transform((c) => ({ ...c, host: c.host ?? (c.trustProxy ? '127.0.0.1' : '0.0.0.0') }));
export type ServerConfig = z.output<typeof ServerConfig>;
export type ServerConfigInput = z.input<typeof ServerConfig>;

const bool = (v: string | undefined) => (v === undefined || v === '' ? undefined : v === '1' || v.toLowerCase() === 'true');

/** TRUST_PROXY: a comma-separated list of addresses/subnets; unset, empty or "false" for none. */
function trustProxyFromEnv(v: string | undefined): unknown {
  if (v === undefined || v.trim() === '' || v.trim().toLowerCase() === 'false') return undefined;
  return v.split(',').map((s) => s.trim());
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const r = ServerConfig.safeParse({
    port: env.PORT,
    host: env.HOST || undefined,
    dataDir: env.DATA_DIR,
    sqliteSynchronous: env.SQLITE_SYNCHRONOUS?.toLowerCase() || undefined,
    demoPassword: env.BRANCHBOARD_DEMO_PASSWORD || undefined,
    seedDemo: env.BRANCHBOARD_SEED_DEMO === 'auto' ? 'auto' : bool(env.BRANCHBOARD_SEED_DEMO),
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    secureCookies: bool(env.SECURE_COOKIES),
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
    publicUrl: env.PUBLIC_URL || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    shutdownDelayMs: env.SHUTDOWN_DELAY_MS,
    drainMs: env.DRAIN_MS,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: env.DATABASE_POOL_SIZE || undefined,
    redisUrl: env.REDIS_URL || undefined,
    ticketsPerMinute: env.TICKETS_PER_MINUTE || undefined,
    signingKeyFile: env.BRANCHBOARD_SIGNING_KEY_FILE || undefined,
    webhooksAllowLocal: bool(env.BRANCHBOARD_WEBHOOKS_ALLOW_LOCAL),
    webhookRetryMs: env.BRANCHBOARD_WEBHOOK_RETRY_MS,
    distDir: env.DIST_DIR ?? resolve(import.meta.dirname, '..', 'dist'),
    appVersion: env.BRANCHBOARD_VERSION || undefined,
  });
  if (r.success) return r.data;
  const names: Record<string, string> = {
    port: 'PORT', host: 'HOST', dataDir: 'DATA_DIR', sqliteSynchronous: 'SQLITE_SYNCHRONOUS', demoPassword: 'BRANCHBOARD_DEMO_PASSWORD', seedDemo: 'BRANCHBOARD_SEED_DEMO',
    logLevel: 'LOG_LEVEL', secureCookies: 'SECURE_COOKIES', trustProxy: 'TRUST_PROXY', publicUrl: 'PUBLIC_URL',
    metricsToken: 'METRICS_TOKEN', shutdownDelayMs: 'SHUTDOWN_DELAY_MS', drainMs: 'DRAIN_MS',
    databaseUrl: 'DATABASE_URL', databasePoolSize: 'DATABASE_POOL_SIZE', redisUrl: 'REDIS_URL', ticketsPerMinute: 'TICKETS_PER_MINUTE', appVersion: 'BRANCHBOARD_VERSION',
    signingKeyFile: 'BRANCHBOARD_SIGNING_KEY_FILE', webhooksAllowLocal: 'BRANCHBOARD_WEBHOOKS_ALLOW_LOCAL', webhookRetryMs: 'BRANCHBOARD_WEBHOOK_RETRY_MS',
  };
  const issue = r.error.issues[0]!;
  const name = names[String(issue.path[0])] ?? String(issue.path[0]);
  throw new Error(`${name}: ${issue.message}`);
}
