import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchState, connectStream, key, loginAs, once, removeDir, startTestServer, waitFor, openDemoBranch } from '../support/server';

/** The phone ticket (issue 11): a link per ticket, its view, and "I'm not coming any more". */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
let server: TestServer;
let branchNo = 0;

/** Kiosk "k-lobby" of each branch holds the token "lobby-kiosk-token"; kiosk "k-door" holds "door-kiosk-token". */
const kiosks = {
  kioskFor: async (_branch: string, token: string) =>
    token === 'lobby-kiosk-token' ? { id: 'k-lobby', name: 'Lobby' } : token === 'door-kiosk-token' ? { id: 'k-door', name: 'Door' } : undefined,
};

async function freshBranch(): Promise<string> {
  return openDemoBranch(server, `phone-${++branchNo}`);
}

const take = (branch: string, service = 'teller', headers: Record<string, string> = {}) => {
  const req = request(server.url).post(`/api/branches/${branch}/tickets`).set('Idempotency-Key', key());
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req.send({ service });
};

beforeAll(async () => {
  server = await startTestServer({ ticketsPerMinute: 3 }, { kiosks });
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe('phone ticket link', () => {
  it('comes with every ticket: a 22-character token unrelated to the number or the ticket id, opening the ticket', async () => {
    const branch = await freshBranch();
    const res = await take(branch, 'teller', { 'X-Screen-Token': 'lobby-kiosk-token' }).expect(201);
    const { ticket, phone } = res.body;
    expect(phone.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(phone.path).toBe(`/t/${phone.token}`);
    expect(phone.token).not.toContain(ticket.id);
    expect(phone.token).not.toContain(ticket.number);
    const view = await request(server.url).get(`/api/tickets/${phone.token}`).expect(200);
    expect(view.body).toMatchObject({ ok: true, branch, ticket: { id: ticket.id, number: 'A001', service: 'teller', status: 'waiting', counterId: null } });
    expect(view.headers['cache-control']).toBe('no-store');
    // Two tickets, two unrelated tokens.
    const other = (await take(branch, 'teller', { 'X-Screen-Token': 'lobby-kiosk-token' }).expect(201)).body.phone.token;
    expect(other).not.toBe(phone.token);
  });

  it('a retried ticket request (same Idempotency-Key) gets the same ticket and the same link', async () => {
    const branch = await freshBranch();
    const k = key();
    const a = await request(server.url).post(`/api/branches/${branch}/tickets`).set('Idempotency-Key', k).set('X-Screen-Token', 'door-kiosk-token').send({ service: 'advice' }).expect(201);
    const b = await request(server.url).post(`/api/branches/${branch}/tickets`).set('Idempotency-Key', k).set('X-Screen-Token', 'door-kiosk-token').send({ service: 'advice' }).expect(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.body.phone.token).toBe(a.body.phone.token);
    expect((await branchState(server.url, branch)).queues.advice).toHaveLength(1);
  });

  it('is written with its ticket: a replayed or refused request leaves no link behind', async () => {
    const branch = await freshBranch();
    const links = async () => (await server.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM ticket_links WHERE branch_id = ?', [branch]))!.n;
    const k = key();
    const send = (service: string, idem = k) =>
      request(server.url).post(`/api/branches/${branch}/tickets`).set('Idempotency-Key', idem).set('X-Screen-Token', 'door-kiosk-token').send({ service });
    await send('teller').expect(201);
    await send('teller').expect(201); // the retry: the same ticket and link, no second link
    await send('no-such-service', key()).expect((r) => expect(r.status).toBeGreaterThanOrEqual(400));
    expect(Number(await links())).toBe(1);
  });

  it('404 for an unknown or malformed token, naming no ticket', async () => {
    for (const t of ['AAAAAAAAAAAAAAAAAAAAAA', 'short', '../../etc', 'A'.repeat(200)]) {
      const res = await request(server.url).get(`/api/tickets/${encodeURIComponent(t)}`);
      expect(res.status, t).toBe(404);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'unknown_ticket' } });
    }
  });

  it('follows the ticket: called at counter 3, then done when served; a no-show says so', async () => {
    // The demo accounts are staff of "demo" only: serve from there.
    const demoTicket = (await take('demo', 'advice', { 'X-Screen-Token': 'lobby-kiosk-token' }).expect(201)).body;
    const t3 = await loginAs(server.url, 'teller3');
    await t3.post('/api/branches/demo/counters/3/call-next').set('Idempotency-Key', key()).send({}).expect(200);
    const called = await request(server.url).get(`/api/tickets/${demoTicket.phone.token}`).expect(200);
    expect(called.body.ticket).toMatchObject({ status: 'called', counterId: '3', number: demoTicket.ticket.number });
    await t3.post('/api/branches/demo/counters/3/done').set('Idempotency-Key', key()).send({}).expect(200);
    expect((await request(server.url).get(`/api/tickets/${demoTicket.phone.token}`).expect(200)).body.ticket.status).toBe('done');

    const absent = (await take('demo', 'advice', { 'X-Screen-Token': 'lobby-kiosk-token' }).expect(201)).body;
    await t3.post('/api/branches/demo/counters/3/call-next').set('Idempotency-Key', key()).send({}).expect(200);
    await t3.post('/api/branches/demo/counters/3/no-show').set('Idempotency-Key', key()).send({}).expect(200);
    expect((await request(server.url).get(`/api/tickets/${absent.phone.token}`).expect(200)).body.ticket.status).toBe('no_show');
  });
});

describe("I'm not coming any more", () => {
  it('frees the place at once (those behind move up, on the stream too), once however often it is sent', async () => {
    const branch = await freshBranch();
    const h = { 'X-Screen-Token': 'lobby-kiosk-token' };
    const first = (await take(branch, 'teller', h).expect(201)).body;
    const second = (await take(branch, 'teller', h).expect(201)).body;
    const stream = connectStream(server.url, { branch });
    try {
      await once(stream, 'snapshot');
      const seen: string[] = [];
      stream.on('event', (e) => seen.push(e.type));
      const k = key();
      const cancel = await request(server.url).post(`/api/tickets/${first.phone.token}/cancel`).set('Idempotency-Key', k).send({}).expect(200);
      expect(cancel.body).toMatchObject({ ok: true, ticket: { id: first.ticket.id, status: 'cancelled' } });
      const state = await branchState(server.url, branch);
      expect(state.queues.teller).toEqual([second.ticket.id]);
      expect(state.today.cancelled).toBe(1);
      await waitFor(() => seen.includes('TicketCancelled'), 3000, 'TicketCancelled on the stream');
      // The same tap again (a retry), and a new tap: applied once, and still "cancelled".
      const retry = await request(server.url).post(`/api/tickets/${first.phone.token}/cancel`).set('Idempotency-Key', k).send({}).expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      const again = await request(server.url).post(`/api/tickets/${first.phone.token}/cancel`).set('Idempotency-Key', key()).send({}).expect(200);
      expect(again.body.ticket.status).toBe('cancelled');
      expect((await request(server.url).get(`/api/tickets/${first.phone.token}`)).body.ticket.status).toBe('cancelled');
      expect((await branchState(server.url, branch)).today.cancelled).toBe(1);
      expect(seen.filter((t) => t === 'TicketCancelled')).toHaveLength(1);
    } finally {
      stream.disconnect();
    }
  });

  it('409 once the ticket is called: the counter is waiting for its customer', async () => {
    const t = (await take('demo', 'advice', { 'X-Screen-Token': 'door-kiosk-token' }).expect(201)).body;
    const t4 = await loginAs(server.url, 'teller4');
    await t4.post('/api/branches/demo/counters/4/call-next').set('Idempotency-Key', key()).send({}).expect(200);
    const res = await request(server.url).post(`/api/tickets/${t.phone.token}/cancel`).set('Idempotency-Key', key()).send({});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'already_called' } });
    await t4.post('/api/branches/demo/counters/4/done').set('Idempotency-Key', key()).send({}).expect(200);
  });

  it('400 for a body, 400 without an Idempotency-Key', async () => {
    const branch = await freshBranch();
    const t = (await take(branch, 'teller', { 'X-Screen-Token': 'door-kiosk-token' }).expect(201)).body;
    const bad = await request(server.url).post(`/api/tickets/${t.phone.token}/cancel`).set('Idempotency-Key', key()).send({ reason: 'x' });
    expect(bad.status).toBe(400);
    const noKey = await request(server.url).post(`/api/tickets/${t.phone.token}/cancel`).send({});
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.field).toBe('Idempotency-Key');
  });
});

describe('kiosk tickets are limited per kiosk', () => {
  it('each paired kiosk of a branch has its own allowance (3 a minute here); a caller without one is counted by address', async () => {
    const branch = await freshBranch();
    const lobby = { 'X-Screen-Token': 'lobby-kiosk-token' };
    for (let i = 0; i < 3; i++) expect((await take(branch, 'teller', lobby)).status).toBe(201);
    const refused = await take(branch, 'teller', lobby);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'too_many_tickets' } });
    // The door kiosk, at the same address, still has its own three.
    expect((await take(branch, 'teller', { 'X-Screen-Token': 'door-kiosk-token' })).status).toBe(201);
    // No kiosk token, or one of no paired kiosk: counted by address, apart from the kiosks.
    expect((await take(branch, 'teller')).status).toBe(201);
    expect((await take(branch, 'teller', { 'X-Screen-Token': 'not-a-paired-kiosk' })).status).toBe(201);
    expect((await take(branch, 'teller')).status).toBe(201);
    expect((await take(branch, 'teller')).status).toBe(429);
  });
});
