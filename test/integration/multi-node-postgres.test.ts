import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyAll, type BranchEvent, type BranchState } from '../../core';
import { missingPostgres, startPostgres, type Postgres } from '../support/engines';
import { freePort, ServerProcess } from '../support/process-server';
import { branchState, connectStream, DEMO_PASSWORD, key, once, removeDir, tempDataDir, waitFor, type StreamClient } from '../support/server';

/**
 * Two Branchboard nodes on one throwaway PostgreSQL and no Redis, each in a process of its own:
 * Socket.IO between them is PostgreSQL's (LISTEN/NOTIFY, @socket.io/postgres-adapter). A login
 * on one node holds on the other; commands on node 1 reach the lobby on node 2 once, in order,
 * over the bus (never through the log check that covers a lost message); a console on node 1
 * reloads a TV connected to node 2; both nodes follow the branch, yet the read models count
 * each event once and each webhook is delivered once.
 */
const missing = missingPostgres();
if (missing) console.warn(`skipping the two-node PostgreSQL test: ${missing}`);

/** A lobby screen as the real one keeps its copy: snapshot, then events folded in order. */
class Screen {
  state?: BranchState;
  seqs: number[] = [];
  readonly socket: StreamClient;

  constructor(url: string, auth: Record<string, unknown> = {}) {
    this.socket = connectStream(url, { branch: 'demo', ...auth } as { branch: string });
    this.socket.on('snapshot', ({ state }) => (this.state = state));
    this.socket.on('event', (e) => this.take(e));
  }

  private take(e: BranchEvent): void {
    this.seqs.push(e.seq);
    if (this.state && e.seq === this.state.seq + 1) this.state = applyAll(this.state, [e]);
  }
}

/** A webhook receiver on this machine that answers 200 and keeps every request's delivery id. */
async function receiver() {
  const deliveries: { id: string; event: string }[] = [];
  const http: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      deliveries.push({ id: String(req.headers['x-branchboard-delivery']), event: String(req.headers['x-branchboard-event']) });
      res.writeHead(200).end('thanks');
    });
  });
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  return { deliveries, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/hooks`, close: () => new Promise((ok) => http.close(ok)) };
}

async function cookieOf(url: string, username: string): Promise<string> {
  const res = await request(url).post('/api/session').send({ username, password: DEMO_PASSWORD });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('bb_session='))!.split(';')[0]!;
}

describe.skipIf(missing)('two nodes on PostgreSQL, no Redis', () => {
  let postgres: Postgres;
  let databaseUrl: string;
  let hook: Awaited<ReturnType<typeof receiver>>;
  const nodes: ServerProcess[] = [];
  const dirs: string[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    [postgres, hook] = await Promise.all([startPostgres(), receiver()]);
    databaseUrl = await postgres.createDatabase('twonodes');
    for (let i = 0; i < 2; i++) {
      const dir = tempDataDir();
      dirs.push(dir);
      // Info level: node 2's log tells whether it ever had to catch up from the log.
      const env = { DATABASE_URL: databaseUrl, TICKETS_PER_MINUTE: '100000', BRANCHBOARD_WEBHOOKS_ALLOW_LOCAL: 'true', BRANCHBOARD_WEBHOOK_RETRY_MS: '500', LOG_LEVEL: 'info' };
      nodes.push(new ServerProcess(await freePort(), dir, env));
    }
    // The first node migrates and seeds the demo; the second finds them there.
    await nodes[0]!.start();
    await nodes[1]!.start();
  }, 120_000);

  afterEach(({ task }) => {
    if (task.result?.state === 'fail') nodes.forEach((n, i) => console.error(`node ${i + 1}:\n${n.output.slice(-4000)}`));
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await Promise.all(nodes.map((n) => n.kill()));
    await Promise.all([postgres?.stop(), hook?.close()]);
    dirs.forEach(removeDir);
  });

  it('shares logins, carries every commit to the other node once and in order, and reaches its TVs', async () => {
    const [n1, n2] = nodes as [ServerProcess, ServerProcess];
    // A session opened on node 1 is valid on node 2: sessions are in the shared database.
    const teller = await cookieOf(n1.url, 'teller1');
    const manager = await cookieOf(n2.url, 'manager');
    expect((await request(n2.url).get('/api/session').set('Cookie', teller)).body.user.username).toBe('teller1');
    expect((await request(n1.url).get('/api/session').set('Cookie', manager)).body.user.username).toBe('manager');

    // A webhook registered on node 2; both nodes run a dispatcher.
    const put = await request(n2.url).put('/api/branches/demo/webhooks/hook-two-nodes').set('Cookie', manager).send({ url: hook.url, events: ['notice.posted', 'notice.resolved'] });
    expect(put.status, JSON.stringify(put.body)).toBe(201);

    // Lobby screens on node 2, one on node 1 too, so both nodes follow the branch.
    const lobby = Array.from({ length: 3 }, () => new Screen(n2.url));
    const near = new Screen(n1.url);
    await Promise.all([...lobby, near].map((s) => once(s.socket, 'snapshot')));
    const start = lobby[0]!.state!.seq;

    // Commands on node 1: tickets, calls, notices posted and resolved (one pair from node 2).
    const cmd = async (url: string, path: string, body: object = {}) => {
      const res = await request(url).post(`/api/branches/demo${path}`).set('Cookie', teller).set('Idempotency-Key', key()).send(body);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      return res.body;
    };
    for (let i = 0; i < 20; i++) {
      const t = await request(n1.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: i % 4 ? 'teller' : 'advice' });
      expect(t.status).toBe(201);
    }
    for (let i = 0; i < 6; i++) {
      await cmd(n1.url, `/counters/${(i % 2) + 1}/call-next`);
      await cmd(n1.url, `/counters/${(i % 2) + 1}/done`);
    }
    const noticeIds: string[] = [];
    for (const [url, counter] of [
      [n1.url, '3'],
      [n2.url, '4'],
      [n1.url, '2'],
    ] as const) {
      const posted = await cmd(url, '/notices', { presetId: 'computer-fault', counterId: counter, expectedInMinutes: 10 });
      noticeIds.push(posted.notice.id);
    }
    for (const [i, id] of noticeIds.entries()) await cmd(i === 1 ? n2.url : n1.url, `/notices/${id}/resolve`, {});

    const head = (await branchState(n1.url)).seq;
    await waitFor(() => [...lobby, near].every((s) => s.state?.seq === head), 10_000, 'every screen to reach the head');
    for (const s of [...lobby, near]) {
      expect(s.seqs).toEqual(Array.from({ length: head - start }, (_, i) => start + i + 1));
      expect(s.state).toEqual(await branchState(n1.url));
    }
    expect(await branchState(n2.url)).toEqual(await branchState(n1.url));

    // Node 2's estimator followed node 1's tickets: its estimates name exactly the tickets waiting.
    const waiting = Object.values((await branchState(n1.url)).queues).flat().sort();
    expect(waiting.length).toBeGreaterThan(0);
    // Estimates come on connect and then with the heartbeat, after a change and every 15 s.
    const heard = await new Promise<string[]>((ok) => {
      const socket = lobby[0]!.socket;
      const take = (m: { tickets?: Record<string, unknown> } | undefined) => {
        const ids = Object.keys(m?.tickets ?? {}).sort();
        if (!m || ids.length !== waiting.length) return;
        socket.off('estimates', take);
        socket.off('tick', onTick);
        ok(ids);
      };
      const onTick = (t: { estimates?: { tickets?: Record<string, unknown> } }) => take(t.estimates);
      socket.on('estimates', take);
      socket.on('tick', onTick);
    });
    expect(heard).toEqual(waiting);

    // A TV paired and connected on node 2, reloaded from a console on node 1: a room broadcast between nodes.
    const pairing = (await request(n2.url).post('/api/screen-pairings').send({ kind: 'lobby', version: '1' })).body;
    const paired = await request(n1.url).post('/api/branches/demo/screens').set('Cookie', manager).set('Idempotency-Key', key()).send({ code: pairing.code, name: 'Sala' });
    expect(paired.status, JSON.stringify(paired.body)).toBe(201);
    const claimed = (await request(n2.url).post('/api/screen-pairings/claim').send({ pairingToken: pairing.pairingToken })).body;
    const tv = new Screen(n2.url, { screen: claimed.screenToken });
    sockets.push(tv.socket as unknown as Socket);
    // Its own sound settings come once it has joined its screen's room (the snapshot may come before).
    await Promise.all([once(tv.socket, 'snapshot', 20_000), new Promise((ok) => (tv.socket as unknown as Socket).once('sound', ok))]);
    const reloaded = new Promise((ok) => (tv.socket as unknown as Socket).once('reload', ok));
    const reload = await request(n1.url).post(`/api/branches/demo/screens/${paired.body.screen.id}/reload`).set('Cookie', manager).set('Idempotency-Key', key()).send({});
    expect(reload.body).toEqual({ ok: true, delivered: true });
    await reloaded;

    // Every commit reached node 2 over the bus: it never found itself behind the log.
    expect(n2.output).not.toContain('behind the log');

    // The read models, followed by both nodes, count each event once: the same figures from either node.
    const reports = await Promise.all(
      [n1, n2].map(async (n) => (await request(n.url).get('/api/branches/demo/history/reports?by=month').set('Cookie', manager)).body),
    );
    expect(reports[0]).toEqual(reports[1]);
    const services = reports[0].services as { service: string; issued: number; served: number }[];
    const teller1 = services.find((s) => s.service === 'teller')!;
    const advice = services.find((s) => s.service === 'advice')!;
    expect(teller1.issued + advice.issued).toBe(20);
    expect(teller1.served + advice.served).toBe(6);
    const notices = (await request(n2.url).get('/api/branches/demo/history/notices').set('Cookie', manager)).body.notices as { id: string }[];
    expect(notices.map((n) => n.id).sort()).toEqual([...noticeIds].sort());

    // Each webhook delivered once, not once per node: 3 posted + 3 resolved, then nothing more.
    await waitFor(() => hook.deliveries.length >= 6, 15_000, 'six webhook deliveries');
    await new Promise((r) => setTimeout(r, 2500)); // both dispatchers poll every second: a duplicate would be here by now
    expect(hook.deliveries.length).toBe(6);
    expect(new Set(hook.deliveries.map((d) => d.id)).size).toBe(6);
    expect(hook.deliveries.filter((d) => d.event === 'notice.posted')).toHaveLength(3);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ status: string; attempts: string }>("SELECT status, attempts FROM webhook_deliveries WHERE webhook_id = 'hook-two-nodes'");
      expect(rows.map((r) => [r.status, Number(r.attempts)])).toEqual(Array.from({ length: 6 }, () => ['delivered', 1]));
    } finally {
      await db.end();
    }
    [...lobby, near].forEach((s) => s.socket.disconnect());
  }, 120_000);

  it('a node whose LISTEN connection is cut keeps running, reconnects and hears the other node again', async () => {
    const [n1, n2] = nodes as [ServerProcess, ServerProcess];
    const manager = await cookieOf(n1.url, 'manager');
    const pairing = (await request(n2.url).post('/api/screen-pairings').send({ kind: 'lobby', version: '1' })).body;
    const paired = await request(n1.url).post('/api/branches/demo/screens').set('Cookie', manager).set('Idempotency-Key', key()).send({ code: pairing.code, name: 'Ingresso' });
    const claimed = (await request(n2.url).post('/api/screen-pairings/claim').send({ pairingToken: pairing.pairingToken })).body;
    const tv = new Screen(n2.url, { screen: claimed.screenToken });
    sockets.push(tv.socket as unknown as Socket);
    // Its own sound settings come once it has joined its screen's room (the snapshot may come before).
    await Promise.all([once(tv.socket, 'snapshot', 20_000), new Promise((ok) => (tv.socket as unknown as Socket).once('sound', ok))]);
    const lobby = new Screen(n2.url);
    sockets.push(lobby.socket as unknown as Socket);
    await once(lobby.socket, 'snapshot');
    const start = lobby.state!.seq;

    // The database ends both nodes' LISTEN connections (a failover, an administrator, a network cut).
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const cut = await db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'branchboard-bus' AND query LIKE 'LISTEN%'");
      expect(cut.rowCount).toBe(2);
    } finally {
      await db.end();
    }
    // Tickets on node 1 while node 2 is not listening yet: those announcements are lost (NOTIFY
    // keeps nothing for a listener that is away); node 2 finds itself behind the log and reads them.
    for (let i = 0; i < 5; i++) expect((await request(n1.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' })).status).toBe(201);
    const head = (await branchState(n1.url)).seq;
    await waitFor(() => lobby.state?.seq === head, 15_000, 'the lobby on node 2 to reach the head');
    expect(lobby.seqs).toEqual(Array.from({ length: head - start }, (_, i) => start + i + 1));
    expect(lobby.state).toEqual(await branchState(n1.url));
    // /readyz says "not listening" until the adapter has reconnected (it retries within 1–3 s).
    for (const n of [n1, n2]) await waitFor(async () => (await request(n.url).get('/readyz')).status === 200, 15_000, 'the node to listen again');

    // Node 2 is still up and hears node 1's broadcasts again: a console on node 1 reloads its TV.
    // (A node learns of a new peer from its heartbeat, every 5 s: until then a reload may say "not delivered".)
    const reloaded = new Promise((ok) => (tv.socket as unknown as Socket).once('reload', ok));
    await waitFor(
      async () => (await request(n1.url).post(`/api/branches/demo/screens/${paired.body.screen.id}/reload`).set('Cookie', manager).set('Idempotency-Key', key()).send({})).body.delivered === true,
      20_000,
      'a reload from node 1 to reach the TV on node 2',
    );
    await reloaded;
    expect(n2.output).not.toMatch(/uncaught|unhandled/i);

    // Node 2 dies; until its heartbeat times out node 1 still counts it, and it never answers: a
    // reload is refused by nobody and fails nothing — 200, not delivered, after the adapter's wait.
    await n2.kill();
    const late = await request(n1.url).post(`/api/branches/demo/screens/${paired.body.screen.id}/reload`).set('Cookie', manager).set('Idempotency-Key', key()).send({});
    expect([late.status, late.body]).toEqual([200, { ok: true, delivered: false }]);
  }, 60_000);
});
