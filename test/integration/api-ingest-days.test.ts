import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay, type BranchState } from '../../core';
import { ingest, integrationSecret, noonClock, statuses } from '../support/ingest';
import { openDemoBranch, removeDir, startTestServer } from '../support/server';

/**
 * A queue system's ticket ids need only be unique within a day (core/ingest.ts): "A042" or
 * "0042" comes back tomorrow. Tomorrow's is a new ticket, not a repeat of today's. The server's
 * clock starts at noon in Rome and the test moves it to the next day.
 */
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const { noon, now: clock, shift } = noonClock();
let server: Awaited<ReturnType<typeof startTestServer>>;
let secret = '';
const branch = 'ingest-days';

beforeAll(async () => {
  server = await startTestServer({}, { commandClock: clock, clock });
  await openDemoBranch(server, branch);
  ({ secret } = await integrationSecret(server, branch));
});

afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

const send = (events: unknown[]) => ingest(server, branch, secret, events);
const ev = (type: string, at: number, extra: Record<string, unknown> = {}) => ({ type, ticket: '0042', number: 'A042', service: 'teller', at, ...extra });
const state = async () => (await server.states.get(branch)) as BranchState;

describe('an external ticket id used again on another day', () => {
  it('is a new ticket then: issued, called and served again, counted on its own day', async () => {
    const today = await send([ev('issued', noon - 30 * MIN), ev('called', noon - 20 * MIN, { counter: '1' }), ev('served', noon - 10 * MIN, { counter: '1' })]).expect(200);
    expect(statuses(today)).toEqual(['applied', 'applied', 'applied']);
    // Sent again today: the same ticket, applied once.
    expect(statuses(await send([ev('issued', noon - 30 * MIN)]).expect(200))).toEqual(['duplicate']);

    shift(DAY);
    const tomorrow = await send([ev('issued', noon + DAY - 5 * MIN)]).expect(200);
    expect(statuses(tomorrow)).toEqual(['applied']);
    const id = tomorrow.body.results[0].ticketId as string;
    expect(id).not.toBe(today.body.results[0].ticketId);
    expect((await state()).tickets[id]).toMatchObject({ number: 'A042', status: 'waiting', issuedAt: noon + DAY - 5 * MIN });
    expect((await state()).queues.teller).toEqual([id]);
    const called = await send([ev('called', noon + DAY - 2 * MIN, { counter: '2' })]).expect(200);
    expect(statuses(called)).toEqual(['applied']);
    expect((await state()).tickets[id]).toMatchObject({ status: 'called', counterId: '2' });
    await server.history.caughtUp(branch);
    const days = await server.sql.all<{ day: string; figures: string }>('SELECT day, figures FROM history_days WHERE branch_id = ? ORDER BY day', [branch]);
    expect(days.map((d) => [d.day, (JSON.parse(d.figures) as { issued: number }).issued])).toEqual([
      [localDay(noon, 'Europe/Rome'), 1],
      [localDay(noon + DAY, 'Europe/Rome'), 1],
    ]);
  });
});
