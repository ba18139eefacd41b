import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../core';
import { hashPassword } from '../../server/auth/passwords';
import { Users } from '../../server/auth/users';
import { branchState, key, loginAs, removeDir, startTestServer, openDemoBranch } from '../support/server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;

let server: TestServer;
let teller: Agent;
let branchNo = 0;

/** A new branch with the demo configuration (counters 1–4 closed, queues empty): one per test, so tests never share a queue. */
async function freshBranch(): Promise<string> {
  return openDemoBranch(server, `counters-${++branchNo}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function issue(branch: string, service: string): Promise<{ id: string; number: string }> {
  const res = await request(server.url).post(`/api/branches/${branch}/tickets`).set('Idempotency-Key', key()).send({ service });
  expect(res.status).toBe(201);
  return res.body.ticket;
}

const act = (branch: string, counter: string, action: string, body: unknown = {}, idem: string = key()) =>
  teller.post(`/api/branches/${branch}/counters/${counter}/${action}`).set('Idempotency-Key', idem).send(body as object);

const stateOf = (branch: string) => branchState(server.url, branch);

beforeAll(async () => {
  server = await startTestServer({ ticketsPerMinute: 10_000 });
  // A teller of every branch, so each test can have a branch of its own.
  await new Users(server.sql).create({ username: 'floater', name: 'Floating teller', role: 'teller', branches: ['*'] }, await hashPassword('floater-pass'), Date.now());
  teller = await loginAs(server.url, 'floater', 'floater-pass');
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe('call-next', () => {
  it('on a closed counter opens it and calls the first waiting ticket', async () => {
    const b = await freshBranch();
    expect((await stateOf(b)).counters['1']!.status).toBe('closed');
    const a1 = await issue(b, 'teller');
    const res = await act(b, '1', 'call-next');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, events: ['CounterOpened', 'TicketCalled'], counter: { id: '1', status: 'open', ticketId: a1.id, backAt: null } });

    const s = await stateOf(b);
    expect(s.seq).toBe(res.body.seq);
    expect(s.counters['1']).toMatchObject({ status: 'open', ticketId: a1.id });
    expect(s.tickets[a1.id]).toMatchObject({ status: 'called', counterId: '1', calledAt: expect.any(Number) });
    expect(s.queues.teller).toEqual([]);
    expect(s.calls[0]).toMatchObject({ ticketId: a1.id, number: 'A001', counterId: '1', recall: false });
  });

  it('on an open counter does not open it again', async () => {
    const b = await freshBranch();
    expect((await act(b, '2', 'open')).status).toBe(200);
    await issue(b, 'teller');
    const res = await act(b, '2', 'call-next');
    expect(res.body.events).toEqual(['TicketCalled']);
  });

  it('takes the longest-waiting ticket across the services of the counter, whatever their order', async () => {
    const b = await freshBranch();
    const b1 = await issue(b, 'advice');
    const a1 = await issue(b, 'teller');
    const b2 = await issue(b, 'advice');
    const a2 = await issue(b, 'teller');

    // Counter 4 lists advice first, but A001 has waited longer than B002.
    expect((await act(b, '3', 'call-next')).body.counter.ticketId).toBe(b1.id);
    expect((await act(b, '4', 'call-next')).body.counter.ticketId).toBe(a1.id);
    // Counter 1 serves the teller queue only: it skips B002.
    expect((await act(b, '1', 'call-next')).body.counter.ticketId).toBe(a2.id);
    const s = await stateOf(b);
    expect(s.queues).toEqual({ teller: [], advice: [b2.id] });
    // Nothing left for counter 2's service.
    const empty = await act(b, '2', 'call-next');
    expect(empty.status).toBe(409);
    expect(empty.body).toMatchObject({ ok: false, error: { code: 'queue_empty' } });
  });

  it('while serving ends the current ticket and calls the next', async () => {
    const b = await freshBranch();
    const a1 = await issue(b, 'teller');
    const a2 = await issue(b, 'teller');
    await act(b, '1', 'call-next');
    const res = await act(b, '1', 'call-next');
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual(['ServiceEnded', 'TicketCalled']);
    expect(res.body.counter.ticketId).toBe(a2.id);

    const s = await stateOf(b);
    expect(s.tickets[a1.id]).toBeUndefined();
    expect(s.tickets[a2.id]).toMatchObject({ status: 'called', counterId: '1' });
    expect(s.today.served).toBe(1);
    expect(s.calls.filter((c) => c.counterId === '1').map((c) => c.number)).toEqual(['A002']);
  });

  it('409 queue_empty with nobody waiting: nothing changes, not even the ticket being served', async () => {
    const b = await freshBranch();
    const closed = await act(b, '1', 'call-next');
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({ ok: false, error: { code: 'queue_empty', message: expect.any(String) } });
    expect((await stateOf(b)).counters['1']!.status).toBe('closed');

    const a1 = await issue(b, 'teller');
    await act(b, '1', 'call-next');
    const seq = (await stateOf(b)).seq;
    const again = await act(b, '1', 'call-next');
    expect(again.status).toBe(409);
    const s = await stateOf(b);
    expect(s.seq).toBe(seq);
    expect(s.counters['1']!.ticketId).toBe(a1.id);
  });

  it('from a paused counter opens it and clears the time it was due back', async () => {
    const b = await freshBranch();
    await issue(b, 'teller');
    expect((await act(b, '1', 'pause', { backInMinutes: 5 })).status).toBe(200);
    const res = await act(b, '1', 'call-next');
    expect(res.body.events).toEqual(['CounterOpened', 'TicketCalled']);
    expect(res.body.counter).toMatchObject({ status: 'open', backAt: null });
  });
});

describe('recall, done, no-show', () => {
  it('recall calls the same ticket again, counted and announced as a recall', async () => {
    const b = await freshBranch();
    const a1 = await issue(b, 'teller');
    await act(b, '2', 'call-next');
    const res = await act(b, '2', 'recall');
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual(['TicketRecalled']);
    expect(res.body.counter).toMatchObject({ ticketId: a1.id, status: 'open' });
    const s = await stateOf(b);
    expect(s.tickets[a1.id]!.recalls).toBe(1);
    expect(s.calls[0]).toMatchObject({ ticketId: a1.id, counterId: '2', recall: true });
  });

  it('done ends the service: the ticket leaves, the counter stays open and free, served counts it', async () => {
    const b = await freshBranch();
    const a1 = await issue(b, 'teller');
    await act(b, '1', 'call-next');
    const res = await act(b, '1', 'done');
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual(['ServiceEnded']);
    expect(res.body.counter).toMatchObject({ status: 'open', ticketId: null });
    const s = await stateOf(b);
    expect(s.tickets[a1.id]).toBeUndefined();
    expect(s.today).toMatchObject({ served: 1, noShow: 0 });
  });

  it('no-show lets the ticket go and counts it as absent, not served', async () => {
    const b = await freshBranch();
    const a1 = await issue(b, 'teller');
    await act(b, '1', 'call-next');
    const res = await act(b, '1', 'no-show');
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual(['TicketNoShow']);
    expect(res.body.counter.ticketId).toBeNull();
    const s = await stateOf(b);
    expect(s.tickets[a1.id]).toBeUndefined();
    expect(s.today).toMatchObject({ served: 0, noShow: 1 });
  });

  it.each(['recall', 'done', 'no-show'])('%s without a ticket at the counter: 409 no_current_ticket', async (action) => {
    const b = await freshBranch();
    await issue(b, 'teller'); // someone waits, but nobody is at counter 1
    const seq = (await stateOf(b)).seq;
    const res = await act(b, '1', action);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'no_current_ticket' } });
    expect((await stateOf(b)).seq).toBe(seq);
  });
});

describe('open, pause, close', () => {
  it('open opens a closed counter; opening an open one is a no-op that logs nothing', async () => {
    const b = await freshBranch();
    const first = await act(b, '3', 'open');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ events: ['CounterOpened'], counter: { status: 'open', backAt: null, ticketId: null } });
    const again = await act(b, '3', 'open');
    expect(again.status).toBe(200);
    expect(again.body.events).toEqual([]);
    expect(again.body.seq).toBe(first.body.seq);
    expect((await stateOf(b)).seq).toBe(first.body.seq);
  });

  it('pause with backInMinutes sets backAt to about now + N minutes', async () => {
    const b = await freshBranch();
    const t0 = Date.now();
    const res = await act(b, '2', 'pause', { backInMinutes: 15 });
    const t1 = Date.now();
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual(['CounterPaused']);
    const backAt = res.body.counter.backAt as number;
    expect(backAt).toBeGreaterThanOrEqual(t0 + 15 * MINUTE);
    expect(backAt).toBeLessThanOrEqual(t1 + 15 * MINUTE);
    expect((await stateOf(b)).counters['2']).toMatchObject({ status: 'paused', backAt });
  });

  it('pause with backAt keeps that time; with no time (or null) says "back at an unknown time"', async () => {
    const b = await freshBranch();
    const at = Date.now() + 42 * MINUTE;
    expect((await act(b, '1', 'pause', { backAt: at })).body.counter).toMatchObject({ status: 'paused', backAt: at });
    expect((await act(b, '2', 'pause', {})).body.counter).toMatchObject({ status: 'paused', backAt: null });
    expect((await act(b, '3', 'pause', { backInMinutes: null })).body.counter).toMatchObject({ status: 'paused', backAt: null });
    const s = await stateOf(b);
    expect(s.counters['1']!.backAt).toBe(at);
    expect(s.counters['2']!.backAt).toBeNull();
  });

  it('pause while serving keeps the customer at the counter; finishCurrent ends the ticket first', async () => {
    const b = await freshBranch();
    const a1 = await issue(b, 'teller');
    await act(b, '1', 'call-next');
    const kept = await act(b, '1', 'pause', { backInMinutes: 10 });
    expect(kept.body.events).toEqual(['CounterPaused']);
    expect((await stateOf(b)).counters['1']).toMatchObject({ status: 'paused', ticketId: a1.id });
    await act(b, '1', 'open');
    const res = await act(b, '1', 'pause', { backInMinutes: 10, finishCurrent: true });
    expect(res.body.events).toEqual(['ServiceEnded', 'CounterPaused']);
    const s = await stateOf(b);
    expect(s.tickets[a1.id]).toBeUndefined();
    expect(s.counters['1']).toMatchObject({ status: 'paused', ticketId: null });
  });

  it.each([
    ['backAt in the past', { backAt: Date.now() - MINUTE }, 'in_the_past', 'backAt'],
    ['backInMinutes 0', { backInMinutes: 0 }, 'invalid', 'backInMinutes'],
    ['backInMinutes over a day', { backInMinutes: 24 * 60 + 1 }, 'invalid', 'backInMinutes'],
    ['backInMinutes not whole', { backInMinutes: 1.5 }, 'invalid', 'backInMinutes'],
    ['backInMinutes as a string', { backInMinutes: '10' }, 'invalid', 'backInMinutes'],
    ['backAt as a date string', { backAt: '2030-01-01T10:00:00Z' }, 'invalid', 'backAt'],
    ['backAt negative', { backAt: -1 }, 'invalid', 'backAt'],
    ['an unknown field', { backInMinutes: 5, reason: 'lunch' }, 'invalid', 'reason'],
  ])('pause: 400 for %s, naming the field', async (_name, body, code, field) => {
    const b = await freshBranch();
    const res = await act(b, '1', 'pause', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code, field } });
    expect((await stateOf(b)).counters['1']!.status).toBe('closed');
  });

  it('close while serving ends the ticket, and takes the counter off the "now serving" board', async () => {
    const b = await freshBranch();
    const a1 = await issue(b, 'teller');
    await act(b, '1', 'call-next');
    expect((await stateOf(b)).calls.map((c) => c.counterId)).toEqual(['1']);
    const res = await act(b, '1', 'close');
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual(['ServiceEnded', 'CounterClosed']);
    expect(res.body.counter).toMatchObject({ status: 'closed', ticketId: null, backAt: null });
    const s = await stateOf(b);
    expect(s.tickets[a1.id]).toBeUndefined();
    expect(s.calls).toEqual([]);
    // Closing a closed, empty counter logs nothing.
    const again = await act(b, '1', 'close');
    expect(again.status).toBe(200);
    expect(again.body.events).toEqual([]);
  });

  it('close on a paused counter closes it and forgets its backAt', async () => {
    const b = await freshBranch();
    await act(b, '4', 'pause', { backInMinutes: 20 });
    const res = await act(b, '4', 'close');
    expect(res.body.events).toEqual(['CounterClosed']);
    expect(res.body.counter).toMatchObject({ status: 'closed', backAt: null });
  });
});

describe('counter commands: idempotency, 404s and validation', () => {
  it('a retried call-next (same key, same body) is applied once: same reply, replayed, the next ticket still waits', async () => {
    const b = await freshBranch();
    const a1 = await issue(b, 'teller');
    const a2 = await issue(b, 'teller');
    const k = key();
    const first = await act(b, '1', 'call-next', {}, k);
    expect(first.status).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const seq = (await stateOf(b)).seq;

    const retry = await act(b, '1', 'call-next', {}, k);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const s = await stateOf(b);
    expect(s.seq).toBe(seq);
    expect(s.counters['1']!.ticketId).toBe(a1.id);
    expect(s.queues.teller).toEqual([a2.id]);
    expect(s.today.served).toBe(0);
  });

  it('a retried pause keeps the first backAt', async () => {
    const b = await freshBranch();
    const k = key();
    const first = await act(b, '2', 'pause', { backInMinutes: 10 }, k);
    await sleep(5);
    const retry = await act(b, '2', 'pause', { backInMinutes: 10 }, k);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.counter.backAt).toBe(first.body.counter.backAt);
    expect((await stateOf(b)).seq).toBe(first.body.seq);
  });

  it('409 idempotency_key_reused for the same key with another body, action or counter', async () => {
    const b = await freshBranch();
    const k = key();
    expect((await act(b, '2', 'pause', { backInMinutes: 10 }, k)).status).toBe(200);
    const seq = (await stateOf(b)).seq;
    for (const [counter, action, body] of [
      ['2', 'pause', { backInMinutes: 11 }],
      ['2', 'open', {}],
      ['3', 'pause', { backInMinutes: 10 }],
    ] as const) {
      const res = await act(b, counter, action, body, k);
      expect(res.status, `${counter}/${action}`).toBe(409);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'idempotency_key_reused', field: 'Idempotency-Key' } });
    }
    expect((await stateOf(b)).seq).toBe(seq);
  });

  it('404 unknown_counter for a counter the branch does not have; 400 for a counter id that cannot be one', async () => {
    const b = await freshBranch();
    const unknown = await act(b, '9', 'open');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'unknown_counter' } });
    const bad = await act(b, 'Counter%201', 'open');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'counter' } });
  });

  it.each(['dance', 'CALL_NEXT', 'reopen', 'constructor'])('404 unknown_action for /counters/1/%s', async (action) => {
    const b = await freshBranch();
    const res = await act(b, '1', action);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'unknown_action' } });
  });

  it('404 unknown_branch for a branch that does not exist (for staff of every branch)', async () => {
    const res = await act('no-such-branch', '1', 'open');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'unknown_branch' } });
  });

  it.each(['call-next', 'recall', 'done', 'no-show', 'open', 'close'])('%s takes no fields: 400 naming an unknown one', async (action) => {
    const b = await freshBranch();
    const res = await act(b, '1', action, { force: true });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'force' } });
  });

  it('an empty body (no Content-Type at all) is fine for the actions that take no fields', async () => {
    const b = await freshBranch();
    const res = await teller.post(`/api/branches/${b}/counters/1/open`).set('Idempotency-Key', key());
    expect(res.status).toBe(200);
    expect(res.body.counter.status).toBe('open');
  });
});

describe('a counter and its counter-closed notice say the same thing', () => {
  const notice = (b: string, body: unknown) => teller.post(`/api/branches/${b}/notices`).set('Idempotency-Key', key()).send(body as object);

  it('call-next at counter 2 under its "counter closed" notice resolves the notice (reason in the log) and opens the counter', async () => {
    const b = await freshBranch();
    await issue(b, 'teller');
    expect((await act(b, '2', 'open')).status).toBe(200);
    expect((await notice(b, { presetId: 'computer-fault', counterId: '2' })).status).toBe(201);
    const res = await act(b, '2', 'call-next');
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual(['NoticeResolved', 'CounterOpened', 'TicketCalled']);
    const s = await stateOf(b);
    expect(s.counters['2']!.status).toBe('open');
    expect(s.notices.filter((n) => n.status === 'active')).toEqual([]);
  });

  it('a notice that also closes another counter goes on for it: the call takes this counter out of it, and the board says both', async () => {
    const b = await freshBranch();
    await issue(b, 'teller');
    for (const c of ['2', '3']) expect((await act(b, c, 'open')).status).toBe(200);
    const posted = await notice(b, { presetId: 'computer-fault', scope: { type: 'counters', ids: ['2', '3'] } });
    expect(posted.status).toBe(201);
    const res = await act(b, '2', 'call-next');
    expect(res.status).toBe(200);
    const s = await stateOf(b);
    expect(s.counters['2']!.status).toBe('open');
    expect(s.counters['2']!.ticketId).not.toBeNull();
    expect(s.counters['3']!.status).toBe('paused');
    const still = s.notices.find((n) => n.id === posted.body.notice.id)!;
    expect(still.status).toBe('active');
    expect(still.scope).toEqual({ type: 'counters', ids: ['3'] });
    // Counter 3 working again ends it, and its pause with it.
    expect((await act(b, '3', 'open')).status).toBe(200);
    const after = await stateOf(b);
    expect(after.notices.find((n) => n.id === posted.body.notice.id)!.status).toBe('resolved');
    expect(after.counters['3']!.status).toBe('open');
  });

  it('a pause under the notice moves its expected end (one return time); resolving then leaves the teller’s pause', async () => {
    const b = await freshBranch();
    expect((await act(b, '2', 'open')).status).toBe(200);
    const posted = await notice(b, { presetId: 'computer-fault', counterId: '2' });
    const id = posted.body.notice.id as string;
    const paused = await act(b, '2', 'pause', { backInMinutes: 15 });
    expect(paused.status).toBe(200);
    expect(paused.body.events).toEqual(['NoticeUpdated', 'CounterPaused']);
    const s = await stateOf(b);
    expect(s.notices.find((n) => n.id === id)!.expectedEndAt).toBe(s.counters['2']!.backAt);
    const resolved = await teller.post(`/api/branches/${b}/notices/${id}/resolve`).set('Idempotency-Key', key()).send({});
    expect(resolved.status).toBe(200);
    expect(resolved.body.events).toEqual(['NoticeResolved']);
    expect((await stateOf(b)).counters['2']!.status).toBe('paused');
  });
});
