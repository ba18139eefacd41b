import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_ACTIONS, type BranchState } from '../../core';
import { branchState, key, loginAs, removeDir, startTestServer, openDemoBranch } from '../support/server';

/** The public endpoints: /healthz, /api/openapi.json, a branch's state, and tickets (the kiosk). */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

let server: TestServer;
let branchNo = 0;

/** A new branch with the demo configuration, made through the server's own log: a clean queue per test. */
async function freshBranch(configured = true): Promise<string> {
  return openDemoBranch(server, `tickets-${++branchNo}`, configured);
}

const take = (branch: string, body: unknown, idem: string | null = key()) => {
  const req = request(server.url).post(`/api/branches/${branch}/tickets`);
  if (idem !== null) req.set('Idempotency-Key', idem);
  return req.send(body as object);
};

const stateOf = (branch: string) => branchState(server.url, branch);

beforeAll(async () => {
  server = await startTestServer({ ticketsPerMinute: 10_000 });
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe('GET /healthz', () => {
  it('200 with ok and the server time', async () => {
    const t0 = Date.now();
    const res = await request(server.url).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, time: expect.any(Number) });
    expect(res.body.time).toBeGreaterThanOrEqual(t0);
  });
});

describe('GET /api/site', () => {
  it('says where phones reach this installation: PUBLIC_URL, or null when unset', async () => {
    expect((await request(server.url).get('/api/site').expect(200)).body).toEqual({ ok: true, publicUrl: null });
    const withUrl = await startTestServer({ publicUrl: 'https://queue.example-bank.it/' });
    try {
      expect((await request(withUrl.url).get('/api/site').expect(200)).body).toEqual({ ok: true, publicUrl: 'https://queue.example-bank.it' });
    } finally {
      await withUrl.stop();
      removeDir(withUrl.dataDir);
    }
  });

  it('refuses a PUBLIC_URL that is not an http(s) address, at start', async () => {
    await expect(startTestServer({ publicUrl: 'javascript:alert(1)' })).rejects.toThrow();
  });
});

describe('GET /api/openapi.json', () => {
  const EXPECTED: [string, string[]][] = [
    ['/healthz', ['get']],
    ['/readyz', ['get']],
    ['/metrics', ['get']],
    ['/api/site', ['get']],
    ['/api/qr.svg', ['get']],
    ['/api/session', ['post', 'get', 'delete']],
    ['/api/branches/{branch}/state', ['get']],
    ['/api/branches/{branch}/tickets', ['post']],
    ...COUNTER_ACTIONS.map((a): [string, string[]] => [`/api/branches/{branch}/counters/{counter}/${a}`, ['post']]),
    ...['call', 'transfer', 'undo-no-show'].map((a): [string, string[]] => [`/api/branches/{branch}/counters/{counter}/${a}`, ['post']]),
    ['/api/branches/{branch}/notices', ['post']],
    ['/api/branches/{branch}/notices/{id}', ['patch']],
    ['/api/branches/{branch}/notices/{id}/resolve', ['post']],
    // Issue 11: the phone ticket, integration tokens, ingest.
    ['/api/tickets/{token}', ['get']],
    ['/api/tickets/{token}/cancel', ['post']],
    ['/api/branches/{branch}/integration-tokens', ['post', 'get']],
    ['/api/branches/{branch}/integration-tokens/{id}', ['delete']],
    ['/api/branches/{branch}/ingest', ['post']],
    // Issue 6: the manager console (the first method of each is a keyed command with a body).
    ['/api/branches', ['post', 'get']],
    ['/api/branches/{branch}', ['patch']],
    ['/api/branches/{branch}/services/{service}', ['put', 'delete']],
    ['/api/branches/{branch}/counters/{counter}', ['put', 'delete']],
    ['/api/branches/{branch}/presets/{preset}', ['put', 'delete']],
    ['/api/branches/{branch}/presets/{preset}/restore', ['post']],
    ['/api/preset-library', ['get']],
    ['/api/preset-library/{preset}', ['put', 'delete']],
    ['/api/users', ['post', 'get']],
    ['/api/users/{username}', ['patch']],
    ['/api/users/{username}/reset-password', ['post']],
    ['/api/screen-pairings', ['post']],
    ['/api/screen-pairings/claim', ['post']],
    ['/api/branches/{branch}/screens', ['post', 'get']],
    ['/api/branches/{branch}/screens/{screen}', ['patch', 'delete']],
    ['/api/branches/{branch}/screens/{screen}/reload', ['post']],
    ['/api/branches/{branch}/screens/{screen}/identify', ['post']],
    ['/api/branches/{branch}/screens/{screen}/sound', ['put']],
    ['/api/overview', ['get']],
    ['/api/openapi.json', ['get']],
    ['/api/users/{username}/sessions', ['get', 'delete']],
    ['/api/users/{username}/sessions/{id}', ['delete']],
  ];
  /** Issue 12: history, reports, CSV, audit, replay and its export, webhooks, the alerts feed (reads, and webhooks keyed by their id). */
  const HISTORY: [string, string[]][] = [
    ['/api/branches/{branch}/history/notices', ['get']],
    ['/api/branches/{branch}/history/notices/{id}', ['get']],
    ['/api/branches/{branch}/history/reports', ['get']],
    ['/api/branches/{branch}/history/days.csv', ['get']],
    ['/api/branches/{branch}/history/tickets.csv', ['get']],
    ['/api/branches/{branch}/history/audit', ['get']],
    ['/api/history/reports', ['get']],
    ['/api/branches/{branch}/replay', ['get']],
    ['/api/branches/{branch}/replay.json', ['get']],
    ['/api/branches/{branch}/replay.png', ['get']],
    ['/api/replay/public-key', ['get']],
    ['/api/replay/verify', ['post']],
    ['/api/branches/{branch}/webhooks', ['get']],
    ['/api/branches/{branch}/webhooks/{id}', ['put', 'delete']],
    ['/api/branches/{branch}/webhooks/{id}/deliveries', ['get']],
    ['/api/branches/{branch}/webhooks/{id}/deliveries/{delivery}/resend', ['post']],
    ['/api/webhooks', ['get']],
    ['/api/webhooks/{id}', ['put', 'delete']],
    ['/api/webhooks/{id}/deliveries', ['get']],
    ['/api/webhooks/{id}/deliveries/{delivery}/resend', ['post']],
    ['/api/branches/{branch}/alerts.json', ['get']],
  ];
  /** Not commands with a client-made key: tokens are shown once (a retry makes another), ingest is idempotent on the external ids. */
  const NOT_KEYED = new Set(['/api/branches/{branch}/integration-tokens', '/api/branches/{branch}/integration-tokens/{id}', '/api/branches/{branch}/ingest']);

  it('is an OpenAPI 3.1 document listing every path and method of the API', async () => {
    const res = await request(server.url).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.openapi).toBe('3.1.0');
    for (const [path, methods] of [...EXPECTED, ...HISTORY]) {
      expect(res.body.paths, path).toHaveProperty([path]);
      for (const m of methods) expect(res.body.paths[path], `${m.toUpperCase()} ${path}`).toHaveProperty([m]);
    }
    expect(COUNTER_ACTIONS).toHaveLength(7);
    expect(Object.keys(res.body.paths).sort()).toEqual([...EXPECTED, ...HISTORY].map(([p]) => p).sort());
  });

  it('every command asks for an Idempotency-Key and describes its JSON body', async () => {
    const { paths } = (await request(server.url).get('/api/openapi.json')).body as { paths: Record<string, Record<string, any>> };
    const commands = EXPECTED.filter(([p]) => (p.startsWith('/api/branches/') || p.endsWith('/cancel')) && !p.endsWith('/state') && !NOT_KEYED.has(p));
    for (const [path, [method]] of commands) {
      const op = paths[path]![method!];
      expect(op.parameters.map((p: { name: string }) => p.name), path).toContain('Idempotency-Key');
      expect(op.requestBody.content['application/json'].schema, path).toBeTypeOf('object');
      expect(Object.keys(op.responses), path).toContain('400');
    }
    // The bodies are strict, and the document says so.
    const ticket = paths['/api/branches/{branch}/tickets']!.post.requestBody.content['application/json'].schema;
    expect(ticket).toMatchObject({ type: 'object', required: ['service'], additionalProperties: false });
  });
});

describe('GET /api/branches/:branch/state', () => {
  it('the demo branch: configuration, counters closed, empty queues, seq and server time', async () => {
    const res = await request(server.url).get('/api/branches/demo/state');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, serverTime: expect.any(Number) });
    const s = res.body.state as BranchState;
    expect(s.branchId).toBe('demo');
    expect(s.seq).toBeGreaterThanOrEqual(1);
    expect(s.config!.id).toBe('demo');
    expect(Object.keys(s.counters).sort()).toEqual(['1', '2', '3', '4']);
    expect(s.queues).toEqual({ teller: [], advice: [] });
  });

  it('is public (no session) and follows every command: the seq moves with each change', async () => {
    const before = (await request(server.url).get('/api/branches/demo/state')).body.state as BranchState;
    const t = await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' });
    const after = (await request(server.url).get('/api/branches/demo/state')).body.state as BranchState;
    expect(after.seq).toBe(before.seq + 1);
    expect(after.seq).toBe(t.body.seq);
    expect(after.queues.teller).toContain(t.body.ticket.id);
  });

  it('404 unknown_branch; 400 for a branch id that cannot be one', async () => {
    const unknown = await request(server.url).get('/api/branches/atlantis/state');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'unknown_branch' } });
    for (const bad of ['Demo', 'de%20mo', 'x'.repeat(41), '-demo']) {
      const res = await request(server.url).get(`/api/branches/${bad}/state`);
      expect(res.status, bad).toBe(400);
      expect(res.body, bad).toMatchObject({ ok: false, error: { code: 'invalid', field: 'branch' } });
    }
  });

  it('names no member of staff, after every kind of staff action', async () => {
    const teller = await loginAs(server.url, 'teller1');
    const manager = await loginAs(server.url, 'manager');
    const k = () => ({ 'Idempotency-Key': key() });
    await request(server.url).post('/api/branches/demo/tickets').set(k()).send({ service: 'advice' });
    expect((await teller.post('/api/branches/demo/counters/3/call-next').set(k()).send({})).status).toBe(200);
    expect((await teller.post('/api/branches/demo/counters/3/recall').set(k()).send({})).status).toBe(200);
    expect((await manager.post('/api/branches/demo/counters/2/pause').set(k()).send({ backInMinutes: 5 })).status).toBe(200);
    const n = await teller.post('/api/branches/demo/notices').set(k()).send({ presetId: 'computer-fault', counterId: '3' });
    expect(n.status).toBe(201);
    expect((await manager.patch(`/api/branches/demo/notices/${n.body.notice.id}`).set(k()).send({ expectedInMinutes: 5 })).status).toBe(200);
    expect((await teller.post(`/api/branches/demo/notices/${n.body.notice.id}/resolve`).set(k()).send({})).status).toBe(200);

    const res = await request(server.url).get('/api/branches/demo/state');
    const json = JSON.stringify(res.body);
    expect(json).not.toContain('teller1');
    expect(json).not.toMatch(/teller[1-4]/);
    expect(json).not.toContain('"manager"');
    expect(json).not.toContain('Demo manager');
    expect(json).not.toContain('Teller 1');
    expect(json).not.toContain('"user"');
    expect(json).not.toContain('"actor"');
    // The staff reads of the same state (a logged-in teller) are no different.
    expect(JSON.stringify((await teller.get('/api/branches/demo/state')).body.state)).not.toContain('teller1');
  });
});

describe('unknown endpoints', () => {
  it.each([
    ['get', '/api/nothing-here'],
    ['get', '/api/branches/demo'],
    ['get', '/api/branches/demo/tickets'],
    ['post', '/api/branches/demo/state'],
    ['delete', '/api/branches/demo/notices/11111111-2222-4333-8444-555555555555'],
    ['post', '/api/branches/demo/counters/1/call-next/now'],
  ] as const)('%s %s: 404 not_found as JSON', async (method, path) => {
    const res = await request(server.url)[method](path).set('Idempotency-Key', key());
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('POST /api/branches/:branch/tickets', () => {
  it('issues a ticket without a session (the kiosk): 201 with its number, and the queue holds it', async () => {
    const b = await freshBranch();
    const before = await stateOf(b);
    const t0 = Date.now();
    const res = await take(b, { service: 'teller' });
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(res.body).toMatchObject({
      ok: true,
      seq: before.seq + 1,
      events: ['TicketIssued'],
      ticket: { number: 'A001', service: 'teller', id: expect.any(String), issuedAt: expect.any(Number) },
    });
    expect(res.body.ticket.issuedAt).toBeGreaterThanOrEqual(t0);
    expect(res.body.ticket.issuedAt).toBeLessThanOrEqual(Date.now());

    const after = await stateOf(b);
    expect(after.seq).toBe(res.body.seq);
    expect(after.queues.teller).toEqual([res.body.ticket.id]);
    expect(after.tickets[res.body.ticket.id]).toMatchObject({ number: 'A001', service: 'teller', status: 'waiting', counterId: null, recalls: 0 });
    expect(after.today.issued).toEqual({ teller: 1 });
  });

  it('numbers per service: A001, A002 for the teller, B001 for advice, A003 after that', async () => {
    const b = await freshBranch();
    const numbers: string[] = [];
    for (const service of ['teller', 'teller', 'advice', 'teller', 'advice']) {
      const res = await take(b, { service });
      expect(res.status).toBe(201);
      numbers.push(res.body.ticket.number);
    }
    expect(numbers).toEqual(['A001', 'A002', 'B001', 'A003', 'B002']);
    const s = await stateOf(b);
    expect(s.queues.teller!.map((id) => s.tickets[id]!.number)).toEqual(['A001', 'A002', 'A003']);
    expect(s.queues.advice!.map((id) => s.tickets[id]!.number)).toEqual(['B001', 'B002']);
    expect(s.today.issued).toEqual({ teller: 3, advice: 2 });
  });

  it('a retry with the same key and body gets the same reply, marked replayed, and issues nothing', async () => {
    const b = await freshBranch();
    const k = key();
    const first = await take(b, { service: 'advice' }, k);
    expect(first.status).toBe(201);
    const seq = (await stateOf(b)).seq;

    const again = await take(b, { service: 'advice' }, k);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);

    const s = await stateOf(b);
    expect(s.seq).toBe(seq);
    expect(s.queues.advice).toHaveLength(1);
    expect(Object.keys(s.tickets)).toHaveLength(1);
    // The next fresh request goes on numbering as if the retry never happened.
    expect((await take(b, { service: 'advice' })).body.ticket.number).toBe('B002');
  });

  it('a burst of identical requests with one key (a double tap, a retry racing the first) issues one ticket', async () => {
    const b = await freshBranch();
    const k = key();
    const replies = await Promise.all(Array.from({ length: 5 }, () => take(b, { service: 'teller' }, k)));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(replies.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(new Set(replies.map((r) => r.body.ticket.id)).size).toBe(1);
    const s = await stateOf(b);
    expect(s.queues.teller).toHaveLength(1);
    expect(s.seq).toBe(2);
  });

  it('409 idempotency_key_reused when the same key comes with another body', async () => {
    const b = await freshBranch();
    const k = key();
    expect((await take(b, { service: 'teller' }, k)).status).toBe(201);
    const seq = (await stateOf(b)).seq;
    const res = await take(b, { service: 'advice' }, k);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'idempotency_key_reused', field: 'Idempotency-Key' } });
    expect((await stateOf(b)).seq).toBe(seq);
  });

  it('keys are per branch: the same key at another branch is a new ticket', async () => {
    const b1 = await freshBranch();
    const b2 = await freshBranch();
    const k = key();
    expect((await take(b1, { service: 'teller' }, k)).status).toBe(201);
    const other = await take(b2, { service: 'teller' }, k);
    expect(other.status).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
  });

  it('a refused request does not use up its key: the corrected retry goes through', async () => {
    const b = await freshBranch();
    const k = key();
    const bad = await take(b, { service: 'mortgages' }, k);
    expect(bad.status).toBe(400);
    const good = await take(b, { service: 'teller' }, k);
    expect(good.status).toBe(201);
    expect(good.headers['idempotent-replayed']).toBeUndefined();
  });

  it.each([
    ['an unknown service', { service: 'mortgages' }, 'unknown_service', 'service'],
    ['a service that is not a slug', { service: 'Teller!' }, 'invalid', 'service'],
    ['a service of the wrong type', { service: 1 }, 'invalid', 'service'],
    ['a null service', { service: null }, 'invalid', 'service'],
    ['no service', {}, 'invalid', 'service'],
    ['an unknown field', { service: 'teller', priority: 'vip' }, 'invalid', 'priority'],
  ])('400 for %s, naming the field', async (_name, body, code, field) => {
    const b = await freshBranch();
    const res = await take(b, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code, field, message: expect.any(String) } });
    expect((await stateOf(b)).seq).toBe(1);
  });

  it('400 for a missing or malformed Idempotency-Key, invalid JSON or a non-object body; 413 over 16 kB', async () => {
    const b = await freshBranch();
    const missing = await take(b, { service: 'teller' }, null);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'idempotency_key_required', field: 'Idempotency-Key' } });

    for (const bad of ['short', 'has spaces in it', 'ü-not-ascii-key', 'k'.repeat(65), 'semi;colon;key']) {
      const res = await take(b, { service: 'teller' }, bad);
      expect(res.status, bad).toBe(400);
      expect(res.body, bad).toMatchObject({ ok: false, error: { code: 'invalid', field: 'Idempotency-Key' } });
    }

    const broken = await request(server.url).post(`/api/branches/${b}/tickets`).set('Idempotency-Key', key()).set('Content-Type', 'application/json').send('{"service": "teller"');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ ok: false, error: { code: 'invalid_json', field: 'body' } });

    const list = await take(b, ['teller']);
    expect(list.status).toBe(400);
    expect(list.body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'body' } });

    const huge = await take(b, { service: 'teller', pad: 'x'.repeat(17 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ ok: false, error: { code: 'too_large', field: 'body' } });

    expect((await stateOf(b)).seq).toBe(1);
  });

  it('404 unknown_branch for a branch that does not exist; 400 for a branch id that cannot be one', async () => {
    const missing = await take('no-such-branch', { service: 'teller' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'unknown_branch' } });

    const badId = await take('Not%20A%20Slug', { service: 'teller' });
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'branch' } });
  });

  it('404 branch_not_configured for a branch that exists but has no configuration yet', async () => {
    const b = await freshBranch(false);
    const res = await take(b, { service: 'teller' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'branch_not_configured' } });
  });
});

describe('ticket rate limit (ticketsPerMinute: 2)', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ ticketsPerMinute: 2 });
  });
  afterAll(async () => {
    await limited.stop();
    removeDir(limited.dataDir);
  });

  it('the 3rd ticket within a minute from one device gets 429 and is not issued', async () => {
    const post = () => request(limited.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    const third = await post();
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ ok: false, error: { code: 'too_many_tickets', message: expect.any(String) } });
    const s = (await request(limited.url).get('/api/branches/demo/state')).body.state as BranchState;
    expect(s.queues.teller).toHaveLength(2);
    expect(s.seq).toBe(3);
  });

  // BUG (server/routes/branch-commands.ts, kioskLimit): the limiter counts every request, so an
  // idempotent retry of a ticket already issued (flaky kiosk Wi-Fi) uses up the allowance: here the
  // retry counts as the 2nd "ticket" and the next real ticket gets 429. ticketsPerMinute is documented
  // as tickets a device may *take*; a replay takes none. Flip to `it` once replays are not counted.
  it('a retried (replayed) request does not count as another ticket', async () => {
    const fresh = await startTestServer({ ticketsPerMinute: 2 });
    try {
      const post = (k: string) => request(fresh.url).post('/api/branches/demo/tickets').set('Idempotency-Key', k).send({ service: 'teller' });
      const k = key();
      expect((await post(k)).status).toBe(201);
      const retry = await post(k);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      // One ticket taken so far: the second one is within the allowance of 2.
      expect((await post(key())).status).toBe(201);
    } finally {
      await fresh.stop();
      removeDir(fresh.dataDir);
    }
  });
});
