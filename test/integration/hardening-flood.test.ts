import request from 'supertest';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_WAITING, waitingCount } from '../../core';
import { branchState, connectStream, DEMO_PASSWORD, key, once, removeDir, startTestServer, waitFor, type StreamClient } from '../support/server';

/**
 * Issue 10, findings 5 and 6: the public edges (kiosk tickets, the stream) cannot be used to
 * flood a branch or to make the server send far more than it is sent. The server trusts the
 * loopback proxy, so X-Forwarded-For stands for the client's address.
 */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ trustProxy: ['loopback'], ticketsPerMinute: 1000, socketsPerAddress: 5 });
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

function socketFrom(address: string, auth: object = { branch: 'demo' }): StreamClient {
  return io(server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'X-Forwarded-For': address } }) as StreamClient;
}

describe('5. the kiosk endpoint cannot flood a branch', () => {
  it('many addresses together get at most the branch’s tickets per minute, then a 429 saying why', async () => {
    // The demo branch is roomier than a real one: back to the defaults.
    const r = await server.commands.execute({ branch: 'demo', command: { type: 'UpdateBranch', body: { limits: null } }, key: key(), actor: { role: 'manager', user: 'manager' }, fingerprint: 'limits' });
    expect(r.ok).toBe(true);
    const statuses: { status: number; code?: string }[] = [];
    // The cap counts per clock minute: note whether the run crossed into the next one.
    const minuteAtStart = Math.floor(Date.now() / 60_000);
    await Promise.all(
      Array.from({ length: 20 }, async (_, a) => {
        for (let i = 0; i < 7; i++) {
          const res = await request(server.url).post('/api/branches/demo/tickets').set('X-Forwarded-For', `198.18.0.${a + 1}`).set('Idempotency-Key', key()).send({ service: 'teller' });
          statuses.push({ status: res.status, code: res.body?.error?.code });
        }
      }),
    );
    const crossed = Math.floor(Date.now() / 60_000) - minuteAtStart;
    expect(crossed).toBeLessThanOrEqual(1);
    const issued = statuses.filter((s) => s.status === 201).length;
    // 60 a minute by default: exactly 60 of the 140 within one minute, at most a second minute's
    // worth more when the run crossed a minute boundary (140 is more than two minutes' worth).
    if (crossed === 0) expect(issued).toBe(60);
    else {
      expect(issued).toBeGreaterThanOrEqual(60);
      expect(issued).toBeLessThanOrEqual(120);
    }
    const refused = statuses.filter((s) => s.status !== 201);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r).toEqual({ status: 429, code: 'branch_ticket_rate' });
  });
});

describe('5. the caps are the manager’s to set', () => {
  it('PATCH /api/branches/:branch {limits} by the branch’s manager; a teller may not; bad values name the field', async () => {
    const manager = request.agent(server.url);
    await manager.post('/api/session').send({ username: 'manager', password: DEMO_PASSWORD }).expect(200);
    const set = await manager.patch('/api/branches/demo').set('Idempotency-Key', key()).send({ limits: { perServicePerDay: 800, perMinute: 40 } });
    expect(set.status).toBe(200);
    expect((await branchState(server.url)).config!.limits).toEqual({ perServicePerDay: 800, perMinute: 40 });
    const bad = await manager.patch('/api/branches/demo').set('Idempotency-Key', key()).send({ limits: { perMinute: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('limits.perMinute');
    const teller = request.agent(server.url);
    await teller.post('/api/session').send({ username: 'teller2', password: DEMO_PASSWORD }).expect(200);
    expect((await teller.patch('/api/branches/demo').set('Idempotency-Key', key()).send({ limits: null })).status).toBe(403);
  });
});

describe('6. the stream cannot be made to amplify', () => {
  it('an address holds at most socketsPerAddress sockets; one more is refused until one leaves', async () => {
    const sockets = Array.from({ length: 5 }, () => socketFrom('198.18.1.1'));
    try {
      await Promise.all(sockets.map((s) => once(s, 'snapshot')));
      const extra = socketFrom('198.18.1.1');
      expect(await once(extra, 'refused')).toMatchObject({ code: 'too_many_connections' });
      extra.disconnect();
      // Another address is not affected.
      const other = socketFrom('198.18.1.2');
      await once(other, 'snapshot');
      other.disconnect();
      sockets.pop()!.disconnect();
      await waitFor(async () => {
        const again = socketFrom('198.18.1.1');
        const first = await Promise.race([once(again, 'snapshot').then(() => 'snapshot'), once(again, 'refused').then(() => 'refused')]);
        again.disconnect();
        return first === 'snapshot';
      }, 5000, 'a free place for the address');
    } finally {
      for (const s of sockets) s.disconnect();
    }
  });

  it('resync answers are rationed per connection and per address: 20 sockets sending 400 resyncs get a few dozen answers', async () => {
    const s2 = await startTestServer({ trustProxy: ['loopback'] });
    const sockets: StreamClient[] = [];
    try {
      for (let i = 0; i < 20; i++) {
        sockets.push(io(s2.url, { auth: { branch: 'demo' }, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'X-Forwarded-For': '198.18.2.1' } }) as StreamClient);
      }
      await Promise.all(sockets.map((s) => once(s, 'snapshot')));
      let answers = 0;
      for (const s of sockets) s.on('snapshot', () => answers++);
      for (let round = 0; round < 20; round++) for (const s of sockets) s.emit('resync', { lastSeq: 1_000_000 });
      await new Promise((r) => setTimeout(r, 1500));
      // Each connection: a burst of 3 and one more every 2 s; 400 asked.
      expect(answers).toBeGreaterThan(0);
      expect(answers).toBeLessThanOrEqual(20 * 4);
    } finally {
      for (const s of sockets) s.disconnect();
      await s2.stop();
      removeDir(s2.dataDir);
    }
  });

  it('a screen’s snapshot of a long queue lists its first tickets and counts the rest, however long the queue', async () => {
    const s3 = await startTestServer({ ticketsPerMinute: 10_000 });
    try {
      const take = () => request(s3.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' });
      // 200 tickets, ten at a time (a busy morning's kiosks): sequential, they took 30 s on PostgreSQL under load.
      for (let i = 0; i < 20; i++) for (const r of await Promise.all(Array.from({ length: 10 }, take))) expect(r.status).toBe(201);
      const small = connectStream(s3.url, { branch: 'demo' });
      const { state } = await once(small, 'snapshot');
      expect(state.queues.teller).toHaveLength(SNAPSHOT_WAITING);
      expect(state.hiddenWaiting).toEqual({ teller: 200 - SNAPSHOT_WAITING });
      expect(waitingCount(state, 'teller')).toBe(200);
      expect(Object.keys(state.tickets)).toHaveLength(SNAPSHOT_WAITING);
      // Asking again without lastSeq (a partial copy's refill) brings a fresh one.
      const again = once(small, 'snapshot');
      small.emit('resync', {});
      expect((await again).state.hiddenWaiting).toEqual({ teller: 200 - SNAPSHOT_WAITING });
      small.disconnect();
    } finally {
      await s3.stop();
      removeDir(s3.dataDir);
    }
  }, 90_000);
});
