import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { WaitEstimates } from '../../core';
import { connectStream, key, loginAs, once, removeDir, startTestServer, waitFor, type StreamClient } from '../support/server';

const cleanups: (() => unknown)[] = [];

/** A screen's first estimates: in its snapshot when the branch's estimator is ready, else with a heartbeat. */
function firstEstimates(socket: StreamClient, timeoutMs = 15_000): Promise<WaitEstimates> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no estimates within ${timeoutMs} ms`)), timeoutMs);
    const take = (e: WaitEstimates | undefined) => {
      if (!e) return;
      clearTimeout(t);
      socket.off('snapshot', onFrame);
      socket.off('tick', onFrame);
      resolve(e);
    };
    const onFrame = (m: { estimates?: WaitEstimates }) => take(m.estimates);
    socket.on('snapshot', onFrame);
    socket.on('tick', onFrame);
  });
}
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('wait estimates on the branch stream', () => {
  it('says "unknown" until it has history or a counter, then a figure with a range; and again after a restart', async () => {
    const s = await startTestServer({ ticketsPerMinute: 1000 });
    cleanups.push(() => removeDir(s.dataDir));
    let stopped = false;
    cleanups.push(() => (stopped ? undefined : s.stop()));

    const first = connectStream(s.url, { branch: 'demo' });
    cleanups.push(() => first.disconnect());
    const initial = await firstEstimates(first);
    expect(initial.services.teller).toMatchObject({ known: false });
    expect(initial.services.advice).toMatchObject({ known: false, cause: 'no_counter' });

    // 25 customers served at counter 1: enough history to learn from.
    const teller = await loginAs(s.url, 'teller1');
    for (let i = 0; i < 25; i++) {
      await request(s.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' }).expect(201);
      await teller.post('/api/branches/demo/counters/1/call-next').set('Idempotency-Key', key()).send({}).expect(200);
    }
    const later = connectStream(s.url, { branch: 'demo' });
    cleanups.push(() => later.disconnect());
    const known = await firstEstimates(later);
    const t = known.services.teller!;
    expect(t.known).toBe(true);
    if (t.known) {
      expect(t.p10Sec).toBeLessThanOrEqual(t.waitSec);
      expect(t.p90Sec).toBeGreaterThanOrEqual(t.waitSec);
    }
    expect(known.services.advice).toMatchObject({ known: false, cause: 'no_counter' });
    expect(Math.abs(known.at - Date.now())).toBeLessThan(2000);

    // The estimator learns again from the log after a restart.
    stopped = true;
    await s.stop();
    const again = await startTestServer({ dataDir: s.dataDir, port: s.port });
    cleanups.push(() => again.stop());
    const back = connectStream(again.url, { branch: 'demo' });
    cleanups.push(() => back.disconnect());
    expect((await firstEstimates(back)).services.teller).toMatchObject({ known: true });
  });

  it('a service added to a counter already open counts for it at once (was: "no counter open" until a restart)', async () => {
    const s = await startTestServer({ ticketsPerMinute: 1000 });
    cleanups.push(() => removeDir(s.dataDir));
    cleanups.push(() => s.stop());
    const teller = await loginAs(s.url, 'teller1');
    const manager = await loginAs(s.url, 'manager');
    // Counter 1 (tellers only) is open; advice is served at counters 3 and 4, both closed.
    await teller.post('/api/branches/demo/counters/1/open').set('Idempotency-Key', key()).send({}).expect(200);
    const before = connectStream(s.url, { branch: 'demo' });
    cleanups.push(() => before.disconnect());
    expect((await firstEstimates(before)).services.advice).toMatchObject({ known: false, cause: 'no_counter' });

    const advice = { name: { it: 'Consulenza', en: 'Advice' }, prefix: 'B', counters: ['1', '3', '4'] };
    expect((await manager.put('/api/branches/demo/services/advice').set('Idempotency-Key', key()).send(advice)).status).toBe(200);
    const after = connectStream(s.url, { branch: 'demo' });
    cleanups.push(() => after.disconnect());
    expect((await firstEstimates(after)).services.advice).not.toMatchObject({ cause: 'no_counter' });
  });

  it('after a change, the new estimates ride on the next heartbeat: one frame per screen, not a heartbeat and estimates apart', async () => {
    const s = await startTestServer({ ticketsPerMinute: 1000 });
    cleanups.push(() => removeDir(s.dataDir));
    cleanups.push(() => s.stop());
    const screen = connectStream(s.url, { branch: 'demo' });
    cleanups.push(() => screen.disconnect());
    await firstEstimates(screen);
    let separate = 0;
    screen.on('estimates', () => separate++);
    let latest: WaitEstimates | undefined;
    screen.on('tick', (t) => (latest = t.estimates ?? latest));

    const res = await request(s.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' }).expect(201);
    const id = (res.body as { ticket: { id: string } }).ticket.id;
    const mine = await waitFor(() => latest?.tickets?.[id], 15_000, 'a heartbeat with the new ticket\'s estimate');
    expect(mine.ahead).toBe(0);
    expect(latest!.services.teller).toBeDefined();
    expect(separate).toBe(0);

    // A screen that connects once the estimator is ready gets them in its snapshot's own frame.
    const next = connectStream(s.url, { branch: 'demo' });
    cleanups.push(() => next.disconnect());
    const snap = await once(next, 'snapshot');
    expect(snap.estimates?.tickets?.[id]?.ahead).toBe(0);
  });

  it('a lobby (estimates: services) gets the estimates per service without every waiting ticket\'s; a phone or kiosk on the same branch gets its ticket\'s', async () => {
    const s = await startTestServer({ ticketsPerMinute: 1000 });
    cleanups.push(() => removeDir(s.dataDir));
    cleanups.push(() => s.stop());
    const phone = connectStream(s.url, { branch: 'demo' });
    const lobby = connectStream(s.url, { branch: 'demo', estimates: 'services' } as { branch: string });
    cleanups.push(() => phone.disconnect());
    cleanups.push(() => lobby.disconnect());
    await Promise.all([firstEstimates(phone), firstEstimates(lobby)]);
    const heard = { phone: [] as WaitEstimates[], lobby: [] as WaitEstimates[] };
    phone.on('tick', (t) => void (t.estimates && heard.phone.push(t.estimates)));
    lobby.on('tick', (t) => void (t.estimates && heard.lobby.push(t.estimates)));

    const res = await request(s.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' }).expect(201);
    const id = (res.body as { ticket: { id: string } }).ticket.id;
    const seq = (res.body as { seq: number }).seq;
    await waitFor(() => heard.phone.some((e) => e.tickets?.[id]), 15_000, "the phone's heartbeat with the ticket's estimate");
    const lobbyGot = await waitFor(() => heard.lobby.find((e) => (e.seq ?? 0) >= seq), 15_000, "the lobby's heartbeat with the estimates after the ticket");
    expect(lobbyGot.tickets).toBeUndefined();
    expect(Object.keys(lobbyGot.services).sort()).toEqual(Object.keys(heard.phone.find((e) => e.tickets?.[id])!.services).sort());

    // Its snapshot too: a lobby connecting now gets the services only.
    const late = connectStream(s.url, { branch: 'demo', estimates: 'services' } as { branch: string });
    cleanups.push(() => late.disconnect());
    const snap = await once(late, 'snapshot');
    expect(snap.estimates?.services.teller).toBeDefined();
    expect(snap.estimates?.tickets).toBeUndefined();
  });
});
