import { afterEach, describe, expect, it } from 'vitest';
import { applyAll, BranchReplica, type BranchEvent, type BranchState } from '../../core';
import { connectStream, key, loginAs, once, removeDir, startTestServer, waitFor, type StreamClient } from '../support/server';
import request from 'supertest';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function server(opts: Parameters<typeof startTestServer>[0] = {}) {
  const s = await startTestServer(opts);
  let stopped = false;
  cleanups.push(async () => {
    if (!stopped) await s.stop();
  });
  cleanups.push(() => removeDir(s.dataDir));
  return Object.assign(s, {
    stopOnce: async () => {
      stopped = true;
      await s.stop();
    },
  });
}

function track(socket: StreamClient) {
  cleanups.push(() => socket.disconnect());
  const events: BranchEvent[] = [];
  socket.on('event', (e) => events.push(e));
  return events;
}

const issue = (url: string, service = 'teller') => request(url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service });

describe('branch stream', () => {
  it('sends a snapshot on connect, then every event in order, without personal data', async () => {
    const s = await server();
    const socket = connectStream(s.url, { branch: 'demo' });
    const snap = await once(socket, 'snapshot');
    const events = track(socket);
    expect(snap.state.config?.id).toBe('demo');
    expect(Math.abs(snap.serverTime - Date.now())).toBeLessThan(2000);

    const teller = await loginAs(s.url, 'teller1');
    await issue(s.url).expect(201);
    await issue(s.url, 'advice').expect(201);
    await teller.post('/api/branches/demo/counters/1/call-next').set('Idempotency-Key', key()).send({}).expect(200);
    await teller.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ presetId: 'computer-fault', counterId: '2', expectedInMinutes: 10 }).expect(201);

    await waitFor(() => events.length >= 5, 3000, 'five events');
    expect(events.map((e) => e.seq)).toEqual([2, 3, 4, 5, 6]);
    expect(events.map((e) => e.type)).toEqual(['TicketIssued', 'TicketIssued', 'CounterOpened', 'TicketCalled', 'NoticePosted']);
    expect(JSON.stringify(events)).not.toContain('teller1');
    expect(events[3]!.actor).toEqual({ role: 'teller' });

    // What the screen folds is exactly what the server holds.
    const folded = applyAll(snap.state, events);
    const { body } = await request(s.url).get('/api/branches/demo/state').expect(200);
    expect(folded).toEqual(body.state as BranchState);
  });

  it('refuses an unknown branch and a bad handshake', async () => {
    const s = await server();
    const unknown = connectStream(s.url, { branch: 'nowhere' });
    cleanups.push(() => unknown.disconnect());
    expect(await once(unknown, 'refused')).toMatchObject({ code: 'unknown_branch' });
    const bad = connectStream(s.url, { branch: 'Bad Branch!' });
    cleanups.push(() => bad.disconnect());
    expect(await once(bad, 'refused')).toMatchObject({ code: 'invalid' });
  });

  it('sends only the missed events to a client that reconnects with lastSeq, and a snapshot when it is too far behind', async () => {
    const s = await server();
    for (let i = 0; i < 3; i++) await issue(s.url).expect(201);
    const socket = connectStream(s.url, { branch: 'demo', lastSeq: 2 });
    cleanups.push(() => socket.disconnect());
    const { events } = await once(socket, 'catchup');
    expect(events.map((e) => e.seq)).toEqual([3, 4]);

    const ahead = connectStream(s.url, { branch: 'demo', lastSeq: 99 });
    cleanups.push(() => ahead.disconnect());
    expect((await once(ahead, 'snapshot')).state.seq).toBe(4);
  });

  it('fills a gap on request (resync)', async () => {
    const s = await server();
    const socket = connectStream(s.url, { branch: 'demo' });
    cleanups.push(() => socket.disconnect());
    const snap = await once(socket, 'snapshot');
    for (let i = 0; i < 2; i++) await issue(s.url).expect(201);
    const replica = new BranchReplica();
    replica.loadSnapshot(snap.state);
    socket.emit('resync', { lastSeq: snap.state.seq });
    const { events } = await once(socket, 'catchup');
    expect(replica.receiveAll(events)).toBe('applied');
    expect(replica.seq).toBe(3);
  });

  it('sends a heartbeat with the server clock and seq', async () => {
    const s = await server();
    const socket = connectStream(s.url, { branch: 'demo' });
    cleanups.push(() => socket.disconnect());
    await once(socket, 'snapshot');
    const tick = await once(socket, 'tick', 4000);
    expect(tick.seq).toBe(1);
    expect(Math.abs(tick.serverTime - Date.now())).toBeLessThan(2000);
  });

  it('resyncs across a server stop and restart on the same data dir', async () => {
    const s = await server();
    const socket = connectStream(s.url, { branch: 'demo' });
    cleanups.push(() => socket.disconnect());
    const replica = new BranchReplica();
    replica.loadSnapshot((await once(socket, 'snapshot')).state);
    socket.on('event', (e) => replica.receive(e));
    await issue(s.url).expect(201);
    await waitFor(() => replica.seq === 2, 3000, 'the first ticket');
    socket.disconnect();

    // Stop the server, start a new one on the same data dir and port; issue more while the client is away.
    const port = s.port;
    await s.stopOnce();
    const again = await startTestServer({ dataDir: s.dataDir, port });
    cleanups.push(() => again.stop());
    await issue(again.url).expect(201);
    const teller = await loginAs(again.url, 'teller2');
    await teller.post('/api/branches/demo/counters/3/call-next').set('Idempotency-Key', key()).send({}).expect(200);

    const back = connectStream(again.url, { branch: 'demo', lastSeq: replica.seq });
    cleanups.push(() => back.disconnect());
    const { events } = await once(back, 'catchup');
    expect(events.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(replica.receiveAll(events)).toBe('applied');
    const { body } = await request(again.url).get('/api/branches/demo/state').expect(200);
    expect(replica.state).toEqual(body.state);
    expect(replica.state!.counters['3']!.ticketId).toBeTruthy();
  });

  it('rebuilds the same state from the log alone after a restart', async () => {
    const s = await server();
    const teller = await loginAs(s.url, 'teller1');
    for (let i = 0; i < 4; i++) await issue(s.url, i % 2 ? 'advice' : 'teller').expect(201);
    await teller.post('/api/branches/demo/counters/4/call-next').set('Idempotency-Key', key()).send({}).expect(200);
    await teller.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ presetId: 'busy-now' }).expect(201);
    const before = (await request(s.url).get('/api/branches/demo/state').expect(200)).body.state;
    const port = s.port;
    await s.stopOnce();
    const again = await startTestServer({ dataDir: s.dataDir, port });
    cleanups.push(() => again.stop());
    const after = (await request(again.url).get('/api/branches/demo/state').expect(200)).body.state;
    expect(after).toEqual(before);
    // The demo is seeded once: the accounts still use the first password.
    await loginAs(again.url, 'manager');
  });
});
