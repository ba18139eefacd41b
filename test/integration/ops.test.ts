import request from 'supertest';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../server/ops/health';
import { connectStream, key, once, removeDir, startTestServer, waitFor } from '../support/server';

/** What operations poll on every node: liveness, readiness, Prometheus metrics, and a graceful stop. */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
const servers: TestServer[] = [];
const start = async (opts: Parameters<typeof startTestServer>[0] = {}) => {
  const s = await startTestServer(opts);
  servers.push(s);
  return s;
};
afterEach(async () => {
  for (const s of servers.splice(0)) {
    await s.stop();
    removeDir(s.dataDir);
  }
});

describe('/readyz', () => {
  it('200 with every check ok while the node can serve', async () => {
    const server = await start();
    const res = await request(server.url).get('/readyz');
    expect(res.status).toBe(200);
    // On PostgreSQL without Redis the nodes' bus is PostgreSQL too, and is checked as well.
    expect(res.body).toEqual({ ok: true, checks: { store: 'ok', ...(server.sql.dialect === 'postgres' ? { 'postgres-bus': 'ok' } : {}) } });
  });

  it('503 "draining" as soon as shutdown begins, while the node still answers', async () => {
    const server = await start({ shutdownDelayMs: 3000, drainMs: 0 });
    const stopping = server.shutdown();
    const res = await request(server.url).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.checks).toMatchObject({ shutdown: 'draining', store: 'ok' });
    expect((await request(server.url).get('/healthz')).status).toBe(200);
    await stopping;
  });
});

describe('/metrics', () => {
  it('exposes requests, sockets, branches with screens and the event-loop delay to a private address', async () => {
    const server = await start();
    const screen = connectStream(server.url, { branch: 'demo' });
    await once(screen, 'snapshot');
    await request(server.url).get('/api/branches/demo/state').expect(200);
    await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' }).expect(201);
    const res = await request(server.url).get('/metrics');
    screen.disconnect();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^branchboard_sockets 1$/m);
    expect(res.text).toMatch(/^branchboard_branches_with_screens 1$/m);
    expect(res.text).toMatch(/^branchboard_http_requests_total\{method="GET",route="\/api\/branches\/:branch\/state",status="200"\} 1$/m);
    expect(res.text).toMatch(/^nodejs_eventloop_lag_max_seconds \d/m);
    expect(res.text).toMatch(/^branchboard_commands_total\{outcome="ok"\} 1$/m);
    expect(res.text).toMatch(/^branchboard_command_duration_seconds_count 1$/m);
    expect(res.text).toMatch(/^branchboard_events_committed_total 1$/m);
  });

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const server = await start({ metricsToken: 'a-long-metrics-token-123' });
    expect((await request(server.url).get('/metrics')).status).toBe(403);
    expect((await request(server.url).get('/metrics').set('Authorization', 'Bearer wrong-token-of-same-len')).status).toBe(403);
    expect((await request(server.url).get('/metrics').set('Authorization', 'Bearer a-long-metrics-token-123')).status).toBe(200);
  });

  it('counts only loopback and private networks as private', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:10.1.2.3', '172.20.0.5', '192.168.1.9', 'fd00::1']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '172.32.0.1', '::ffff:93.184.216.34', '2001:db8::1', '']) expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe('graceful shutdown', () => {
  it('sends screens away at the transport, so they reconnect by themselves, and refuses new ones', async () => {
    const server = await start({ drainMs: 200 });
    const screens = Array.from({ length: 20 }, () => connectStream(server.url, { branch: 'demo' }));
    await Promise.all(screens.map((s) => once(s, 'snapshot')));
    const reasons: string[] = [];
    for (const s of screens) s.on('disconnect', (reason) => reasons.push(reason));
    const t0 = Date.now();
    await server.shutdown();
    await waitFor(() => reasons.length === screens.length, 2000, 'every screen to be sent away');
    // A lost transport is what socket.io-client reconnects after on its own (not "io server disconnect").
    expect(new Set(reasons)).toEqual(new Set(['transport close']));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
    const late = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { branch: 'demo' } });
    const err = await new Promise<Error>((ok) => late.once('connect_error', ok));
    late.close();
    expect(err).toBeInstanceOf(Error);
  });
});
