import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchEvent, BranchState } from '../../core';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { ingest, integrationSecret, noonClock, statuses, ticketRecord } from '../support/ingest';
import { loginAs, removeDir, startTestServer } from '../support/server';

/**
 * An "issued" that reaches Branchboard after a later step of its ticket (issue 11). The step
 * filled the issue in at its own time, a stand-in; the late "issued" corrects it with the queue
 * system's real issue time (TicketIssueCorrected in the log), so the ticket's wait, the day's
 * figures and the promise count from when the customer really took the ticket — not from the
 * call, which made every such wait 0. The server's clock runs from noon of today in Rome.
 */
const MIN = 60_000;
const SEC = 1000;
const TZ = 'Europe/Rome';
const { today, noon, now: clock } = noonClock(TZ);
let server: Awaited<ReturnType<typeof startTestServer>>;
let secret = '';
const branch = 'late-issue';

beforeAll(async () => {
  server = await startTestServer({}, { commandClock: clock, clock });
  // Tellers promise 15 minutes here: a late issue can turn a kept promise into a missed one.
  const services = DEMO_BRANCH.services.map((s) => (s.id === 'teller' ? { ...s, promiseMinutes: 15 } : s));
  await server.commands.openBranch(branch, { ...DEMO_BRANCH, id: branch, timezone: TZ, services }, { role: 'system' });
  ({ secret } = await integrationSecret(server, branch));
});

afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

const send = (events: unknown[]) => ingest(server, branch, secret, events);
const ev = (type: string, ticket: string, number: string, at: number | undefined, extra: Record<string, unknown> = {}) => ({ type, ticket, number, service: 'teller', ...(at === undefined ? {} : { at }), ...extra });
const state = async () => (await server.states.get(branch)) as BranchState;
const record = (ticketId: string) => ticketRecord(server, branch, ticketId);
const report = async () => {
  const manager = await loginAs(server.url, 'manager');
  const res = await manager.get(`/api/branches/${branch}/history/reports`).query({ from: today, to: today, by: 'day' }).expect(200);
  return (res.body.services as { service: string; issued: number; called: number; served: number; waitMeanMs: number | null; promiseEligible: number; promiseKept: number }[]).find((s) => s.service === 'teller')!;
};
const logged = async (type: string) => (await server.store.readSince(branch, 0, 10_000)).filter((e: BranchEvent) => e.type === type);

describe('a late "issued" corrects the issue time a later step stood in with', () => {
  it('called, then issued: the ticket at the counter and its history count the wait from the real issue', async () => {
    const res = await send([ev('called', 'Q-1', 'A001', noon - 5 * MIN, { counter: '1' }), ev('issued', 'Q-1', 'A001', noon - 25 * MIN)]).expect(200);
    expect(statuses(res)).toEqual(['applied', 'applied']);
    const id = res.body.results[0].ticketId as string;
    expect((await state()).tickets[id]).toMatchObject({ status: 'called', issuedAt: noon - 25 * MIN, calledAt: noon - 5 * MIN });
    expect((await state()).tickets[id]!.issueInferred).toBeUndefined();
    const t = await record(id);
    expect(t).toMatchObject({ issuedAt: noon - 25 * MIN, calledAt: noon - 5 * MIN, waitMs: 20 * MIN, promiseKept: false });
    expect(t.issueInferred).toBeUndefined();
    // The log says it: the correction is an event, the first issue stays as it was logged.
    expect(await logged('TicketIssueCorrected')).toEqual([expect.objectContaining({ ticketId: id, issuedAt: noon - 25 * MIN, number: 'A001', service: 'teller' })]);
    // The audit trail says which ticket and the time it now has.
    const audit = (await (await loginAs(server.url, 'manager')).get(`/api/branches/${branch}/history/audit`).query({ type: 'TicketIssueCorrected' }).expect(200)).body;
    expect(JSON.stringify(audit)).toContain('"ticket":"A001"');
    expect(JSON.stringify(audit)).toContain(`"issuedAt":${noon - 25 * MIN}`);
    expect((await logged('TicketIssued')).find((e) => e.type === 'TicketIssued' && e.ticket.id === id)).toMatchObject({ inferred: true, occurredAt: noon - 5 * MIN });
    // The branch missed its promise to this customer (20 min > 15): the lobby's apology knows.
    expect((await state()).promiseMissedAt?.teller).toBeGreaterThan(0);
  });

  it('served, then issued (the ticket already gone from the board): the day’s figures take the corrected wait, once', async () => {
    const before = await report();
    const res = await send([ev('served', 'Q-2', 'A002', noon - 4 * MIN, { counter: '2' })]).expect(200);
    const id = res.body.results[0].ticketId as string;
    const standIn = await report();
    expect(standIn.called).toBe(before.called + 1);
    expect(await record(id)).toMatchObject({ outcome: 'served', waitMs: 0, issueInferred: true });

    const late = await send([ev('issued', 'Q-2', 'A002', noon - 10 * MIN)]).expect(200);
    expect(statuses(late)).toEqual(['applied']);
    expect(await record(id)).toMatchObject({ outcome: 'served', issuedAt: noon - 10 * MIN, waitMs: 6 * MIN, promiseKept: true });
    const after = await report();
    expect(after.called).toBe(standIn.called);
    // Two tickets called today: A001 waited 20 min, A002 6 min (not 0).
    expect(after.waitMeanMs).toBe(Math.round((20 * MIN + 6 * MIN) / 2));
    expect(after).toMatchObject({ promiseEligible: 2, promiseKept: 1 });

    // Sent again: applied once.
    expect(statuses(await send([ev('issued', 'Q-2', 'A002', noon - 10 * MIN)]).expect(200))).toEqual(['duplicate']);
    expect((await report()).waitMeanMs).toBe(after.waitMeanMs);
    expect((await logged('TicketIssueCorrected')).length).toBe(2);
  });

  it('a late "issued" no earlier than the stand-in, or without a time, changes nothing ("superseded")', async () => {
    const a = await send([ev('called', 'Q-3', 'A003', noon - 3 * MIN, { counter: '3' }), ev('issued', 'Q-3', 'A003', noon - 2 * MIN)]).expect(200);
    expect(statuses(a)).toEqual(['applied', 'superseded']);
    const b = await send([ev('called', 'Q-4', 'A004', noon - 3 * MIN, { counter: '4' }), ev('issued', 'Q-4', 'A004', undefined)]).expect(200);
    expect(statuses(b)).toEqual(['applied', 'superseded']);
    expect((await state()).tickets[a.body.results[0].ticketId]).toMatchObject({ issuedAt: noon - 3 * MIN, issueInferred: true });
    expect((await logged('TicketIssueCorrected')).length).toBe(2);
  });

  it('a "called" for a ticket it filled in is not judged out of turn (its real place is not known)', async () => {
    await send([ev('issued', 'Q-5', 'A005', noon - 40 * MIN)]).expect(200);
    const res = await send([ev('called', 'Q-6', 'A006', noon - MIN, { counter: '1' })]).expect(200);
    const id = res.body.results[0].ticketId as string;
    expect((await record(id)).outOfTurn).toBeNull();
    expect((await state()).calls.find((c) => c.ticketId === id)?.passedOthers).toBeUndefined();
  });

  it('a recall before its call calls the ticket at that counter; one without a counter holds nothing back', async () => {
    const a = await send([ev('issued', 'Q-8', 'A008', noon - 12 * MIN), ev('recalled', 'Q-8', 'A008', noon - 2 * MIN, { counter: '2', eventId: 'r1' }), ev('called', 'Q-8', 'A008', noon - 3 * MIN, { counter: '2' })]).expect(200);
    expect(statuses(a)).toEqual(['applied', 'applied', 'superseded']);
    expect((await state()).tickets[a.body.results[0].ticketId]).toMatchObject({ status: 'called', counterId: '2', calledAt: noon - 2 * MIN });
    // A recall naming no counter, of a ticket not at one: nothing to do — and the call that follows is still applied.
    const b = await send([ev('issued', 'Q-9', 'A009', noon - 9 * MIN), ev('recalled', 'Q-9', 'A009', noon - MIN, { eventId: 'r1' }), ev('called', 'Q-9', 'A009', noon - 2 * MIN, { counter: '3' })]).expect(200);
    expect(statuses(b)).toEqual(['applied', 'applied', 'applied']);
    expect((await state()).tickets[b.body.results[0].ticketId]).toMatchObject({ status: 'called', counterId: '3', calledAt: noon - 2 * MIN });
    // Not even issued yet: the recall keeps nothing back either; the issue and the call then come as usual.
    const c = await send([ev('recalled', 'Q-10', 'A010', noon - MIN, { eventId: 'r1' }), ev('issued', 'Q-10', 'A010', noon - 6 * MIN), ev('called', 'Q-10', 'A010', noon - 2 * MIN, { counter: '4' })]).expect(200);
    expect(statuses(c)).toEqual(['applied', 'applied', 'applied']);
    const t = (await state()).tickets[c.body.results[0].ticketId]!;
    expect(t).toMatchObject({ status: 'called', counterId: '4', issuedAt: noon - 6 * MIN });
    expect(t.issueInferred).toBeUndefined();
  });

  it('a recall counts at its own time: one reported minutes late is not announced as if it were now', async () => {
    // (Counter 1 last called at noon − 1 min.)
    const res = await send([ev('issued', 'Q-11', 'A011', noon - 50_000), ev('called', 'Q-11', 'A011', noon - 40_000, { counter: '1' }), ev('recalled', 'Q-11', 'A011', noon - 30_000, { eventId: 'again' })]).expect(200);
    expect(statuses(res)).toEqual(['applied', 'applied', 'applied']);
    const call = (await state()).calls.find((c) => c.counterId === '1')!;
    expect(call).toMatchObject({ ticketId: res.body.results[0].ticketId, recall: true, at: noon - 30_000 });
  });

  it('a time a little ahead of this server’s clock (allowed skew) counts as now, never in the future', async () => {
    const res = await send([ev('issued', 'Q-7', 'A007', clock() + 90_000)]).expect(200);
    expect(statuses(res)).toEqual(['applied']);
    const t = (await state()).tickets[res.body.results[0].ticketId]!;
    expect(t.issuedAt).toBeLessThanOrEqual(clock());
    expect(t.issuedAt).toBeGreaterThan(clock() - 5 * MIN);
  });
});

/** Counters 2 and 4 last called at noon − 2 min above: these steps come after that. */
describe('a step that happened before its counter moved on (it came late)', () => {
  it('a call from before the counter’s current one is history: the counter keeps its customer, the late one counts as served until then', async () => {
    const before = await report();
    const a = await send([ev('issued', 'L-A', 'A020', noon - 30 * MIN), ev('called', 'L-A', 'A020', noon - 60 * SEC, { counter: '2' })]).expect(200);
    const idA = a.body.results[0].ticketId as string;
    // B was called at counter 2 before A, but its steps arrive after A's.
    const b = await send([ev('issued', 'L-B', 'A019', noon - 40 * MIN), ev('called', 'L-B', 'A019', noon - 90 * SEC, { counter: '2' })]).expect(200);
    expect(statuses(b)).toEqual(['applied', 'applied']);
    const idB = b.body.results[0].ticketId as string;
    const s = await state();
    expect(s.counters['2']).toMatchObject({ status: 'open', ticketId: idA });
    expect(s.calls.find((c) => c.counterId === '2')?.ticketId).toBe(idA);
    expect(s.tickets[idA]).toMatchObject({ status: 'called', counterId: '2' });
    expect(s.tickets[idB]).toBeUndefined();
    expect(await record(idB)).toMatchObject({ outcome: 'served', calledAt: noon - 90 * SEC, endedAt: noon - 60 * SEC, waitMs: 40 * MIN - 90 * SEC, outOfTurn: null });
    // Its own "served", later still: nothing more (it is not issued again).
    expect(statuses(await send([ev('served', 'L-B', 'A019', noon - 80 * SEC, { counter: '2' })]).expect(200))).toEqual(['superseded']);
    expect(statuses(await send([ev('served', 'L-A', 'A020', noon - 10 * SEC, { counter: '2' })]).expect(200))).toEqual(['applied']);
    const after = await report();
    expect(after.issued - before.issued).toBe(2);
    // Served: A008 (finished by A020's call at its counter), A019 and A020.
    expect(after.served - before.served).toBe(3);
    expect((await state()).counters['2']!.ticketId).toBeNull();
  });

  it('a service end that comes after its counter’s next call does not issue the ticket again', async () => {
    const before = await report();
    const d = await send([ev('issued', 'L-D', 'A021', noon - 20 * MIN), ev('called', 'L-D', 'A021', noon - 50 * SEC, { counter: '4' })]).expect(200);
    // The queue system reports the next call before the end of the one before.
    await send([ev('issued', 'L-E', 'A022', noon - 19 * MIN), ev('called', 'L-E', 'A022', noon - 30 * SEC, { counter: '4' })]).expect(200);
    expect(statuses(await send([ev('served', 'L-D', 'A021', noon - 40 * SEC, { counter: '4' })]).expect(200))).toEqual(['superseded']);
    expect(statuses(await send([ev('no_show', 'L-D', 'A021', noon - 40 * SEC, { counter: '4' })]).expect(200))).toEqual(['superseded']);
    const after = await report();
    expect(after.issued - before.issued).toBe(2);
    expect(await record(d.body.results[0].ticketId)).toMatchObject({ outcome: 'served', endedAt: noon - 30 * SEC });
    expect(Object.values((await state()).tickets).filter((t) => t.number === 'A021')).toEqual([]);
  });

  it('a late "issued" no earlier than the stand-in of a ticket already gone changes nothing either: nothing is logged, and it says so', async () => {
    const res = await send([ev('served', 'Q-G', 'A090', noon - 8 * MIN, { counter: '2' })]).expect(200);
    const id = res.body.results[0].ticketId as string;
    const corrections = (await logged('TicketIssueCorrected')).length;
    // After its service: no earlier than the stand-in (its call), so not its real issue.
    expect(statuses(await send([ev('issued', 'Q-G', 'A090', noon - 1 * MIN)]).expect(200))).toEqual(['superseded']);
    expect((await logged('TicketIssueCorrected')).length).toBe(corrections);
    expect(await record(id)).toMatchObject({ issuedAt: noon - 8 * MIN, waitMs: 0, issueInferred: true });
    // Sent again: the same answer.
    expect(statuses(await send([ev('issued', 'Q-G', 'A090', noon - 1 * MIN)]).expect(200))).toEqual(['duplicate']);
  });
});
