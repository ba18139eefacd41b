import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchState } from '../../core';
import { branchState, databaseUrlFor, key, loginAs, removeDir, startTestServer, tempDataDir, waitFor } from '../support/server';
import { signatureValid, webhookReceiver } from '../support/webhook-receiver';

/**
 * Two nodes on one database both hold a branch whose waiting ticket passes its promise: both
 * watchers see it, the outbox keeps one delivery (its id is made from the ticket), and the
 * receiver gets one POST. The nodes' clock is moved instead of waiting 15 minutes.
 */
const SECRET = 'two-nodes-secret-of-the-bank-0123';
let offset = 0;
const clock = () => Date.now() + offset;
const dataDir = tempDataDir();
const otherDir = tempDataDir();
let a: Awaited<ReturnType<typeof startTestServer>>;
let b: Awaited<ReturnType<typeof startTestServer>>;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  hook = await webhookReceiver();
  const opts = { webhooksAllowLocal: true, webhookRetryMs: 1500 };
  a = await startTestServer({ ...opts, dataDir }, { commandClock: clock, clock });
  // The second node: the same SQLite file, or the same PostgreSQL schema.
  b = await startTestServer({ ...opts, dataDir: databaseUrlFor(dataDir) ? otherDir : dataDir, databaseUrl: databaseUrlFor(dataDir) }, { commandClock: clock, clock });
});

afterAll(async () => {
  await b.stop();
  await a.stop();
  await hook.close();
  removeDir(dataDir);
  removeDir(otherDir);
});

describe('promise.missed with two nodes', () => {
  it('both hold the branch, both see the promise pass: one delivery, one POST', async () => {
    const manager = await loginAs(a.url, 'manager');
    const state = (await branchState(a.url, 'demo')) as BranchState;
    const { id: _id, ...cash } = state.config!.services.find((s) => s.id === 'teller')!;
    expect((await manager.put('/api/branches/demo/services/teller').set('Idempotency-Key', key()).send({ ...cash, promiseMinutes: 15 })).status).toBe(200);
    expect((await manager.put('/api/branches/demo/webhooks/hook-nodes-00001').send({ url: hook.url, secret: SECRET, events: ['promise.missed'] })).status).toBe(201);
    const taken = (await request(a.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' })).body.ticket as { id: string; number: string };

    // Node B holds the branch too (a lobby screen there would make it load it), up to the ticket.
    await waitFor(async () => ((await branchState(b.url, 'demo')) as BranchState).tickets[taken.id] !== undefined || (await b.states.catchUp('demo'), false), 5_000, 'node B has the ticket');
    expect(a.states.loaded()).toContain('demo');
    expect(b.states.loaded()).toContain('demo');

    offset = 15 * 60_000 + 1_000;
    await waitFor(() => hook.got.length > 0, 8_000, 'promise.missed delivery');
    // Both watchers have run several rounds since, and both dispatchers polled.
    await pause(3_000);
    expect(hook.got).toHaveLength(1);
    const body = JSON.parse(hook.got[0]!.body);
    expect(body).toMatchObject({ type: 'promise.missed', data: { ticket: { number: taken.number } } });
    expect(signatureValid(hook.got[0]!, SECRET)).toBe(true);
    expect(await a.sql.all("SELECT id FROM webhook_deliveries WHERE event = 'promise.missed'")).toHaveLength(1);
  });
});
