import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchSummary, ScreenStatus } from '../../core';
import { connectStream, DEMO_PASSWORD, key, loginAs, removeDir, startTestServer, waitFor } from '../support/server';

/**
 * The console's all-branches feed (/staff) sends what changes, not what exists: an overview on
 * connect, then a branch's row when a command changed it (nothing when the row stays as it
 * was), screens going up or down; an idle feed is silent. Screen reports that change nothing of
 * the row reach only those on that branch's screens page.
 */
type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;
type Heard = { event: string; payload: { summary?: BranchSummary; screen?: ScreenStatus; branches?: BranchSummary[] } };

let server: TestServer;
let admin: Agent;
let giuliaPassword = '';
const sockets: Socket[] = [];

async function cookieOf(username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request(server.url).post('/api/session').send({ username, password });
  return ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('bb_session='))!.split(';')[0]!;
}

/** A console's feed, recording everything it hears after its overview. */
async function feed(username: string, password = DEMO_PASSWORD): Promise<{ socket: Socket; heard: Heard[]; overview: BranchSummary[] }> {
  const socket = io(`${server.url}/staff`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: await cookieOf(username, password) } });
  sockets.push(socket);
  const overview = await new Promise<BranchSummary[]>((ok, fail) => {
    socket.once('overview', (m: { branches: BranchSummary[] }) => ok(m.branches));
    socket.once('connect_error', fail);
  });
  const heard: Heard[] = [];
  socket.onAny((event: string, payload: Heard['payload']) => heard.push({ event, payload }));
  return { socket, heard, overview };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const issue = (branch: string, service: string) => request(server.url).post(`/api/branches/${branch}/tickets`).set('Idempotency-Key', key()).send({ service });

beforeAll(async () => {
  server = await startTestServer();
  admin = await loginAs(server.url, 'admin');
  const centro = await admin
    .post('/api/branches')
    .set('Idempotency-Key', key())
    .send({ id: 'centro', name: 'Filiale Centro', timezone: 'Europe/Rome', languages: ['it'], services: [{ id: 'cassa', name: { it: 'Cassa' }, prefix: 'A' }] });
  expect(centro.status).toBe(201);
  const g = await admin.post('/api/users').set('Idempotency-Key', key()).send({ username: 'giulia', name: 'Giulia', role: 'manager', branches: ['centro'] });
  giuliaPassword = g.body.password;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.stop();
  removeDir(server.dataDir);
});

describe('the all-branches feed', () => {
  it('an idle feed sends nothing (no whole table every few seconds)', async () => {
    const admins = await feed('admin');
    expect(admins.overview.map((b) => b.id).sort()).toEqual(['centro', 'demo']);
    // Longer than the 5 s the table used to be resent at.
    await pause(6_500);
    expect(admins.heard).toEqual([]);
  }, 15_000);

  it("a command pushes that branch's row, live, once per burst; the others' rows stay unsent", async () => {
    const admins = await feed('admin');
    const demoBefore = admins.overview.find((b) => b.id === 'demo')!.waiting;
    for (let i = 0; i < 3; i++) expect((await issue('demo', 'teller')).status).toBe(201);
    await waitFor(() => admins.heard.some((h) => h.payload.summary?.waiting === demoBefore + 3), 3000, 'the row with three more waiting');
    await pause(500);
    const rows = admins.heard.filter((h) => h.event === 'branch');
    expect(rows.every((h) => h.payload.summary!.id === 'demo')).toBe(true);
    // Three commands a moment apart settle into one or two rows, never the whole table.
    expect(rows.length).toBeLessThanOrEqual(2);
    expect(admins.heard.some((h) => h.event === 'overview')).toBe(false);
  });

  it('a command that leaves the row as it was (a preset saved) sends nothing', async () => {
    const admins = await feed('admin');
    const manager = await loginAs(server.url, 'manager');
    const put = await manager
      .put('/api/branches/demo/presets/own-notice')
      .set('Idempotency-Key', key())
      .send({ cause: 'other', effect: 'info', scope: 'branch', text: { it: 'Avviso', en: 'Notice' }, apologise: false, defaultMinutes: null });
    expect(put.status).toBe(200);
    await pause(800);
    expect(admins.heard).toEqual([]);
  });

  it("a manager's feed hears only their branches", async () => {
    const giulia = await feed('giulia', giuliaPassword);
    expect(giulia.overview.map((b) => b.id)).toEqual(['centro']);
    expect((await issue('demo', 'advice')).status).toBe(201);
    expect((await issue('centro', 'cassa')).status).toBe(201);
    await waitFor(() => giulia.heard.some((h) => h.payload.summary?.id === 'centro'), 3000, "centro's row");
    await pause(500);
    expect(giulia.heard.filter((h) => h.event === 'branch').map((h) => h.payload.summary!.id)).toEqual(['centro']);
  });

  it('a branch opened meanwhile joins the admin feed with its row', async () => {
    const admins = await feed('admin');
    expect((await admin.post('/api/branches').set('Idempotency-Key', key()).send({ id: 'nord', name: 'Filiale Nord', timezone: 'Europe/Rome', languages: ['it'] })).status).toBe(201);
    await waitFor(() => admins.heard.some((h) => h.payload.summary?.id === 'nord'), 3000, "the new branch's row");
  });

  it("a screen going up pushes the screen and the branch's row; its later reports reach only the screens page", async () => {
    const admins = await feed('admin');
    const screensPage = await feed('manager');
    screensPage.socket.emit('watch-screens', 'demo');
    await pause(200);

    const ticket = (await request(server.url).post('/api/screen-pairings').send({ kind: 'lobby', version: '1.0.0' })).body;
    const paired = await (await loginAs(server.url, 'manager')).post('/api/branches/demo/screens').set('Idempotency-Key', key()).send({ code: ticket.code, name: 'Sala' });
    expect(paired.status).toBe(201);
    const claimed = await request(server.url).post('/api/screen-pairings/claim').send({ pairingToken: ticket.pairingToken });
    const tv = io(server.url, { auth: { branch: 'demo', screen: claimed.body.screenToken }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(tv);
    await new Promise((ok) => tv.once('snapshot', ok));
    tv.emit('report', { renderedSeq: 1, version: '1.0.0' });
    await waitFor(() => admins.heard.some((h) => h.event === 'screen' && h.payload.screen!.up), 3000, 'the screen up');
    await waitFor(() => admins.heard.some((h) => h.payload.summary?.id === 'demo' && h.payload.summary.screens.total === 1 && h.payload.summary.screens.down === 0), 3000, 'the row with the screen up');

    const adminHeard = admins.heard.length;
    const pageHeard = screensPage.heard.filter((h) => h.event === 'screen').length;
    await pause(300);
    tv.emit('report', { renderedSeq: 2, version: '1.0.0' });
    await waitFor(() => screensPage.heard.filter((h) => h.event === 'screen').length > pageHeard, 3000, 'the report on the screens page');
    expect(screensPage.heard.at(-1)!.payload.screen!.renderedSeq).toBe(2);
    await pause(300);
    expect(admins.heard.length).toBe(adminHeard);
  });

  it("a manager disabled meanwhile: their feed is let go at once, not at the next check", async () => {
    const giulia = await feed('giulia', giuliaPassword);
    const gone = new Promise((ok) => giulia.socket.once('disconnect', ok));
    const t0 = Date.now();
    expect((await admin.patch('/api/users/giulia').set('Idempotency-Key', key()).send({ disabled: true })).status).toBe(200);
    await gone;
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('the lobby stream still works beside it (sanity)', async () => {
    const s = connectStream(server.url, { branch: 'centro' });
    sockets.push(s as unknown as Socket);
    await new Promise((ok) => s.once('snapshot', ok));
  });
});
