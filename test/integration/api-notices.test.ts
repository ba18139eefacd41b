import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE, type Notice } from '../../core';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { branchState, key, loginAs, removeDir, startTestServer } from '../support/server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;

let server: TestServer;
let teller: Agent;

const computerFault = DEMO_BRANCH.presets.find((p) => p.id === 'computer-fault')!;
const systemDown = DEMO_BRANCH.presets.find((p) => p.id === 'system-down')!;

const post = (body: unknown, idem: string = key()) => teller.post('/api/branches/demo/notices').set('Idempotency-Key', idem).send(body as object);
const patch = (id: string, body: unknown, idem: string = key()) =>
  teller.patch(`/api/branches/demo/notices/${id}`).set('Idempotency-Key', idem).send(body as object);
const resolve = (id: string, body: unknown = {}, idem: string = key()) =>
  teller.post(`/api/branches/demo/notices/${id}/resolve`).set('Idempotency-Key', idem).send(body as object);

const state = () => branchState(server.url);
async function noticeInState(id: string): Promise<Notice | undefined> {
  return (await state()).notices.find((n) => n.id === id);
}
/** Posts a typed branch notice and returns its id. */
async function aNotice(): Promise<string> {
  const res = await post({ cause: 'high_demand', effect: 'slower_service', text: { en: 'Busy morning.' } });
  expect(res.status).toBe(201);
  return res.body.notice.id as string;
}

beforeAll(async () => {
  server = await startTestServer();
  teller = await loginAs(server.url, 'teller2');
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});
// Each test starts from a board without active notices: the same preset may not be up twice for one place.
beforeEach(async () => {
  for (const n of (await state()).notices.filter((x) => x.status === 'active')) {
    expect((await resolve(n.id)).status).toBe(200);
  }
});

describe('POST /api/branches/:branch/notices', () => {
  it('from the computer-fault preset at counter 2: scope counters [2], expected end in about 10 minutes, text and apology from the preset', async () => {
    const t0 = Date.now();
    const res = await post({ presetId: 'computer-fault', counterId: '2' });
    const t1 = Date.now();
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(res.body).toMatchObject({ ok: true, events: ['NoticePosted'] });
    const n = res.body.notice as Notice;
    expect(n).toMatchObject({
      presetId: 'computer-fault',
      cause: 'technical_problem',
      effect: 'counter_closed',
      scope: { type: 'counters', ids: ['2'] },
      text: computerFault.text,
      apologise: true,
      status: 'active',
      updates: [],
      resolution: null,
    });
    expect(n.expectedEndAt).toBeGreaterThanOrEqual(t0 + 10 * MINUTE);
    expect(n.expectedEndAt).toBeLessThanOrEqual(t1 + 10 * MINUTE);
    expect(n.startedAt).toBeGreaterThanOrEqual(t0);

    const s = await state();
    expect(s.seq).toBe(res.body.seq);
    expect(s.notices.find((x) => x.id === n.id)).toEqual(n);
  });

  it('expectedInMinutes: null overrides the preset default: "we do not know yet"', async () => {
    const res = await post({ presetId: 'computer-fault', counterId: '1', expectedInMinutes: null });
    expect(res.status).toBe(201);
    expect(res.body.notice.expectedEndAt).toBeNull();
    expect((await noticeInState(res.body.notice.id))!.expectedEndAt).toBeNull();
  });

  it('expectedInMinutes and expectedEndAt set the expected end; a branch preset has branch scope', async () => {
    const t0 = Date.now();
    const inMinutes = await post({ presetId: 'system-down', expectedInMinutes: 25 });
    expect(inMinutes.status).toBe(201);
    expect(inMinutes.body.notice.scope).toEqual({ type: 'branch' });
    expect(inMinutes.body.notice.text).toEqual(systemDown.text);
    expect(inMinutes.body.notice.expectedEndAt).toBeGreaterThanOrEqual(t0 + 25 * MINUTE);
    expect(inMinutes.body.notice.expectedEndAt).toBeLessThanOrEqual(Date.now() + 25 * MINUTE);

    // The same preset for the same place is refused while it is up; resolved, it may be posted again.
    expect((await post({ presetId: 'system-down' })).body.error.code).toBe('duplicate_notice');
    await resolve(inMinutes.body.notice.id);
    const at = Date.now() + 3 * 60 * MINUTE;
    const endAt = await post({ presetId: 'system-down', expectedEndAt: at });
    expect(endAt.body.notice.expectedEndAt).toBe(at);
    await resolve(endAt.body.notice.id);

    // system-down has no default duration.
    expect((await post({ presetId: 'system-down' })).body.notice.expectedEndAt).toBeNull();
  });

  it('fields given with a preset win over the preset', async () => {
    const res = await post({ presetId: 'computer-fault', counterId: '3', apologise: false, text: { en: 'Counter 3 is being repaired.' }, effect: 'reduced_service' });
    expect(res.status).toBe(201);
    expect(res.body.notice).toMatchObject({ presetId: 'computer-fault', apologise: false, text: { en: 'Counter 3 is being repaired.' }, effect: 'reduced_service', cause: 'technical_problem' });
  });

  it('a typed notice: branch scope by default, counters scope from counterId, or an explicit services scope', async () => {
    const branchWide = await post({ cause: 'other', effect: 'info', text: { it: 'Oggi chiudiamo alle 13.', en: 'We close at 1 pm today.' } });
    expect(branchWide.status).toBe(201);
    expect(branchWide.body.notice).toMatchObject({ presetId: null, cause: 'other', effect: 'info', scope: { type: 'branch' }, apologise: false, expectedEndAt: null });

    const atCounter = await post({ cause: 'long_transaction', effect: 'slower_service', text: { en: 'A long one.' }, counterId: '4' });
    expect(atCounter.body.notice.scope).toEqual({ type: 'counters', ids: ['4'] });

    const services = await post({ cause: 'staff_shortage', effect: 'reduced_service', text: { en: 'Fewer advisers today.' }, scope: { type: 'services', ids: ['advice'] }, apologise: true });
    expect(services.body.notice).toMatchObject({ scope: { type: 'services', ids: ['advice'] }, apologise: true });
  });

  it('a retry with the same key and body posts one notice and gets the same reply, marked replayed', async () => {
    const k = key();
    const body = { presetId: 'cash-machine' };
    const first = await post(body, k);
    expect(first.status).toBe(201);
    const seq = (await state()).seq;

    const retry = await post(body, k);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const s = await state();
    expect(s.seq).toBe(seq);
    expect(s.notices.filter((n) => n.presetId === 'cash-machine')).toHaveLength(1);
  });

  it('409 idempotency_key_reused for the same key with another body', async () => {
    const k = key();
    expect((await post({ presetId: 'busy-now' }, k)).status).toBe(201);
    const seq = (await state()).seq;
    const res = await post({ presetId: 'busy-now', expectedInMinutes: 45 }, k);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'idempotency_key_reused', field: 'Idempotency-Key' } });
    expect((await state()).seq).toBe(seq);
  });

  it.each([
    ['an unknown preset', { presetId: 'alien-invasion' }, 'unknown_preset', 'presetId'],
    ['a counter preset without counterId', { presetId: 'computer-fault' }, 'required', 'counterId'],
    ['an unknown counter', { presetId: 'computer-fault', counterId: '9' }, 'unknown_counter', 'counterId'],
    ['counterId as a number', { presetId: 'computer-fault', counterId: 2 }, 'invalid', 'counterId'],
    ['no cause and no preset', { effect: 'info', text: { en: 'x' } }, 'required', 'cause'],
    ['no effect and no preset', { cause: 'other', text: { en: 'x' } }, 'required', 'effect'],
    ['no text and no preset', { cause: 'other', effect: 'info' }, 'required', 'text'],
    ['a cause outside the list', { cause: 'gremlins', effect: 'info', text: { en: 'x' } }, 'invalid', 'cause'],
    ['an effect outside the list', { cause: 'other', effect: 'chaos', text: { en: 'x' } }, 'invalid', 'effect'],
    ['text in no language', { cause: 'other', effect: 'info', text: {} }, 'invalid', 'text'],
    ['text with a bad language tag', { cause: 'other', effect: 'info', text: { English: 'x' } }, 'invalid', 'text.English'],
    ['blank text', { cause: 'other', effect: 'info', text: { en: '   ' } }, 'invalid', 'text.en'],
    ['text over 280 characters', { cause: 'other', effect: 'info', text: { en: 'x'.repeat(281) } }, 'invalid', 'text.en'],
    ['text as a plain string', { cause: 'other', effect: 'info', text: 'hello' }, 'invalid', 'text'],
    ['an unknown scope type', { presetId: 'busy-now', scope: { type: 'planet' } }, 'invalid', 'scope.type'],
    ['an empty counters scope', { presetId: 'busy-now', scope: { type: 'counters', ids: [] } }, 'invalid', 'scope.ids'],
    ['an unknown counter in the scope', { presetId: 'busy-now', scope: { type: 'counters', ids: ['1', '7'] } }, 'unknown_scope', 'scope.ids.1'],
    ['an unknown service in the scope', { presetId: 'busy-now', scope: { type: 'services', ids: ['loans'] } }, 'unknown_scope', 'scope.ids.0'],
    ['apologise as a string', { presetId: 'busy-now', apologise: 'yes' }, 'invalid', 'apologise'],
    ['expectedInMinutes 0', { presetId: 'busy-now', expectedInMinutes: 0 }, 'invalid', 'expectedInMinutes'],
    ['expectedInMinutes as a string', { presetId: 'busy-now', expectedInMinutes: '10' }, 'invalid', 'expectedInMinutes'],
    ['expectedEndAt in the past', { presetId: 'busy-now', expectedEndAt: 1_000 }, 'in_the_past', 'expectedEndAt'],
    ['an unknown field', { presetId: 'busy-now', severity: 'high' }, 'invalid', 'severity'],
    ['a notice id chosen by the client', { presetId: 'busy-now', id: 'my-own-notice-id' }, 'invalid', 'id'],
  ])('400 for %s, naming the field', async (_name, body, code, field) => {
    const seq = (await state()).seq;
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code, field, message: expect.any(String) } });
    expect((await state()).seq).toBe(seq);
  });

  it('404 unknown_branch is not reachable for a teller of another branch: 403 first (no probing of branch ids)', async () => {
    const res = await teller.post('/api/branches/no-such-branch/notices').set('Idempotency-Key', key()).send({ presetId: 'busy-now' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('PATCH /api/branches/:branch/notices/:id', () => {
  it('a new text adds an entry to updates and replaces the text', async () => {
    const id = await aNotice();
    const res = await patch(id, { text: { en: 'Still busy, two more counters open now.' } });
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual(['NoticeUpdated']);
    expect(res.body.notice.text).toEqual({ en: 'Still busy, two more counters open now.' });
    expect(res.body.notice.updates).toEqual([{ at: expect.any(Number), text: { en: 'Still busy, two more counters open now.' } }]);
    expect(await noticeInState(id)).toEqual(res.body.notice);
  });

  it('expectedInMinutes moves the expected end to about now + N and records it; null makes it unknown', async () => {
    const id = await aNotice();
    const t0 = Date.now();
    const later = await patch(id, { expectedInMinutes: 20 });
    expect(later.status).toBe(200);
    const end = later.body.notice.expectedEndAt as number;
    expect(end).toBeGreaterThanOrEqual(t0 + 20 * MINUTE);
    expect(end).toBeLessThanOrEqual(Date.now() + 20 * MINUTE);
    expect(later.body.notice.updates).toEqual([{ at: expect.any(Number), expectedEndAt: end }]);

    const unknown = await patch(id, { expectedInMinutes: null });
    expect(unknown.body.notice.expectedEndAt).toBeNull();
    expect(unknown.body.notice.updates).toHaveLength(2);
    expect(unknown.body.notice.updates[1]).toEqual({ at: expect.any(Number), expectedEndAt: null });

    const at = Date.now() + 90 * MINUTE;
    const exact = await patch(id, { expectedEndAt: at, text: { en: 'Back to normal by lunch.' } });
    expect(exact.body.notice).toMatchObject({ expectedEndAt: at, text: { en: 'Back to normal by lunch.' } });
    expect(exact.body.notice.updates[2]).toEqual({ at: expect.any(Number), expectedEndAt: at, text: { en: 'Back to normal by lunch.' } });
    expect((await noticeInState(id))!.updates).toHaveLength(3);
  });

  it('a retried update is applied once', async () => {
    const id = await aNotice();
    const k = key();
    const first = await patch(id, { text: { en: 'Update one.' } }, k);
    const retry = await patch(id, { text: { en: 'Update one.' } }, k);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await noticeInState(id))!.updates).toHaveLength(1);
    expect((await state()).seq).toBe(first.body.seq);

    const reused = await patch(id, { text: { en: 'Update two.' } }, k);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it.each([
    ['an empty body', {}, 'invalid', 'text'],
    ['expectedInMinutes 0', { expectedInMinutes: 0 }, 'invalid', 'expectedInMinutes'],
    ['expectedInMinutes as a string', { expectedInMinutes: '5' }, 'invalid', 'expectedInMinutes'],
    ['expectedEndAt in the past', { expectedEndAt: Date.now() - MINUTE }, 'in_the_past', 'expectedEndAt'],
    ['blank text', { text: { en: '' } }, 'invalid', 'text.en'],
    ['a change of cause', { cause: 'other' }, 'invalid', 'cause'],
  ])('400 for %s, naming the field', async (_name, body, code, field) => {
    const id = await aNotice();
    const res = await patch(id, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code, field } });
    expect((await noticeInState(id))!.updates).toEqual([]);
  });

  it('404 unknown_notice for an id the branch never had; 400 for an id that cannot be one', async () => {
    const unknown = await patch('00000000-0000-4000-8000-000000000000', { text: { en: 'x' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'unknown_notice' } });
    const bad = await patch('short', { text: { en: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'id' } });
  });

  it('409 notice_resolved once the notice is resolved', async () => {
    const id = await aNotice();
    expect((await resolve(id)).status).toBe(200);
    const res = await patch(id, { expectedInMinutes: 5 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'notice_resolved' } });
  });
});

describe('POST /api/branches/:branch/notices/:id/resolve', () => {
  it('resolves: status resolved with a resolution (closing text and apology); the notice stays in the state', async () => {
    const id = (await post({ presetId: 'computer-fault', counterId: '2' })).body.notice.id as string;
    const t0 = Date.now();
    const closing = { it: 'Lo sportello 2 funziona di nuovo. Grazie per l’attesa.', en: 'Counter 2 is working again. Thank you for waiting.' };
    const res = await resolve(id, { text: closing, apologise: true });
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual(['NoticeResolved']);
    expect(res.body.notice).toMatchObject({ status: 'resolved', resolution: { at: expect.any(Number), text: closing, apologise: true } });
    expect(res.body.notice.resolution.at).toBeGreaterThanOrEqual(t0);
    expect(await noticeInState(id)).toEqual(res.body.notice);
  });

  it('a closing text typed in one language of two is a note marked with its language, not the text', async () => {
    const id = (await post({ presetId: 'computer-fault', counterId: '3' })).body.notice.id as string;
    const res = await resolve(id, { text: { en: 'Counter 3 is working again.' } });
    expect(res.body.notice.resolution).toMatchObject({ text: null, note: { en: 'Counter 3 is working again.' } });
  });

  it('with an empty body: no closing text, and the apology the branch would offer (none while the promise was kept)', async () => {
    // Advice has no promise: a fault of the branch's own is apologised for.
    const apologetic = (await post({ cause: 'technical_problem', effect: 'slower_service', scope: { type: 'services', ids: ['advice'] }, text: { en: 'Printer down.' } })).body.notice.id as string;
    expect((await resolve(apologetic)).body.notice.resolution).toEqual({ at: expect.any(Number), text: null, apologise: true });
    // Counter 1 serves Cassa, whose 15-minute promise the demo keeps: an apology for a normal wait would read as insincere.
    const kept = (await post({ presetId: 'computer-fault', counterId: '1' })).body.notice.id as string;
    expect((await resolve(kept)).body.notice.resolution).toEqual({ at: expect.any(Number), text: null, apologise: false });
    const plain = await aNotice();
    expect((await resolve(plain, { text: null })).body.notice.resolution).toEqual({ at: expect.any(Number), text: null, apologise: false });
  });

  it('a retried resolve gets the same 200 reply (not 409), marked replayed, and logs nothing', async () => {
    const id = await aNotice();
    const k = key();
    const first = await resolve(id, { apologise: false }, k);
    expect(first.status).toBe(200);
    const retry = await resolve(id, { apologise: false }, k);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await state()).seq).toBe(first.body.seq);
  });

  it('409 notice_resolved for a second resolve with a new key', async () => {
    const id = await aNotice();
    await resolve(id);
    const seq = (await state()).seq;
    const res = await resolve(id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'notice_resolved' } });
    expect((await state()).seq).toBe(seq);
  });

  it('404 unknown_notice; 400 for a bad id or body, naming the field', async () => {
    const unknown = await resolve('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'unknown_notice' } });

    const id = await aNotice();
    for (const [body, field] of [
      [{ apologise: 'sure' }, 'apologise'],
      [{ text: 'Fixed.' }, 'text'],
      [{ text: { en: '' } }, 'text.en'],
      [{ reason: 'fixed' }, 'reason'],
    ] as const) {
      const res = await resolve(id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body, JSON.stringify(body)).toMatchObject({ ok: false, error: { code: 'invalid', field } });
    }
    expect((await noticeInState(id))!.status).toBe('active');

    const badId = await resolve('not a notice id!');
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'id' } });
  });
});
