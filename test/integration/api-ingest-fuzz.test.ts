import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestBody, INGEST_COUNTER_TYPES, INGEST_TYPES, type BranchState, type TicketRecord } from '../../core';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { ingest, integrationSecret, noonClock } from '../support/ingest';
import { removeDir, startTestServer } from '../support/server';

/**
 * Hostile input at the ingest endpoint (issue 11's later parts: a counter's own steps from the
 * queue system, and the late "issued" that corrects a stand-in issue time). With a valid token:
 * bodies the schema refuses are a 400 naming the field and change nothing; generated batches of
 * counter and ticket steps near the real shape (odd counters and services, times out of bounds,
 * repeats, steps out of order) are each applied, duplicate, superseded or rejected naming its
 * field — never a 5xx, never an error in the log; the branch's cached state is what its log
 * folds to, no ticket is called before it was issued; and the same batches sent again change
 * nothing (every step is idempotent). The server's clock runs from noon of a fixed day, so the
 * times near "now" and "today" do not depend on when the suite runs.
 */
const BATCHES = Number(process.env.HOSTILE_INGEST) || 300;
const MIN = 60_000;
const TZ = 'Europe/Rome';
const { noon, now: clock } = noonClock(TZ);
const branch = 'ingest-fuzz';

let server: Awaited<ReturnType<typeof startTestServer>>;
let secret = '';
/** Another token of the branch, for the second pass (each token may send 600 requests a minute). */
let again = '';

beforeAll(async () => {
  server = await startTestServer({}, { commandClock: clock, clock });
  await server.commands.openBranch(branch, { ...DEMO_BRANCH, id: branch, timezone: TZ }, { role: 'system' });
  const made = await integrationSecret(server, branch);
  secret = made.secret;
  again = (await made.manager.post(`/api/branches/${branch}/integration-tokens`).send({ name: 'Q-Matic, second pass' }).expect(201)).body.secret;
});
afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

const state = async () => (await server.states.get(branch)) as BranchState;

/**
 * Values of each field: mostly ones the schema takes (real ids, odd but well-formed ones, times
 * in the day, just ahead within the skew allowed, too far ahead, yesterday), now and then one it
 * refuses (which makes its whole batch a 400).
 */
const some = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 80, arbitrary: good }, { weight: 1, arbitrary: bad });
const at = some(
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: -180, max: 0 }).map((m) => noon + m * MIN) },
    { weight: 1, arbitrary: fc.constantFrom(noon + MIN, noon + 30 * MIN, noon + 24 * 60 * MIN, noon - 24 * 60 * MIN, 0, 8.64e15) },
  ),
  fc.constantFrom(-1, 1.5, 8.64e15 + 1, '1700000000000', null, true, Number.MAX_SAFE_INTEGER),
);
const eventId = some(fc.constantFrom('e1', 'e2', 'logout', 'x'.repeat(64)), fc.constantFrom('', ' ', 'x'.repeat(65), 5, null));
const counterId = some(fc.oneof({ weight: 8, arbitrary: fc.constantFrom('1', '2', '3', '4') }, { weight: 1, arbitrary: fc.constantFrom('9', 'constructor', 'hasownproperty') }), fc.constantFrom('__proto__', 'toString', '', 'x'.repeat(41), 'A', 1, null));
const serviceId = some(fc.oneof({ weight: 8, arbitrary: fc.constantFrom('teller', 'advice') }, { weight: 1, arbitrary: fc.constantFrom('no-such', 'constructor') }), fc.constantFrom('__proto__', '', 7));
const ticket = some(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `T${i + 1}`)) }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', ' T1 ', '</script>') }), fc.constantFrom('', 'x'.repeat(65), 12));
const number = some(fc.constantFrom('A001', 'A002', 'B001', '<b>', 'A001 '), fc.constantFrom('', 'A0000000001', 3));
const type = <T extends string>(real: readonly T[], wrong: string[]) => some(fc.constantFrom(...real), fc.constantFrom(...wrong));

const counterStep = fc.record(
  { type: type(INGEST_COUNTER_TYPES, ['counter_reset', 'COUNTER_OPENED']), counter: counterId, at, eventId },
  { requiredKeys: ['type'] },
);
const ticketStep = fc.record(
  { type: type(INGEST_TYPES, ['cancelled', 'Issued']), ticket, number, service: serviceId, counter: counterId, at, eventId },
  { requiredKeys: ['type', 'ticket', 'number', 'service'] },
);
/** Now and then a field a step does not have. */
const withExtra = (step: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(step, some(fc.constant({}), fc.constantFrom({ ticket: 'T1' }, { extra: 1 }, { backInMinutes: 5 }))).map(([s, x]) => ({ ...s, ...x }));
const batch = fc.array(fc.oneof(withExtra(counterStep), withExtra(ticketStep), withExtra(ticketStep)), { minLength: 1, maxLength: 6 });

type Outcome = { status: string; ticketId?: string; counter?: string; error?: { code: string; message: string; field?: string } };

/** Checks one reply: a 400 naming a field under `events`, or a 200 with one well-formed outcome per step. */
function judge(events: unknown[], status: number, body: { ok: boolean; results?: Outcome[]; error?: { code: string; field?: string } }, what: string): Outcome[] | null {
  expect(status, what).toBeLessThan(500);
  if (!IngestBody.safeParse({ events }).success) {
    expect(status, what).toBe(400);
    expect(body.ok, what).toBe(false);
    expect(body.error?.field ?? '', what).toMatch(/^events(\.|$)/);
    return null;
  }
  expect(status, what).toBe(200);
  expect(body.results, what).toHaveLength(events.length);
  body.results!.forEach((r, i) => {
    expect(['applied', 'duplicate', 'superseded', 'rejected'], `${what} #${i}`).toContain(r.status);
    if (r.status === 'rejected') {
      expect(typeof r.error?.code, `${what} #${i}`).toBe('string');
      expect(r.error?.field ?? '', `${what} #${i} ${JSON.stringify(r)}`).toMatch(new RegExp(`^events\\.${i}\\.`));
    } else expect(r.ticketId ?? r.counter, `${what} #${i}`).toBeTruthy();
  });
  return body.results!;
}

describe('hostile input at the ingest endpoint, with a valid token', () => {
  it('bodies the schema refuses: a 400 naming the field, nothing changes', async () => {
    const before = (await state()).seq;
    const bodies = fc.sample(
      fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record({ events: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant([]), fc.array(fc.constant({ type: 'counter_opened', counter: '1', at: noon }), { minLength: 201, maxLength: 201 })) }),
        fc.record({ events: fc.constant([{ type: 'counter_opened', counter: '1', at: noon }]), extra: fc.jsonValue() }),
      ).filter((b) => !IngestBody.safeParse(b).success),
      { numRuns: 60, seed: 20261204 },
    );
    for (const b of bodies) {
      const res = await request(server.url).post(`/api/branches/${branch}/ingest`).set('Authorization', `Bearer ${secret}`).set('Content-Type', 'application/json').send(JSON.stringify(b));
      expect(res.status, JSON.stringify(b).slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(b).slice(0, 200)).toBeLessThan(500);
      expect(res.body.ok).toBe(false);
      expect(typeof res.body.error?.code).toBe('string');
    }
    expect((await state()).seq).toBe(before);
    expect(server.unhandledErrors()).toEqual([]);
  });

  it(`${BATCHES} generated batches of counter steps and ticket steps: each step judged, the log the truth, sent again nothing changes`, { timeout: 240_000 }, async () => {
    const batches = fc.sample(batch, { numRuns: BATCHES, seed: 20261205 });
    const first: (Outcome[] | null)[] = [];
    for (const [i, events] of batches.entries()) {
      const res = await ingest(server, branch, secret, events);
      first.push(judge(events, res.status, res.body, `batch ${i} ${JSON.stringify(events).slice(0, 300)}`));
    }
    const outcomes = first.flat().filter((o): o is Outcome => o !== null);
    if (process.env.HOSTILE_DEBUG) console.log(JSON.stringify({ batches400: first.filter((f) => !f).length, codes: outcomes.map((o) => o.error?.code ?? o.status).reduce((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {} as Record<string, number>) }));
    const count = (s: string) => outcomes.filter((o) => o.status === s).length;
    // The generator reaches every kind of outcome, counter steps and late issues among them.
    expect(count('applied')).toBeGreaterThan(20);
    for (const s of ['duplicate', 'superseded', 'rejected']) expect(count(s), s).toBeGreaterThan(0);
    const log = await server.store.readSince(branch, 0, 100_000);
    for (const type of ['CounterOpened', 'CounterPaused', 'CounterClosed', 'TicketIssueCorrected']) expect(log.some((e) => e.type === type), type).toBe(true);
    expect(server.unhandledErrors()).toEqual([]);

    // The cache is what the log folds to; no ticket in the branch or in its history was called before its issue.
    const cached = await state();
    server.states.dropCache();
    expect(JSON.stringify(await state())).toBe(JSON.stringify(cached));
    for (const t of Object.values(cached.tickets)) if (t.calledAt !== null) expect(t.calledAt, t.id).toBeGreaterThanOrEqual(t.issuedAt);
    for (const [id, c] of Object.entries(cached.counters)) {
      if (!c.ticketId) continue;
      expect(cached.tickets[c.ticketId], `counter ${id}`).toMatchObject({ status: 'called', counterId: id });
    }
    await server.history.caughtUp(branch);
    const records = (await server.sql.all<{ record: string }>('SELECT record FROM history_tickets WHERE branch_id = ?', [branch])).map((r) => JSON.parse(r.record) as TicketRecord);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) if (r.waitMs !== null) expect(r.waitMs, JSON.stringify(r)).toBeGreaterThanOrEqual(0);

    // Sent again, in the same order: nothing is applied twice. (A step refused the first time may
    // be taken now — the counter it needed is open by now — so only then may the log grow.)
    let retried = 0;
    for (const [i, events] of batches.entries()) {
      const res = await ingest(server, branch, again, events);
      const second = judge(events, res.status, res.body, `again ${i}`);
      if (!second) continue;
      second.forEach((o, j) => {
        if (first[i]![j]!.status === 'rejected') return void (retried += o.status === 'applied' ? 1 : 0);
        expect(o.status, `again ${i}#${j} ${JSON.stringify(events[j])} first ${JSON.stringify(first[i]![j])}`).not.toBe('applied');
      });
    }
    if (retried === 0) expect((await state()).seq).toBe(cached.seq);
    expect(server.unhandledErrors()).toEqual([]);
    console.log(`hostile ingest: ${batches.length} batches, ${outcomes.length} steps; ${JSON.stringify({ applied: count('applied'), duplicate: count('duplicate'), superseded: count('superseded'), rejected: count('rejected') })}`);
  });
});

/** What the generated run found: a counter's steps judged against the counter's later steps, and judged once. */
describe('a counter step from the queue system that came late', () => {
  const counterBranch = async (id: string) => {
    await server.commands.openBranch(id, { ...DEMO_BRANCH, id, timezone: TZ }, { role: 'system' });
    return (await integrationSecret(server, id)).secret;
  };
  const statusOf = async (id: string, token: string, events: unknown[]) => (await ingest(server, id, token, events).expect(200)).body.results.map((r: Outcome) => r.status);

  it('superseded, then sent again after the counter moved on: superseded again, not applied', async () => {
    const id = 'late-counter-a';
    const token = await counterBranch(id);
    // Counter 4 calls at 11:50; its "opened" of 11:40 arrives after: superseded.
    expect(await statusOf(id, token, [{ type: 'called', ticket: 'K1', number: 'A001', service: 'teller', counter: '4', at: noon - 10 * MIN }])).toEqual(['applied']);
    const late = { type: 'counter_opened', counter: '4', at: noon - 20 * MIN, eventId: 'open-4' };
    expect(await statusOf(id, token, [late])).toEqual(['superseded']);
    // The counter closes (its customer finished); the queue system retries the batch with the late "opened".
    expect(await statusOf(id, token, [{ type: 'counter_closed', counter: '4', at: noon - 5 * MIN }])).toEqual(['applied']);
    expect(await statusOf(id, token, [late])).toEqual(['superseded']);
    expect((await server.states.get(id))!.counters['4']).toMatchObject({ status: 'closed' });
  });

  it('an "opened" that happened before the counter\'s "closed" but arrives after it does not open the counter again', async () => {
    const id = 'late-counter-b';
    const token = await counterBranch(id);
    expect(await statusOf(id, token, [{ type: 'counter_opened', counter: '2', at: noon - 30 * MIN }, { type: 'counter_closed', counter: '2', at: noon - 5 * MIN }])).toEqual(['applied', 'applied']);
    expect(await statusOf(id, token, [{ type: 'counter_opened', counter: '2', at: noon - 10 * MIN }])).toEqual(['superseded']);
    expect((await server.states.get(id))!.counters['2']).toMatchObject({ status: 'closed' });
    // One after it is applied.
    expect(await statusOf(id, token, [{ type: 'counter_paused', counter: '2', at: noon - 4 * MIN }, { type: 'counter_opened', counter: '2', at: noon - 3 * MIN }])).toEqual(['applied', 'applied']);
    expect((await server.states.get(id))!.counters['2']).toMatchObject({ status: 'open' });
    // However many late steps were turned away since, the time of its latest is kept.
    const late = Array.from({ length: 40 }, (_, i) => ({ type: 'counter_closed', counter: '2', at: noon - 60 * MIN + i * 1000 }));
    expect(new Set(await statusOf(id, token, late))).toEqual(new Set(['superseded']));
    expect(await statusOf(id, token, [{ type: 'counter_closed', counter: '2', at: noon - 30 * MIN }])).toEqual(['superseded']);
    expect((await server.states.get(id))!.counters['2']).toMatchObject({ status: 'open' });
  });
});
