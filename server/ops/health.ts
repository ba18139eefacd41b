import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { Router, type Request } from 'express';
import type { Metrics } from './metrics';

/** One dependency a node needs to serve: the store, the broadcast bus. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface OpsOptions {
  checks: ReadinessCheck[];
  /** True once shutdown began: the load balancer must stop sending new work here. */
  draining(): boolean;
  metrics: Metrics;
  /** When set, /metrics wants `Authorization: Bearer <token>`; otherwise only private addresses may read it. */
  metricsToken?: string;
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * What an operations team polls on every node: /healthz (the process answers: restart it when it
 * doesn't), /readyz (it can serve: route traffic to it while it says so) and /metrics (Prometheus).
 */
export function opsRoutes(opts: OpsOptions): Router {
  const router = Router();

  // Liveness says nothing about the database: a database outage must not make every node restart.
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true, time: Date.now() });
  });

  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    if (opts.draining()) checks.shutdown = 'draining';
    await Promise.all(
      opts.checks.map(async (c) => {
        try {
          await withTimeout(c.check(), CHECK_TIMEOUT_MS);
          checks[c.name] = 'ok';
        } catch (err) {
          checks[c.name] = (err as Error).message || 'failed';
        }
      }),
    );
    const ready = Object.values(checks).every((v) => v === 'ok');
    res.status(ready ? 200 : 503).json({ ok: ready, checks });
  });

  router.get('/metrics', async (req, res) => {
    if (!metricsAllowed(req, opts.metricsToken)) {
      res.status(403).json({ ok: false, error: { code: 'forbidden', message: 'metrics are for the operators: send the METRICS_TOKEN as a bearer token' } });
      return;
    }
    const { contentType, body } = await opts.metrics.text();
    res.type(contentType).send(body);
  });

  return router;
}

function metricsAllowed(req: Request, token: string | undefined): boolean {
  if (token) {
    const sent = Buffer.from(req.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
    const want = Buffer.from(token);
    return sent.length === want.length && timingSafeEqual(sent, want);
  }
  // The peer's own address, not X-Forwarded-For: a public client can't claim to be inside.
  return isPrivateAddress(req.socket.remoteAddress ?? '');
}

export function isPrivateAddress(address: string): boolean {
  const a = address.replace(/^::ffff:/, '');
  if (isIP(a) === 4) {
    const [x, y] = a.split('.').map(Number) as [number, number];
    return x === 10 || x === 127 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168);
  }
  return a === '::1' || /^f[cd]/i.test(a);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        ok(v);
      },
      (e) => {
        clearTimeout(t);
        fail(e);
      },
    );
  });
}
