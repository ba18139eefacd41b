import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoLocal, type BranchState } from '../../core';
import { WebhookDispatcher } from '../../server/webhooks/dispatcher';
import { PromiseWatcher } from '../../server/webhooks/promise-watcher';
import { WebhookStore } from '../../server/webhooks/webhook-store';
import { branchState, key, loginAs, removeDir, startTestServer, waitFor } from '../support/server';
import { signatureValid, webhookReceiver } from '../support/webhook-receiver';

/**
 * promise.missed fires when a waiting ticket passes its service's promise — not when it is
 * finally called — once per ticket, and once however many nodes watch the branch. The server's
 * clock is moved instead of waiting 15 minutes.
 */
const SECRET = 'promise-secret-of-the-bank-0123';
let offset = 0;
const clock = () => Date.now() + offset;
let server: Awaited<ReturnType<typeof startTestServer>>;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const missed = () => hook.got.filter((g) => JSON.parse(g.body).type === 'promise.missed');
const outbox = async () => (await server.sql.all<{ id: string; body: string }>("SELECT id, body FROM webhook_deliveries WHERE event = 'promise.missed'")).length;

beforeAll(async () => {
  hook = await webhookReceiver();
  server = await startTestServer({ webhooksAllowLocal: true, webhookRetryMs: 1500 }, { commandClock: clock, clock });
});

afterAll(async () => {
  await server.stop();
  await hook.close();
  removeDir(server.dataDir);
});

describe('promise.missed', () => {
  it('is POSTed when a waiting ticket passes the promise, once, signed; not for a ticket called in time', async () => {
    const manager = await loginAs(server.url, 'manager');
    const teller = await loginAs(server.url, 'teller1');
    const state = (await branchState(server.url, 'demo')) as BranchState;
    const { id: _id, ...cash } = state.config!.services.find((s) => s.id === 'teller')!;
    expect((await manager.put('/api/branches/demo/services/teller').set('Idempotency-Key', key()).send({ ...cash, promiseMinutes: 15 })).status).toBe(200);
    expect((await manager.put('/api/branches/demo/webhooks/hook-promise-0001').send({ url: hook.url, secret: SECRET, events: ['promise.missed'] })).status).toBe(201);

    await teller.post('/api/branches/demo/counters/1/open').set('Idempotency-Key', key()).send({});
    const take = async () => (await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' })).body.ticket as { id: string; number: string; issuedAt: number };
    const first = await take();
    const second = await take();
    // The first is called within its promise.
    expect((await teller.post('/api/branches/demo/counters/1/call-next').set('Idempotency-Key', key()).send({})).status).toBe(200);

    offset = 14 * 60_000 + 30_000;
    await pause(2_500);
    expect(missed()).toEqual([]);
    expect(await outbox()).toBe(0);

    offset = 15 * 60_000 + 1_000;
    const [got] = await waitFor(() => missed().length > 0 && missed(), 8_000, 'promise.missed delivery');
    const body = JSON.parse(got!.body);
    expect(body).toMatchObject({
      type: 'promise.missed',
      branchId: 'demo',
      occurredAt: isoLocal(second.issuedAt + 15 * 60_000, 'Europe/Rome'),
      data: { ticket: { number: second.number, service: 'teller', calledAt: null }, promiseMinutes: 15 },
    });
    expect(signatureValid(got!, SECRET)).toBe(true);
    expect(got!.headers['x-branchboard-delivery']).toBe(body.id);
    expect(first.number).not.toBe(second.number);

    // Another node watching the same branch queues it too: the outbox keeps one.
    const otherNode = new PromiseWatcher(server.sql, server.states, new WebhookDispatcher(new WebhookStore(server.sql), { allowLocal: true, retryBaseMs: 1500, clock }), clock);
    await otherNode.check();
    expect(await outbox()).toBe(1);

    // Called at last, well past the promise: the read models see a missed promise again, same key, no second POST.
    await teller.post('/api/branches/demo/counters/1/done').set('Idempotency-Key', key()).send({});
    expect((await teller.post('/api/branches/demo/counters/1/call-next').set('Idempotency-Key', key()).send({})).status).toBe(200);
    expect(((await branchState(server.url, 'demo')) as BranchState).counters['1']?.ticketId).toBe(second.id);
    await server.history.caughtUp('demo');
    await pause(2_500);
    expect(missed()).toHaveLength(1);
    expect(await outbox()).toBe(1);
  });
});
