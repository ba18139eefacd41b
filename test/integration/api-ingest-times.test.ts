import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchState } from '../../core';
import { ingest, integrationSecret, noonClock, ticketRecord } from '../support/ingest';
import { key, loginAs, openDemoBranch, removeDir, startTestServer } from '../support/server';

/**
 * Ingest takes the other queue system's own time of each step (issue 11): a step that arrives
 * late lands at its real time — the ticket's wait, its place in the queue, the reports — and a
 * time too far ahead of this server's clock, or before the branch's day, is refused by name.
 * The server's clock runs from noon of today in Rome, so no run falls across midnight.
 */
const MIN = 60_000;
const { noon, now: clock } = noonClock();
let server: Awaited<ReturnType<typeof startTestServer>>;
let secret = '';
const branch = 'ingest-times';

beforeAll(async () => {
  server = await startTestServer({}, { commandClock: clock, clock });
  await openDemoBranch(server, branch);
  ({ secret } = await integrationSecret(server, branch));
});

afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const send = (events: unknown[]) => ingest(server, branch, secret, events);
const ev = (type: string, ticket: string, number: string, at: number, extra: Record<string, unknown> = {}) => ({ type, ticket, number, service: 'teller', at, ...extra });
const state = async () => (await server.states.get(branch)) as BranchState;
const record = (ticketId: string) => ticketRecord(server, branch, ticketId);
const ids = (res: request.Response) => res.body.results.map((r: { ticketId: string }) => r.ticketId) as string[];

describe('ingest at the external system’s own time', () => {
  it('in order: each step at its time, the wait from them (not from when they arrived)', async () => {
    const res = await send([ev('issued', 'Q-1', 'A001', noon - 30 * MIN), ev('issued', 'Q-2', 'A002', noon - 20 * MIN), ev('called', 'Q-1', 'A001', noon - 10 * MIN, { counter: '2' })]).expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const [q1, q2] = ids(res);
    const s = await state();
    expect(s.tickets[q1!]).toMatchObject({ issuedAt: noon - 30 * MIN, calledAt: noon - 10 * MIN, status: 'called' });
    expect(s.tickets[q2!]).toMatchObject({ issuedAt: noon - 20 * MIN, status: 'waiting' });
    expect(await record(q1!)).toMatchObject({ issuedAt: noon - 30 * MIN, calledAt: noon - 10 * MIN, waitMs: 20 * MIN });
    // The log keeps when each step arrived (what a screen could have shown), beside its own time.
    const logged = (await server.store.readSince(branch, 0, 1000)).find((e) => e.type === 'TicketIssued' && e.ticket.id === q1);
    expect(logged).toMatchObject({ occurredAt: noon - 30 * MIN });
    expect(logged!.at).toBeGreaterThanOrEqual(noon);
  });

  it('late: a ticket issued before one already waiting takes its place ahead of it, and is called first', async () => {
    const res = await send([ev('issued', 'Q-3', 'A003', noon - 25 * MIN)]).expect(200);
    const [q3] = ids(res);
    const s = await state();
    const q2 = Object.values(s.tickets).find((t) => t.number === 'A002')!.id;
    expect(s.queues.teller).toEqual([q3, q2]);
    expect(s.tickets[q3!]!.issuedSeq).toBeGreaterThan(s.tickets[q2]!.issuedSeq);
    // A "call next" at the counter follows the real order.
    const teller = await loginAs(server.url, 'manager');
    await teller.post(`/api/branches/${branch}/counters/1/open`).set('Idempotency-Key', key()).send({});
    await teller.post(`/api/branches/${branch}/counters/1/call-next`).set('Idempotency-Key', key()).send({}).expect(200);
    expect((await state()).counters['1']!.ticketId).toBe(q3);
    expect((await record(q3!)).issuedAt).toBe(noon - 25 * MIN);
  });

  it('out of order: the call before its issue (the late issue corrects its time); a step stamped before its ticket was issued counts from the issue', async () => {
    const res = await send([ev('called', 'Q-4', 'A004', noon - 5 * MIN, { counter: '3' }), ev('issued', 'Q-4', 'A004', noon - 15 * MIN)]).expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect(await record(ids(res)[0]!)).toMatchObject({ issuedAt: noon - 15 * MIN, waitMs: 10 * MIN });
    const q2 = Object.values((await state()).tickets).find((t) => t.number === 'A002')!.id;
    // A002 was issued at noon − 20 min; the other system's clock says it was called at noon − 50 min.
    await send([ev('called', 'Q-2', 'A002', noon - 50 * MIN, { counter: '4' })]).expect(200);
    expect((await state()).tickets[q2]).toMatchObject({ issuedAt: noon - 20 * MIN, calledAt: noon - 20 * MIN });
    expect((await record(q2)).waitMs).toBe(0);
    const served = await send([ev('served', 'Q-2', 'A002', noon - 2 * MIN, { counter: '4' })]).expect(200);
    expect(served.body.results[0].status).toBe('applied');
    expect(await record(q2)).toMatchObject({ outcome: 'served', endedAt: noon - 2 * MIN });
  });

  it('refuses a time ahead of this server’s clock beyond 2 minutes, or before the branch’s day; takes one within', async () => {
    const ahead = await send([ev('issued', 'Q-5', 'A005', clock() + 3 * MIN)]).expect(200);
    expect(ahead.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'at_in_future', field: 'events.0.at' } });
    const yesterday = await send([ev('issued', 'Q-6', 'A006', noon - 13 * 60 * MIN)]).expect(200);
    expect(yesterday.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'at_before_today', field: 'events.0.at' } });
    const skewed = await send([ev('issued', 'Q-7', 'A007', clock() + 1 * MIN)]).expect(200);
    expect(skewed.body.results[0].status).toBe('applied');
    // Refused steps left nothing behind: a retry with a right time is applied.
    expect((await send([ev('issued', 'Q-5', 'A005', clock() - MIN)]).expect(200)).body.results[0].status).toBe('applied');
  });
});
