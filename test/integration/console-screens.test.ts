import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchSummary, PairingTicket, ScreenStatus } from '../../core';
import { ScreenRegistry } from '../../server/screens/screen-registry';
import { connectStream, DEMO_PASSWORD, key, loginAs, openTestSql, removeDir, startTestServer, tempDataDir, waitFor } from '../support/server';

/** Screens paired with a code, reporting over their socket, reloaded and identified from the console; the all-branches feed. */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;

let server: TestServer;
let admin: Agent;
let manager: Agent;
let teller: Agent;
let otherManager: Agent;
const sockets: Socket[] = [];

async function cookieOf(username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request(server.url).post('/api/session').send({ username, password });
  return ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('bb_session='))!.split(';')[0]!;
}

const requestCode = async (): Promise<PairingTicket> => {
  const res = await request(server.url).post('/api/screen-pairings').send({ kind: 'lobby', version: '1.2.3' });
  expect(res.status).toBe(201);
  return res.body;
};

beforeAll(async () => {
  server = await startTestServer();
  [admin, manager, teller] = await Promise.all([loginAs(server.url, 'admin'), loginAs(server.url, 'manager'), loginAs(server.url, 'teller1')]);
  await admin.post('/api/branches').set('Idempotency-Key', key()).send({ id: 'centro', name: 'Filiale Centro', timezone: 'Europe/Rome', languages: ['it', 'en', 'de'] });
  const g = await admin.post('/api/users').set('Idempotency-Key', key()).send({ username: 'giulia', name: 'Giulia', role: 'manager', branches: ['centro'] });
  otherManager = await loginAs(server.url, 'giulia', g.body.password);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.stop();
  removeDir(server.dataDir);
});

describe('pairing a lobby screen', () => {
  it('code → manager pairs it with a name → the screen gets its token, reports, reloads and shows its name', async () => {
    const ticket = await requestCode();
    expect(ticket.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const pending = await request(server.url).post('/api/screen-pairings/claim').send({ pairingToken: ticket.pairingToken });
    expect(pending.body).toMatchObject({ ok: true, status: 'pending' });

    const k = key();
    // The manager types it as it reads, with the dash and in lower case.
    const typed = `${ticket.code.slice(0, 3)}-${ticket.code.slice(3)}`.toLowerCase();
    const paired = await manager.post('/api/branches/demo/screens').set('Idempotency-Key', k).send({ code: typed, name: 'Sala, sopra la porta' });
    expect(paired.status, JSON.stringify(paired.body)).toBe(201);
    const screen: ScreenStatus = paired.body.screen;
    expect(screen).toMatchObject({ branchId: 'demo', name: 'Sala, sopra la porta', kind: 'lobby', version: '1.2.3', up: false, lastSeenAt: null });
    const retry = await manager.post('/api/branches/demo/screens').set('Idempotency-Key', k).send({ code: typed, name: 'Sala, sopra la porta' });
    expect([retry.status, retry.headers['idempotent-replayed'], retry.body.screen.id]).toEqual([201, 'true', screen.id]);

    const claimed = await request(server.url).post('/api/screen-pairings/claim').send({ pairingToken: ticket.pairingToken });
    expect(claimed.body).toMatchObject({ status: 'paired', screen: { id: screen.id, branchId: 'demo', name: 'Sala, sopra la porta' } });
    const screenToken: string = claimed.body.screenToken;

    // The console follows it live.
    const feed = io(`${server.url}/staff`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: await cookieOf('manager') } });
    sockets.push(feed);
    const seen: ScreenStatus[] = [];
    feed.on('screen', ({ screen: s }: { screen: ScreenStatus }) => seen.push(s));
    await new Promise((ok) => feed.once('overview', ok));

    const tv = connectStream(server.url, { branch: 'demo', screen: screenToken } as never);
    sockets.push(tv);
    await new Promise((ok) => tv.once('snapshot', ok));
    (tv as unknown as Socket).emit('report', { renderedSeq: 1, version: '1.2.3', errors: [{ message: 'font failed to load' }] });
    const up = await waitFor(async () => {
      const list = (await manager.get('/api/branches/demo/screens')).body.screens as ScreenStatus[];
      const s = list.find((x) => x.id === screen.id);
      return s?.up ? s : undefined;
    }, 5000, 'the screen to be up');
    expect(up).toMatchObject({ renderedSeq: 1, version: '1.2.3', lastError: { message: 'font failed to load' }, log: [{ up: true }] });
    expect(up.lastSeenAt).toEqual(expect.any(Number));
    await waitFor(() => seen.some((s) => s.id === screen.id && s.up), 5000, 'the console to hear it');

    const reloaded = new Promise((ok) => (tv as unknown as Socket).once('reload', ok));
    const r = await manager.post(`/api/branches/demo/screens/${screen.id}/reload`).set('Idempotency-Key', key()).send({});
    expect(r.body).toEqual({ ok: true, delivered: true });
    await reloaded;
    const identified = new Promise<{ name: string; seconds: number }>((ok) => (tv as unknown as Socket).once('identify', ok));
    await manager.post(`/api/branches/demo/screens/${screen.id}/identify`).set('Idempotency-Key', key()).send({});
    expect(await identified).toEqual({ name: 'Sala, sopra la porta', seconds: 10 });

    const renamed = await manager.patch(`/api/branches/demo/screens/${screen.id}`).set('Idempotency-Key', key()).send({ name: 'Sala, a sinistra' });
    expect(renamed.body.screen.name).toBe('Sala, a sinistra');

    // Pairing, renaming and unpairing are in the branch's log, with who did it.
    const unpairedMsg = new Promise((ok) => (tv as unknown as Socket).once('unpaired', ok));
    expect((await manager.delete(`/api/branches/demo/screens/${screen.id}`).set('Idempotency-Key', key())).status).toBe(200);
    await unpairedMsg;
    expect((await manager.get('/api/branches/demo/screens')).body.screens.some((s: ScreenStatus) => s.id === screen.id)).toBe(false);
    expect((await manager.post(`/api/branches/demo/screens/${screen.id}/reload`).set('Idempotency-Key', key()).send({})).status).toBe(404);
    const again = connectStream(server.url, { branch: 'demo', screen: screenToken } as never);
    sockets.push(again);
    await new Promise((ok) => (again as unknown as Socket).once('unpaired', ok));
  });

  it('400 naming the field, 404 for a code no screen shows, 401, 403 for a teller and another branch’s manager; an admin may', async () => {
    const ticket = await requestCode();
    const bad = await manager.post('/api/branches/demo/screens').set('Idempotency-Key', key()).send({ code: 'ABC', name: 'X' });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'code']);
    const noName = await manager.post('/api/branches/demo/screens').set('Idempotency-Key', key()).send({ code: ticket.code, name: ' ' });
    expect([noName.status, noName.body.error.field]).toEqual([400, 'name']);
    const kind = await request(server.url).post('/api/screen-pairings').send({ kind: 'fridge' });
    expect([kind.status, kind.body.error.field]).toEqual([400, 'kind']);
    const unknown = await manager.post('/api/branches/demo/screens').set('Idempotency-Key', key()).send({ code: 'ZZZZZZ', name: 'X' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown_code']);
    const body = { code: ticket.code, name: 'Ingresso' };
    expect((await request(server.url).post('/api/branches/demo/screens').set('Idempotency-Key', key()).send(body)).status).toBe(401);
    expect((await teller.post('/api/branches/demo/screens').set('Idempotency-Key', key()).send(body)).status).toBe(403);
    expect((await otherManager.post('/api/branches/demo/screens').set('Idempotency-Key', key()).send(body)).status).toBe(403);
    expect((await teller.get('/api/branches/demo/screens')).status).toBe(403);
    const byAdmin = await admin.post('/api/branches/centro/screens').set('Idempotency-Key', key()).send(body);
    expect(byAdmin.status).toBe(201);
    expect((await otherManager.get('/api/branches/centro/screens')).body.screens).toHaveLength(1);
    // The code is used: it pairs no second screen.
    expect((await manager.post('/api/branches/demo/screens').set('Idempotency-Key', key()).send(body)).status).toBe(404);
  });

  it('a kiosk pairs the same way and its token identifies it when it issues tickets', async () => {
    const res = await request(server.url).post('/api/screen-pairings').send({ kind: 'kiosk' });
    await manager.post('/api/branches/demo/screens').set('Idempotency-Key', key()).send({ code: res.body.code, name: 'Totem ingresso' });
    const claim = await request(server.url).post('/api/screen-pairings/claim').send({ pairingToken: res.body.pairingToken });
    expect(claim.body.screen.kind).toBe('kiosk');
    const t = await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).set('X-Screen-Token', claim.body.screenToken).send({ service: 'teller' });
    expect(t.status).toBe(201);
  });
});

describe('a screen that stops reporting is down after 60 s', () => {
  it('up on its report, down after 60 s of silence, up again: each change in its log', async () => {
    const dir = tempDataDir();
    const sql = await openTestSql(dir);
    const reg = new ScreenRegistry(sql);
    const t0 = Date.UTC(2026, 11, 1, 9, 0);
    const ticket = (await reg.requestPairing('lobby', '1.0.0', t0))!;
    const screen = (await reg.pair('demo', ticket.code, 'Sala', 'manager', t0))!;
    expect((await reg.report(screen.id, { renderedSeq: 5, version: '1.0.0' }, t0 + 1000)).cameUp).toBe(true);
    expect(await reg.sweep(t0 + 60_000)).toEqual([]);
    expect(await reg.sweep(t0 + 61_001)).toEqual([screen.id]);
    expect(await reg.sweep(t0 + 62_000)).toEqual([]);
    expect((await reg.counts()).get('demo')).toEqual({ total: 1, down: 1 });
    await reg.report(screen.id, { renderedSeq: 6, version: '1.0.1' }, t0 + 90_000);
    const s = (await reg.get(screen.id))!;
    expect(s).toMatchObject({ up: true, renderedSeq: 6, version: '1.0.1' });
    expect(s.log).toEqual([
      { at: t0 + 90_000, up: true },
      { at: t0 + 61_001, up: false },
      { at: t0 + 1000, up: true },
    ]);
    // An expired code pairs nothing and claims nothing.
    const old = (await reg.requestPairing('lobby', undefined, t0))!;
    expect(await reg.pair('demo', old.code, 'Late', null, t0 + 11 * 60_000)).toBeUndefined();
    expect(await reg.claim(old.pairingToken, t0 + 11 * 60_000)).toBeUndefined();
    await sql.close();
    removeDir(dir);
  });
});

describe('all branches at a glance', () => {
  it('GET /api/overview: a manager sees their branches, an admin all; a teller may not', async () => {
    const mine = await manager.get('/api/overview');
    expect(mine.body.branches.map((b: BranchSummary) => b.id)).toEqual(['demo']);
    const all = await admin.get('/api/overview');
    expect(all.body.branches.map((b: BranchSummary) => b.id)).toEqual(['demo', 'centro']);
    expect((await teller.get('/api/overview')).status).toBe(403);
    expect((await request(server.url).get('/api/overview')).status).toBe(401);
  });

  it('the /staff feed updates live when a ticket is taken, and refuses tellers and strangers', async () => {
    const feed = io(`${server.url}/staff`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: await cookieOf('admin') } });
    sockets.push(feed);
    const overview = await new Promise<{ branches: BranchSummary[] }>((ok) => feed.once('overview', ok));
    const before = overview.branches.find((b) => b.id === 'centro')!;
    expect(before).toMatchObject({ waiting: 0, counters: { open: 0, total: 0 }, screens: { total: 1, down: 1 } });
    const demoBefore = overview.branches.find((b) => b.id === 'demo')!.waiting;
    const next = new Promise<BranchSummary>((ok) => feed.on('branch', ({ summary }: { summary: BranchSummary }) => summary.id === 'demo' && ok(summary)));
    await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'advice' });
    const after = await next;
    expect(after.waiting).toBe(demoBefore + 1);
    expect(after.longestWait).toMatchObject({ since: expect.any(Number) });

    for (const cookie of [await cookieOf('teller1'), 'bb_session=forged', '']) {
      const refused = io(`${server.url}/staff`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
      sockets.push(refused);
      const err = await new Promise<Error>((ok) => refused.once('connect_error', ok));
      expect(['forbidden', 'unauthenticated']).toContain(err.message);
    }
  });
});
