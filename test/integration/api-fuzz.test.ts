import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { COUNTER_ACTIONS, ClientId, EmptyBody, IssueTicketBody, PauseCounterBody, PostNoticeBody, ResolveNoticeBody, UpdateNoticeBody } from '../../core';
import { LoginBody } from '../../server/routes/session';
import { branchState, key, loginAs, removeDir, startTestServer } from '../support/server';

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
