import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/passwords';
import { Users } from '../../server/auth/users';
import { branchState, key, loginAs, removeDir, startTestServer, openDemoBranch } from '../support/server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;

let server: TestServer;
let teller: Agent;
let branchNo = 0;

async function freshBranch(): Promise<string> {
  return openDemoBranch(server, `moves-${++branchNo}`);
}

async function issue(branch: string, service = 'teller'): Promise<{ id: string; number: string }> {
  const res = await request(server.url).post(`/api/branches/${branch}/tickets`).set('Idempotency-Key', key()).send({ service });
  expect(res.status).toBe(201);
  return res.body.ticket;
}

const act = (branch: string, counter: string, action: string, body: unknown = {}, idem: string = key()) =>
  teller.post(`/api/branches/${branch}/counters/${counter}/${action}`).set('Idempotency-Key', idem).send(body as object);

beforeAll(async () => {
  server = await startTestServer({ ticketsPerMinute: 10_000 });
  await new Users(server.sql).create({ username: 'mover', name: 'Moving teller', role: 'teller', branches: ['*'] }, await hashPassword('mover-pass'), Date.now());
  teller = await loginAs(server.url, 'mover', 'mover-pass');
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe('POST …/counters/:counter/call', () => {
  it('calls a specific ticket with its reason; the public state shows the reason with the call; a retry is applied once', async () => {
    const b = await freshBranch();
    await issue(b);
    const a2 = await issue(b);
    const idem = key();
    const res = await act(b, '2', 'call', { ticketId: a2.id, reason: 'appointment' }, idem);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, events: ['CounterOpened', 'TicketCalled'], counter: { ticketId: a2.id }, ticket: { number: 'A002', status: 'called' } });
    const again = await act(b, '2', 'call', { ticketId: a2.id, reason: 'appointment' }, idem);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const s = await branchState(server.url, b);
    expect(s.calls).toEqual([expect.objectContaining({ number: 'A002', counterId: '2', reason: 'appointment', service: 'teller' })]);
  });

  it('400 naming the field: no reason out of turn, an unknown reason, a missing ticket id', async () => {
    const b = await freshBranch();
    await issue(b);
    const a2 = await issue(b);
    const none = await act(b, '2', 'call', { ticketId: a2.id });
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ ok: false, error: { code: 'reason_required', field: 'reason' } });
    const bad = await act(b, '2', 'call', { ticketId: a2.id, reason: 'friend_of_the_manager' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('reason');
    const missing = await act(b, '2', 'call', { reason: 'appointment' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('ticketId');
    const unknown = await act(b, '2', 'call', { ticketId: 'no-such-ticket', reason: 'appointment' });
    expect(unknown.status).toBe(404);
  });

  it('needs a staff session', async () => {
    const b = await freshBranch();
    const a1 = await issue(b);
    const res = await request(server.url).post(`/api/branches/${b}/counters/1/call`).set('Idempotency-Key', key()).send({ ticketId: a1.id, reason: 'appointment' });
    expect(res.status).toBe(401);
  });
});

describe('POST …/counters/:counter/transfer', () => {
  it('sends the ticket at the counter to another service: same number, ahead of those who came later; counter free', async () => {
    const b = await freshBranch();
    const a1 = await issue(b);
    const b1 = await issue(b, 'advice');
    await act(b, '1', 'call-next');
    const res = await act(b, '1', 'transfer', { service: 'advice' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, events: ['TicketTransferred'], counter: { ticketId: null }, ticket: { number: 'A001', service: 'advice', status: 'waiting' } });
    const s = await branchState(server.url, b);
    expect(s.queues.advice).toEqual([a1.id, b1.id]);
    // The advice counter calls it next, and the room is told it was transferred.
    const called = await act(b, '4', 'call-next');
    expect(called.body.counter.ticketId).toBe(a1.id);
    expect((await branchState(server.url, b)).calls[0]).toMatchObject({ number: 'A001', reason: 'transferred' });
  });

  it('409 with no ticket at the counter; 400 for nothing to do or an unknown counter', async () => {
    const b = await freshBranch();
    expect((await act(b, '1', 'transfer', { service: 'advice' })).status).toBe(409);
    await issue(b);
    await act(b, '1', 'call-next');
    expect((await act(b, '1', 'transfer', {})).body.error).toMatchObject({ field: 'service' });
    expect((await act(b, '1', 'transfer', { service: 'teller' })).body.error).toMatchObject({ code: 'nothing_to_transfer' });
    expect((await act(b, '1', 'transfer', { toCounterId: '99' })).body.error).toMatchObject({ code: 'unknown_counter', field: 'toCounterId' });
  });

  it('409 naming toCounterId for a closed counter (nobody would call the ticket); the customer stays at the counter', async () => {
    const b = await freshBranch();
    const a1 = await issue(b);
    await act(b, '1', 'call-next');
    const res = await act(b, '1', 'transfer', { toCounterId: '3' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'counter_closed', field: 'toCounterId' } });
    expect((await branchState(server.url, b)).counters['1']!.ticketId).toBe(a1.id);
    expect((await act(b, '3', 'open')).status).toBe(200);
    expect((await act(b, '1', 'transfer', { toCounterId: '3' })).status).toBe(200);
  });
});

describe('POST …/counters/:counter/undo-no-show', () => {
  it('takes back the last no-show at the counter: the customer is at the counter again and the day’s no-shows go down', async () => {
    const b = await freshBranch();
    const a1 = await issue(b);
    await act(b, '1', 'call-next');
    await act(b, '1', 'no-show');
    expect((await branchState(server.url, b)).today.noShow).toBe(1);
    const res = await act(b, '1', 'undo-no-show');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, events: ['NoShowUndone'], counter: { ticketId: a1.id } });
    const s = await branchState(server.url, b);
    expect(s.today.noShow).toBe(0);
    expect(s.calls[0]).toMatchObject({ number: 'A001', counterId: '1' });
  });

  it('404 when there is nothing to undo', async () => {
    const b = await freshBranch();
    const res = await act(b, '1', 'undo-no-show');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'unknown_no_show' } });
  });
});

describe('pause and the customer at the counter', () => {
  it('a pause keeps the ticket at the counter unless finishCurrent is asked', async () => {
    const b = await freshBranch();
    const a1 = await issue(b);
    await act(b, '2', 'call-next');
    const kept = await act(b, '2', 'pause', { backInMinutes: 5 });
    expect(kept.body).toMatchObject({ events: ['CounterPaused'], counter: { status: 'paused', ticketId: a1.id } });
    await act(b, '2', 'open');
    const finished = await act(b, '2', 'pause', { backInMinutes: 5, finishCurrent: true });
    expect(finished.body).toMatchObject({ events: ['ServiceEnded', 'CounterPaused'], counter: { status: 'paused', ticketId: null } });
    expect((await act(b, '2', 'pause', { finishCurrent: 'yes' })).body.error.field).toBe('finishCurrent');
  });
});

describe('long transaction notice and resolution with a prevention line', () => {
  it('a long_transaction notice for a counter ends when its customer is done', async () => {
    const b = await freshBranch();
    await issue(b);
    await act(b, '3', 'call-next');
    const posted = await teller.post(`/api/branches/${b}/notices`).set('Idempotency-Key', key()).send({ presetId: 'long-transaction', counterId: '3' });
    expect(posted.status).toBe(201);
    const done = await act(b, '3', 'done');
    expect(done.body.events).toEqual(['ServiceEnded', 'NoticeResolved']);
    const n = (await branchState(server.url, b)).notices.find((x) => x.id === posted.body.notice.id)!;
    expect(n).toMatchObject({ status: 'resolved', resolution: { apologise: false } });
  });

  it('resolve carries what the branch will do so it does not happen again; a wrong shape is a 400 naming the field', async () => {
    const b = await freshBranch();
    const posted = await teller.post(`/api/branches/${b}/notices`).set('Idempotency-Key', key()).send({ presetId: 'card-reader', counterId: '2' });
    const id = posted.body.notice.id;
    const bad = await teller.post(`/api/branches/${b}/notices/${id}/resolve`).set('Idempotency-Key', key()).send({ prevention: 'replaced' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('prevention');
    const res = await teller
      .post(`/api/branches/${b}/notices/${id}/resolve`)
      .set('Idempotency-Key', key())
      .send({ prevention: { it: 'Abbiamo sostituito il lettore', en: 'We have replaced the reader' } });
    expect(res.status).toBe(200);
    expect(res.body.notice.resolution).toMatchObject({ apologise: true, prevention: { en: 'We have replaced the reader' } });
  });
});
