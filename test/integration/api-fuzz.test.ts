import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { COUNTER_ACTIONS, ClientId, EmptyBody, IssueTicketBody, PauseCounterBody, PostNoticeBody, ResolveNoticeBody, UpdateNoticeBody } from '../../core';
import { LoginBody } from '../../server/routes/session';
import { branchState, DEMO_PASSWORD, key, loginAs, removeDir, startTestServer } from '../support/server';

/**
 * Never a 500 for bad input: malformed bodies, params and headers at every command endpoint
 * get a 4xx with `{ok: false, error: {code}}`, and change nothing.
 */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;

/** FUZZ_RUNS=500 for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS) || 30;
const NOTICE = '12345678-90ab-4cde-8f01-234567890abc';

let server: TestServer;
let teller: Agent;
let realNotice: string;

beforeAll(async () => {
  server = await startTestServer({ ticketsPerMinute: 100_000, loginAttempts: 100_000 });
  teller = await loginAs(server.url, 'teller1');
  const n = await teller.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ presetId: 'busy-now' });
  realNotice = n.body.notice.id;
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const seq = async () => (await branchState(server.url)).seq;

function expectRefused(res: request.Response, what: string): void {
  expect(res.status, `${what} → ${res.status} ${res.text}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what} → ${res.status} ${res.text}`).toBeLessThan(500);
  expect(res.body?.ok, what).toBe(false);
  expect(typeof res.body?.error?.code, what).toBe('string');
  expect(typeof res.body?.error?.message, what).toBe('string');
}

/** Whether the server's JSON parser (strict: objects and arrays only) plus the schema would accept this text. */
function acceptable(schema: z.ZodType, raw: string): boolean {
  // body-parser reads an empty JSON body as {}.
  if (raw === '') return schema.safeParse({}).success;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return false;
  }
  if (v === null || typeof v !== 'object') return false;
  return schema.safeParse(v).success;
}

/** JSON texts a schema refuses: random JSON values, objects near the real shape, and garbage text. */
function badBodies(schema: z.ZodType, fields: string[]): fc.Arbitrary<string> {
  const nearShape = fc.dictionary(fc.constantFrom(...fields, 'extra', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
  return fc
    .oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      nearShape.map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', '{', '[', '{"a":1}}', '\u0000', '{"service":"teller"', 'true', '{"a":NaN}', '{"a":1e999}', '[[[[[[[[[[]]]]]]]]]]'),
    )
    .filter((raw) => !acceptable(schema, raw));
}

interface Target {
  label: string;
  method: 'post' | 'patch';
  path: string;
  schema: z.ZodType;
  fields: string[];
  staff: boolean;
}

const TARGETS: Target[] = [
  { label: 'POST tickets', method: 'post', path: '/api/branches/demo/tickets', schema: IssueTicketBody, fields: ['service'], staff: false },
  ...COUNTER_ACTIONS.map(
    (a): Target => ({
      label: `POST counters/2/${a}`,
      method: 'post',
      path: `/api/branches/demo/counters/2/${a}`,
      schema: a === 'pause' ? PauseCounterBody : EmptyBody,
      fields: a === 'pause' ? ['backInMinutes', 'backAt'] : ['x'],
      staff: true,
    }),
  ),
  {
    label: 'POST notices',
    method: 'post',
    path: '/api/branches/demo/notices',
    schema: PostNoticeBody,
    fields: ['presetId', 'counterId', 'cause', 'effect', 'scope', 'text', 'apologise', 'expectedInMinutes', 'expectedEndAt'],
    staff: true,
  },
  { label: 'PATCH notices/:id', method: 'patch', path: `/api/branches/demo/notices/${NOTICE}`, schema: UpdateNoticeBody, fields: ['text', 'expectedInMinutes', 'expectedEndAt'], staff: true },
  { label: 'POST notices/:id/resolve', method: 'post', path: `/api/branches/demo/notices/${NOTICE}/resolve`, schema: ResolveNoticeBody, fields: ['text', 'apologise'], staff: true },
];

describe('never a 500 for a malformed body', () => {
  it.each(TARGETS)('$label', async (t) => {
    const before = await seq();
    await fc.assert(
      fc.asyncProperty(badBodies(t.schema, t.fields), async (raw) => {
        const agent = t.staff ? teller : request(server.url);
        const res = await agent[t.method](t.path).set('Idempotency-Key', key()).set('Content-Type', 'application/json').send(raw);
        expectRefused(res, `${t.label} ${JSON.stringify(raw)}`);
      }),
      { numRuns: RUNS },
    );
    expect(await seq()).toBe(before);
  });

  it('POST /api/session', async () => {
    await fc.assert(
      fc.asyncProperty(badBodies(LoginBody, ['username', 'password']), async (raw) => {
        const res = await request(server.url).post('/api/session').set('Content-Type', 'application/json').send(raw);
        expectRefused(res, `login ${JSON.stringify(raw)}`);
        expect(res.headers['set-cookie']).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('a PATCH/resolve of a real notice with a malformed body leaves it untouched', async () => {
    await fc.assert(
      fc.asyncProperty(badBodies(UpdateNoticeBody, ['text', 'expectedInMinutes']), badBodies(ResolveNoticeBody, ['text', 'apologise']), async (p, r) => {
        expectRefused(await teller.patch(`/api/branches/demo/notices/${realNotice}`).set('Idempotency-Key', key()).set('Content-Type', 'application/json').send(p), `patch ${p}`);
        expectRefused(await teller.post(`/api/branches/demo/notices/${realNotice}/resolve`).set('Idempotency-Key', key()).set('Content-Type', 'application/json').send(r), `resolve ${r}`);
      }),
      { numRuns: RUNS },
    );
    const n = (await request(server.url).get('/api/branches/demo/state')).body.state.notices.find((x: { id: string }) => x.id === realNotice);
    expect(n).toMatchObject({ status: 'active', updates: [] });
  });
});

/** A path segment made of any printable text, percent-encoded or raw (to reach the router's own decoding). */
const segment = fc.oneof(
  fc.string({ maxLength: 50 }).map((s) => encodeURIComponent(s)),
  fc.constantFrom('%', '%E0%A4%A', '%00', '%2F', '%2e%2e', 'a%20b', '..', '.', 'x'.repeat(300), '%C0%AF', '%FF'),
);

describe('never a 500 for malformed params or headers', () => {
  it('branch, counter, action and notice id in the path', async () => {
    const before = await seq();
    await fc.assert(
      fc.asyncProperty(segment, fc.constantFrom('branch', 'counter', 'action', 'notice', 'ticket-branch'), async (s, where) => {
        const path =
          where === 'branch'
            ? `/api/branches/${s}/counters/1/open`
            : where === 'counter'
              ? `/api/branches/demo/counters/${s}/open`
              : where === 'action'
                ? `/api/branches/demo/counters/1/${s}`
                : where === 'notice'
                  ? `/api/branches/demo/notices/${s}/resolve`
                  : `/api/branches/${s}/tickets`;
        const decoded = (() => {
          try {
            return decodeURIComponent(s);
          } catch {
            return s;
          }
        })();
        // Skip the few segments that happen to be real: the property is about bad input.
        const real = { branch: ['demo'], counter: ['1', '2', '3', '4'], action: [...COUNTER_ACTIONS], notice: [], 'ticket-branch': ['demo'] }[where] as string[];
        fc.pre(!real.includes(decoded.toLowerCase()) && !real.includes(s.toLowerCase()));
        const res = await teller.post(path).set('Idempotency-Key', key()).send(where === 'ticket-branch' ? { service: 'teller' } : {});
        expectRefused(res, `POST ${path}`);
      }),
      { numRuns: RUNS * 2 },
    );
    expect(await seq()).toBe(before);
  });

  it('the Idempotency-Key header', async () => {
    const before = await seq();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).filter((k) => !ClientId.safeParse(k.trim()).success),
        async (k) => {
          const res = await teller.post('/api/branches/demo/counters/1/open').set('Idempotency-Key', k).send({});
          expectRefused(res, `Idempotency-Key ${JSON.stringify(k)}`);
          expect(res.status).toBe(400);
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(await seq()).toBe(before);
  });

  it('odd content types, encodings and cookies', async () => {
    const url = '/api/branches/demo/notices';
    const cases: [string, (r: request.Test) => request.Test][] = [
      ['text/plain body', (r) => r.set('Content-Type', 'text/plain').send('presetId=busy-now')],
      ['form body', (r) => r.type('form').send('presetId=busy-now')],
      ['gzip that is not gzip', (r) => r.set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"presetId":"busy-now"}')],
      ['unknown encoding', (r) => r.set('Content-Type', 'application/json').set('Content-Encoding', 'rot13').send('{"presetId":"busy-now"}')],
      ['utf-16 charset', (r) => r.set('Content-Type', 'application/json; charset=utf-16').send('{"presetId":"busy-now"}')],
      ['json with a BOM', (r) => r.set('Content-Type', 'application/json').send('\uFEFF{"presetId": 5}')],
      ['deeply nested', (r) => r.set('Content-Type', 'application/json').send(`{"text":${'['.repeat(2000)}${']'.repeat(2000)}}`)],
      ['prototype keys', (r) => r.set('Content-Type', 'application/json').send('{"__proto__":{"ok":true},"constructor":{"prototype":{}}}')],
      ['text keyed by __proto__', (r) => r.set('Content-Type', 'application/json').send('{"cause":"other","effect":"info","text":{"__proto__":"x"}}')],
    ];
    const before = await seq();
    for (const [what, build] of cases) {
      expectRefused(await build(teller.post(url).set('Idempotency-Key', key())), what);
    }
    for (const cookie of ['bb_session=%', 'bb_session=', 'bb_session=a; bb_session=b', '=;=;', 'bb_session="unterminated']) {
      expectRefused(await request(server.url).post(url).set('Cookie', cookie).set('Idempotency-Key', key()).send({ presetId: 'busy-now' }), `cookie ${cookie}`);
    }
    expect(await seq()).toBe(before);
  });
});

/**
 * Issue 10: a hostile-input run of 4,000 generated requests (fixed seed, so a failure can be
 * replayed) across every endpoint — the table below plus every path the OpenAPI document lists.
 * Each request carries at least one fault the server must refuse (a body its schema refuses, a
 * path segment naming nothing, a bad Idempotency-Key, a body that is not JSON, a forged cookie,
 * a method the path does not have, no session for a staff command). Asserts: no reply ≥ 500, no
 * line at level error in the server's log, and no change to anything a client can see.
 */
const HOSTILE_HTTP = Number(process.env.HOSTILE_HTTP) || 4_000;

interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** With {branch}, {counter}, {action}, {id}, {token}, {username}, {session} placeholders. */
  path: string;
  schema?: z.ZodType;
  fields?: string[];
  staff?: boolean;
  /** A command: refused without a valid Idempotency-Key. */
  command?: boolean;
}

const ENDPOINTS: Endpoint[] = [
  { method: 'POST', path: '/api/session', schema: LoginBody, fields: ['username', 'password'] },
  { method: 'GET', path: '/api/session' },
  { method: 'DELETE', path: '/api/session' },
  { method: 'GET', path: '/api/users/{username}/sessions', staff: true },
  { method: 'DELETE', path: '/api/users/{username}/sessions/{session}', staff: true },
  { method: 'DELETE', path: '/api/users/{username}/sessions', staff: true },
  { method: 'GET', path: '/api/branches/{branch}/state' },
  { method: 'POST', path: '/api/branches/{branch}/tickets', schema: IssueTicketBody, fields: ['service'], command: true },
  ...COUNTER_ACTIONS.map((a): Endpoint => ({ method: 'POST', path: `/api/branches/{branch}/counters/{counter}/${a}`, schema: a === 'pause' ? PauseCounterBody : EmptyBody, fields: a === 'pause' ? ['backInMinutes', 'backAt'] : ['x'], staff: true, command: true })),
  { method: 'POST', path: '/api/branches/{branch}/notices', schema: PostNoticeBody, fields: ['presetId', 'cause', 'effect', 'scope', 'text', 'expectedInMinutes'], staff: true, command: true },
  { method: 'PATCH', path: '/api/branches/{branch}/notices/{id}', schema: UpdateNoticeBody, fields: ['text', 'expectedInMinutes', 'expectedEndAt'], staff: true, command: true },
  { method: 'POST', path: '/api/branches/{branch}/notices/{id}/resolve', schema: ResolveNoticeBody, fields: ['text', 'apologise'], staff: true, command: true },
  { method: 'GET', path: '/api/tickets/{token}' },
  { method: 'POST', path: '/api/tickets/{token}/cancel', schema: EmptyBody, fields: ['x'], command: true },
  { method: 'GET', path: '/api/site' },
  { method: 'GET', path: '/api/openapi.json' },
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/readyz' },
];

type Fault = 'body' | 'segment' | 'idempotency' | 'content-type' | 'cookie' | 'method' | 'too-large' | 'anonymous';

interface Hostile {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  fault: Fault;
  label: string;
}

const BAD_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx', 'garbage', 'text/html; charset=utf-7'];
const BAD_COOKIES = ['bb_session=%', 'bb_session=' + 'A'.repeat(43), 'bb_session=a; bb_session=b', '=;=;', 'bb_session="unterminated', 'bb_device=' + 'x'.repeat(300)];
const badKey = fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).filter((k) => !ClientId.safeParse(k.trim()).success && !/[\r\n]/.test(k));
/** A path segment that names nothing real (real ones are skipped). */
const badSegment = segment.filter(
  // Dot segments ("." "%2e%2e") are resolved by every URL parser before a server sees them: they name another path.
  (s) => s !== '' && !['demo', '1', '2', '3', '4', 'teller1', 'manager', ...COUNTER_ACTIONS].includes(s.toLowerCase()) && !/^(\.|%2e){1,2}$/i.test(s),
);

function fill(path: string, bad?: string): string {
  const real: Record<string, string> = { branch: 'demo', counter: '2', id: NOTICE, token: 'a'.repeat(32), username: 'teller1', session: 'nosuchsession' };
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const target = bad !== undefined && names.length ? names[Math.abs(hashOf(bad)) % names.length] : undefined;
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === target ? bad! : real[name] ?? 'x'));
}
/** The same path made to name nothing: a placeholder filled with nonsense, or a segment appended. */
const nowhere = (path: string) => (path.includes('{') ? fill(path, 'no-such-thing-here') : `${path}/no-such-thing-here`);
const hashOf = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);

/** One hostile request for an endpoint, guaranteed to carry a fault the server refuses before acting. */
function hostileFor(e: Endpoint): fc.Arbitrary<Hostile> {
  const writes = e.method !== 'GET';
  const faults: Fault[] = ['segment', 'method', 'cookie'];
  if (e.schema) faults.push('body', 'too-large');
  if (writes) faults.push('idempotency', 'content-type');
  if (e.staff) faults.push('anonymous');
  const base = (fault: Fault, label: string, extra: Partial<Hostile>): Hostile => ({
    method: e.method,
    path: fill(e.path),
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUIDish(label) },
    fault,
    label: `${e.method} ${e.path} [${fault}] ${label}`,
    ...extra,
  });
  const validBody = e.schema === IssueTicketBody ? '{"service":"teller"}' : e.schema === LoginBody ? '{"username":"teller1","password":"x"}' : '{}';
  return fc.constantFrom(...faults).chain((fault): fc.Arbitrary<Hostile> => {
    switch (fault) {
      case 'body':
        return badBodies(e.schema!, e.fields ?? []).map((raw) => base(fault, JSON.stringify(raw).slice(0, 80), { body: raw }));
      case 'too-large':
        return fc.integer({ min: 16_500, max: 40_000 }).map((n) => base(fault, String(n), { body: JSON.stringify({ [e.fields?.[0] ?? 'x']: 'x'.repeat(n) }) }));
      case 'segment':
        return badSegment.map((s) => {
          const h = base(fault, s.slice(0, 60), { body: writes ? validBody : undefined });
          // Paths without parameters get the bad segment appended: a path that does not exist.
          h.path = e.path.includes('{') ? fill(e.path, s) : `${e.path}/x${s}`;
          return h;
        });
      case 'idempotency':
        return badKey.map((k) => {
          const h = base(fault, JSON.stringify(k), { body: e.schema ? validBody : undefined });
          h.headers['idempotency-key'] = k;
          // Only commands read the key: elsewhere the request must be refused another way.
          if (!e.command) h.path = nowhere(e.path);
          return h;
        });
      case 'content-type':
        return fc.constantFrom(...BAD_TYPES).map((t) => {
          const h = base(fault, t, { body: validBody });
          h.headers['content-type'] = t;
          return h;
        });
      case 'cookie':
        return fc.constantFrom(...BAD_COOKIES).map((c) => {
          // With a forged cookie a staff request is 401; a public one must be refused another way.
          const h = base(fault, c, { body: writes ? validBody : undefined });
          h.headers.cookie = c;
          if (!e.staff) h.path = nowhere(e.path);
          return h;
        });
      case 'method':
        return fc.constantFrom('PUT', 'PATCH', 'DELETE', 'POST').filter((m) => !ROUTES.has(`${m} ${e.path}`)).map((m) => {
          const h = base(fault, m, { body: '{"__bad": true}' });
          h.method = m;
          return h;
        });
      case 'anonymous':
        return fc.constant(base(fault, 'no session', { body: validBody }));
    }
  });
}
/** Every method and path that exists, so a "wrong method" is really wrong. */
const ROUTES = new Set(ENDPOINTS.map((e) => `${e.method} ${e.path}`));
let keyCounter = 0;
const randomUUIDish = (_label: string) => `hostile-${(++keyCounter).toString(36).padStart(8, '0')}`;

/** Everything a client could see that an invalid request must not change. */
async function visible(): Promise<string> {
  const state = (await branchState(server.url)) as unknown as Record<string, unknown>;
  const sessions = await teller.get('/api/users/teller1/sessions');
  return JSON.stringify([state, sessions.body.sessions?.map((x: { id: string }) => x.id).sort()]);
}

describe(`${HOSTILE_HTTP} hostile requests across every endpoint`, () => {
  it('none gets a 5xx, none logs an error, none changes anything', { timeout: 300_000 }, async () => {
    const doc = (await request(server.url).get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented: Endpoint[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase() as Endpoint['method'], path, staff: 'security' in (ops[m] as object) })),
    );
    const known = new Set(ENDPOINTS.map((e) => `${e.method} ${e.path}`));
    const endpoints = [...ENDPOINTS, ...documented.filter((e) => !known.has(`${e.method} ${e.path}`) && !['/metrics'].includes(e.path))];
    const genStart = performance.now();
    const inputs = fc.sample(fc.constantFrom(...endpoints).chain(hostileFor), { numRuns: HOSTILE_HTTP, seed: 20261201 });
    if (process.env.HOSTILE_DEBUG) console.log(`generated in ${(performance.now() - genStart).toFixed(0)} ms`);

    const login = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'teller1', password: DEMO_PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const before = await visible();
    const errorsBefore = server.unhandledErrors().length;
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      for (;;) {
        const h = inputs[next++];
        if (!h) return;
        const headers = { ...h.headers };
        if (h.fault !== 'anonymous' && h.fault !== 'cookie') headers.cookie = cookie;
        const t0 = performance.now();
        const res = await fetch(server.url + h.path, { method: h.method, headers, body: h.method === 'GET' || h.method === 'HEAD' ? undefined : h.body });
        const text = await res.text();
        if (process.env.HOSTILE_DEBUG && performance.now() - t0 > 500) console.log(`slow ${(performance.now() - t0).toFixed(0)} ms: ${h.label}`);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500 || res.status < 400) failures.push(`${h.label} → ${res.status} ${text.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    expect(failures.slice(0, 10)).toEqual([]);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(server.unhandledErrors().slice(errorsBefore)).toEqual([]);
    expect(await visible()).toBe(before);
    // The figures docs/SECURITY.md quotes.
    console.log(`hostile HTTP: ${inputs.length} requests over ${endpoints.length} endpoints; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  });
});
