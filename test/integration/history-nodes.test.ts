import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceFigures } from '../../core';
import { CommittedEvents } from '../../server/commands/committed';
import { HistoryService } from '../../server/history/history-service';
import { HistoryStore } from '../../server/history/history-store';
import { key, loginAs, openDemoBranch, removeDir, startTestServer } from '../support/server';

/**
 * Two nodes follow the same branch into the same read models (many nodes on one PostgreSQL):
 * here the second node is a second HistoryService on the server's own database, fed by a
 * CommittedEvents of its own, as its cluster link would feed it. Whichever node folds an event
 * first writes it; the other's fold of the same events writes nothing, so a node that lags
 * behind never puts older figures over newer ones, and nothing is counted twice.
 */
type TestServer = Awaited<ReturnType<typeof startTestServer>>;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const ticket = async (branch: string) =>
  expect((await request(server.url).post(`/api/branches/${branch}/tickets`).set('Idempotency-Key', key()).send({ service: 'teller' })).status).toBe(201);

describe('read models followed by two nodes', () => {
  it('a lagging node writes nothing over what the other already folded, and nothing is counted twice', async () => {
    const branch = await openDemoBranch(server, 'history-nodes');
    const admin = await loginAs(server.url, 'admin');
    for (let i = 0; i < 3; i++) await ticket(branch);
    await server.history.caughtUp(branch);

    // The second node has folded as far as the first, then falls behind.
    const heard = new CommittedEvents();
    const other = new HistoryService(server.sql, server.store, new HistoryStore(server.sql));
    other.start(heard);
    await other.caughtUp(branch);
    const from = (await server.states.get(branch))!.seq;
    for (let i = 0; i < 4; i++) await ticket(branch);
    await server.history.caughtUp(branch);
    const head = (await server.states.get(branch))!.seq;
    const positionNow = (await new HistoryStore(server.sql).position(branch))!;
    expect(positionNow.seq).toBe(head);

    // Now the other node hears the first of those events, late, as its bus delivers it.
    // (Only this branch: the other node is still catching up the server's other branches, the demo's
    // among them, which the server folds a moment later than it commits.)
    const wrote: number[] = [];
    other.onChanges(async (_tx, b, changes) => void (b === branch && wrote.push(changes.tickets.length)));
    const [first] = await server.store.readSince(branch, from, 1);
    heard.emit(branch, [first!], (await server.states.get(branch))!);
    await other.stop(); // waits for its fold to end
    const after = (await new HistoryStore(server.sql).position(branch))!;
    expect(after.seq).toBe(head);
    expect(after.chain).toBe(positionNow.chain);
    expect(wrote).toEqual([]);

    const res = await admin.get(`/api/branches/${branch}/history/reports?by=month`);
    const teller = (res.body.services as ServiceFigures[]).find((s) => s.service === 'teller')!;
    expect(teller.issued).toBe(7);
  });
});
