import { resolve } from 'node:path';
import { z } from 'zod';

/** Everything the server reads from its environment, validated once at start. */
export const ServerConfig = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('0.0.0.0'),
  dataDir: z.string().default('./data'),
  /** Password/PIN for the demo accounts; generated and printed once when absent. */
  demoPassword: z.string().min(6).optional(),
  /** Create the demo branch on first start with an empty data dir. */
  seedDemo: z.boolean().default(true),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when served over HTTPS (behind a proxy): cookies get the Secure flag. */
  secureCookies: z.boolean().default(false),
  /** Express "trust proxy" setting, for the real client IP behind a load balancer. */
  trustProxy: z.union([z.boolean(), z.number(), z.string()]).default(false),
  sessionHours: z.number().positive().default(12),
  /** Failed logins allowed per IP in 15 minutes. */
  loginAttempts: z.number().int().min(1).default(10),
  /** Tickets a single IP (a kiosk) may take per minute. */
  ticketsPerMinute: z.number().int().min(1).default(60),
  /** The address customers' phones reach this server at (e.g. https://queue.example-bank.it), for the lobby's QR code. */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Bearer token for /metrics; without it only private addresses may read the metrics. */
  metricsToken: z.string().min(16).optional(),
  /** Graceful shutdown: keep serving this long after /readyz turned 503, then send screens away over drainMs. */
  shutdownDelayMs: z.coerce.number().int().min(0).default(0),
  drainMs: z.coerce.number().int().min(0).default(2000),
  /** Built pages; absent in API-only tests. */
  distDir: z.string().default('dist'),
});
export type ServerConfig = z.infer<typeof ServerConfig>;
export type ServerConfigInput = z.input<typeof ServerConfig>;

const bool = (v: string | undefined) => (v === undefined ? undefined : v === '1' || v.toLowerCase() === 'true');

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return ServerConfig.parse({
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    demoPassword: env.BRANCHBOARD_DEMO_PASSWORD || undefined,
    seedDemo: bool(env.BRANCHBOARD_SEED_DEMO),
    logLevel: env.LOG_LEVEL,
    secureCookies: bool(env.SECURE_COOKIES),
    trustProxy: env.TRUST_PROXY === undefined ? undefined : (bool(env.TRUST_PROXY) ?? env.TRUST_PROXY),
    publicUrl: env.PUBLIC_URL || undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    shutdownDelayMs: env.SHUTDOWN_DELAY_MS,
    drainMs: env.DRAIN_MS,
    distDir: env.DIST_DIR ?? resolve(import.meta.dirname, '..', 'dist'),
  });
}
