import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_ACTIONS } from '../../core';
import type { Socket } from 'socket.io-client';
import { branchState, connectStream, key, loginAs, once, removeDir, startTestServer, waitFor } from '../support/server';

/**
 * The same request-level checks at every command endpoint: the Idempotency-Key header, JSON
 * parsing, the 16 kB limit, strict bodies (unknown fields), wrong types and non-object bodies.
 * Each refusal is a 400/413 with `{ok: false, error: {code, field}}` and changes nothing.
 */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;

interface Endpoint {
  label: string;
  method: 'post' | 'patch';
  /** Under /api/branches/demo. */
  path: string;
  /** A body that passes validation. */
  valid: Record<string, unknown>;
  /** A body with a field of the wrong type, and that field. */
  wrongType: [Record<string, unknown>, string];
  staff: boolean;
}

const NOTICE = '99999999-8888-4777-8666-555555555555';

const ENDPOINTS: Endpoint[] = [
  { label: 'tickets', method: 'post', path: '/tickets', valid: { service: 'teller' }, wrongType: [{ service: ['teller'] }, 'service'], staff: false },
  ...COUNTER_ACTIONS.map(
    (a): Endpoint =>
      a === 'pause'
        ? { label: `counters/1/${a}`, method: 'post', path: `/counters/1/${a}`, valid: { backInMinutes: 5 }, wrongType: [{ backInMinutes: true }, 'backInMinutes'], staff: true }
        : { label: `counters/1/${a}`, method: 'post', path: `/counters/1/${a}`, valid: {}, wrongType: [{ 0: 'x' }, '0'], staff: true },
  ),
  { label: 'notices', method: 'post', path: '/notices', valid: { presetId: 'busy-now' }, wrongType: [{ presetId: 'busy-now', apologise: 1 }, 'apologise'], staff: true },
  { label: 'notices/:id (PATCH)', method: 'patch', path: `/notices/${NOTICE}`, valid: { expectedInMinutes: 5 }, wrongType: [{ expectedInMinutes: '5' }, 'expectedInMinutes'], staff: true },
  { label: 'notices/:id/resolve', method: 'post', path: `/notices/${NOTICE}/resolve`, valid: {}, wrongType: [{ apologise: 'no' }, 'apologise'], staff: true },
];

let server: TestServer;
let teller: Agent;

beforeAll(async () => {
  server = await startTestServer({ ticketsPerMinute: 10_000 });
  teller = await loginAs(server.url, 'teller1');
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const client = (e: Endpoint) => (e.staff ? teller : request(server.url));
const seq = async () => (await branchState(server.url)).seq;

describe.each(ENDPOINTS)('$label', (e) => {
  const url = `/api/branches/demo${e.path}`;

  it('400 idempotency_key_required without an Idempotency-Key', async () => {
    const before = await seq();
    const res = await client(e)[e.method](url).send(e.valid);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ ok: false, error: { code: 'idempotency_key_required', field: 'Idempotency-Key', message: expect.any(String) } });
    expect(await seq()).toBe(before);
  });

  it.each(['', 'short', 'has spaces in it!', 'k'.repeat(65), 'dots.are.not.ok', 'slash/es/are/not'])('400 for the Idempotency-Key %j', async (bad) => {
    const res = await client(e)[e.method](url).set('Idempotency-Key', bad).send(e.valid);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { field: 'Idempotency-Key' } });
  });

  it('400 invalid_json for a body that is not JSON', async () => {
    for (const raw of ['{"a":', "{'single': 'quotes'}", '{"a": 1,}', 'null', '42', '"a string"', 'undefined']) {
      const res = await client(e)[e.method](url).set('Idempotency-Key', key()).set('Content-Type', 'application/json').send(raw);
      expect(res.status, raw).toBe(400);
      expect(res.body, raw).toMatchObject({ ok: false, error: { code: 'invalid_json', field: 'body' } });
    }
  });

  it('413 too_large for a body over 16 kB', async () => {
    const before = await seq();
    const res = await client(e)[e.method](url).set('Idempotency-Key', key()).send({ ...e.valid, padding: 'x'.repeat(17 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'too_large', field: 'body' } });
    expect(await seq()).toBe(before);
  });

  it('400 naming an unknown field (bodies are strict)', async () => {
    const before = await seq();
    const res = await client(e)[e.method](url).set('Idempotency-Key', key()).send({ ...e.valid, sneaky: true });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'sneaky', message: expect.any(String) } });
    expect(await seq()).toBe(before);
  });

  it('400 naming a field of the wrong type', async () => {
    const [body, field] = e.wrongType;
    const res = await client(e)[e.method](url).set('Idempotency-Key', key()).send(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'invalid', field } });
  });

  it('400 naming the body when it is not an object', async () => {
    const res = await client(e)[e.method](url).set('Idempotency-Key', key()).send([e.valid]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'body' } });
  });

  it('415 for a JSON body in a charset other than UTF-8', async () => {
    const res = await client(e)[e.method](url).set('Idempotency-Key', key()).set('Content-Type', 'application/json; charset=latin1').send(JSON.stringify(e.valid));
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'unsupported_encoding' } });
  });
});

describe('text with a NUL character (PostgreSQL cannot store it; SQLite keeps it)', () => {
  it('is refused with a 4xx or kept, never a 500, wherever it reaches the database as text', async () => {
    const nul = 'a\u0000b';
    const manager = await loginAs(server.url, 'manager');
    const replies = {
      login: await request(server.url).post('/api/session').send({ username: nul, password: 'whatever-1234' }),
      sessions: await manager.get(`/api/users/${encodeURIComponent(nul)}/sessions`),
      token: await manager.post('/api/branches/demo/integration-tokens').set('Idempotency-Key', key()).send({ name: nul }),
      webhook: await manager.put('/api/branches/demo/webhooks/hook-nul-00001').send({ url: 'https://example.com/hook', secret: `${nul}-0123456789abcdef` }),
      audit: await manager.get(`/api/branches/demo/history/audit?user=${encodeURIComponent(nul)}`),
    };
    for (const [what, r] of Object.entries(replies)) {
      expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
      expect(r.body.ok, what).toBeDefined();
    }

    // A paired screen's report with such text is dropped, and the next one still counts.
    const pairing = (await request(server.url).post('/api/screen-pairings').send({ kind: 'lobby' })).body;
    await manager.post('/api/branches/demo/screens').set('Idempotency-Key', key()).send({ code: pairing.code, name: 'Sala' }).expect(201);
    const { screenToken, screen } = (await request(server.url).post('/api/screen-pairings/claim').send({ pairingToken: pairing.pairingToken })).body;
    const tv = connectStream(server.url, { branch: 'demo', screen: screenToken } as never);
    await once(tv, 'snapshot');
    (tv as unknown as Socket).emit('report', { renderedSeq: 1, version: nul });
    await new Promise((r) => setTimeout(r, 300)); // reports closer than 250 ms apart are ignored
    (tv as unknown as Socket).emit('report', { renderedSeq: 2, version: '1.0.0' });
    await waitFor(async () => ((await manager.get('/api/branches/demo/screens')).body.screens as { id: string; renderedSeq: number | null }[]).find((s) => s.id === screen.id)?.renderedSeq === 2, 5000, 'the second report');
    tv.disconnect();
    expect(server.unhandledErrors()).toEqual([]);
  });
});

// PostgreSQL's text cannot hold a NUL: both stores must refuse it by name, never answer 500.
describe('a NUL character anywhere in the request', () => {
  it('400 naming the path, the query or the body field, and nothing changes', async () => {
    const before = await seq();
    const inPath = await teller.delete('/api/users/teller1%00/sessions/abcdefgh');
    expect(inPath.status).toBe(400);
    expect(inPath.body).toMatchObject({ ok: false, error: { field: 'path' } });
    const inQuery = await request(server.url).get('/api/branches/demo/state?x=%00');
    expect(inQuery.status).toBe(400);
    expect(inQuery.body).toMatchObject({ ok: false, error: { field: 'query' } });
    const inBody = await request(server.url).post('/api/session').set('Content-Type', 'application/json').send('{"username":"teller1\\u0000","password":"x"}');
    expect(inBody.status).toBe(400);
    expect(inBody.body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'username' } });
    const inCommand = await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).set('Content-Type', 'application/json').send('{"service":"tel\\u0000ler"}');
    expect(inCommand.status).toBe(400);
    expect(inCommand.body).toMatchObject({ ok: false, error: { field: 'service' } });
    expect(await seq()).toBe(before);
  });
});
