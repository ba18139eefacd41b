import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenSound, ScreenStatus } from '../../core';
import { connectStream, key, loginAs, removeDir, startTestServer, waitFor } from '../support/server';

/**
 * Per-screen sound from the console: chime, voice and volume set on one screen (each null to
 * follow the branch), validated, idempotent, recorded in the branch's log with who set it, and
 * pushed to the screen over its socket (on connecting too); the screen reports over the same
 * socket whether its sound works (played / ready / blocked / off), and the console lists it.
 */
describe('a screen’s own sound', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let manager: Awaited<ReturnType<typeof loginAs>>;
  let teller: Awaited<ReturnType<typeof loginAs>>;
  let screen: ScreenStatus;
  let screenToken: string;
  const sockets: Socket[] = [];

  const screens = async () => (await manager.get('/api/branches/demo/screens')).body.screens as ScreenStatus[];
  const mine = async () => (await screens()).find((s) => s.id === screen.id)!;
  const tvSocket = () => {
    const tv = connectStream(server.url, { branch: 'demo', screen: screenToken } as never) as unknown as Socket;
    sockets.push(tv);
    return tv;
  };

  beforeAll(async () => {
    server = await startTestServer();
    [manager, teller] = await Promise.all([loginAs(server.url, 'manager'), loginAs(server.url, 'teller1')]);
    const ticket = (await request(server.url).post('/api/screen-pairings').send({ kind: 'lobby' })).body;
    const paired = await manager.post('/api/branches/demo/screens').set('Idempotency-Key', key()).send({ code: ticket.code, name: 'Sala' });
    expect(paired.status).toBe(201);
    screen = paired.body.screen;
    screenToken = (await request(server.url).post('/api/screen-pairings/claim').send({ pairingToken: ticket.pairingToken })).body.screenToken;
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await server.stop();
    removeDir(server.dataDir);
  });

  it('a new screen follows the branch: no settings of its own, nothing reported yet; it gets them on connecting', async () => {
    expect(screen.sound).toEqual({});
    expect(screen.soundReport).toBeNull();
    const tv = tvSocket();
    const sound = await new Promise<ScreenSound>((ok) => tv.once('sound', ok));
    expect(sound).toEqual({});
  });

  it('set from the console: saved, in the log with who set it, pushed to the screen at once; a retry is applied once', async () => {
    const tv = tvSocket();
    await new Promise((ok) => tv.once('sound', ok));
    const pushed = new Promise<ScreenSound>((ok) => tv.once('sound', ok));
    const k = key();
    const body = { chime: false, voice: true, volume: 0.4 };
    const res = await manager.put(`/api/branches/demo/screens/${screen.id}/sound`).set('Idempotency-Key', k).send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.screen.sound).toEqual(body);
    expect(await pushed).toEqual(body);
    expect((await mine()).sound).toEqual(body);

    const retry = await manager.put(`/api/branches/demo/screens/${screen.id}/sound`).set('Idempotency-Key', k).send(body);
    expect([retry.status, retry.headers['idempotent-replayed']]).toEqual([200, 'true']);
    const log = await server.store.readSince('demo', 0, 10_000);
    const set = log.filter((e) => e.type === 'ScreenSoundSet');
    expect(set).toHaveLength(1);
    expect(set[0]).toMatchObject({ screenId: screen.id, sound: body, actor: { role: 'manager', user: 'manager' } });

    // Back to the branch's chime: null.
    const back = await manager.put(`/api/branches/demo/screens/${screen.id}/sound`).set('Idempotency-Key', key()).send({ chime: null, voice: true, volume: 0.4 });
    expect(back.body.screen.sound).toEqual({ chime: null, voice: true, volume: 0.4 });
  });

  it('refuses what is not a sound setting, by field; only managers may set it', async () => {
    const put = (body: object, agent = manager, id = screen.id) => agent.put(`/api/branches/demo/screens/${id}/sound`).set('Idempotency-Key', key()).send(body);
    const loud = await put({ volume: 2 });
    expect([loud.status, loud.body.error.field]).toEqual([400, 'volume']);
    const odd = await put({ chime: 'yes' });
    expect([odd.status, odd.body.error.field]).toEqual([400, 'chime']);
    expect((await put({ loud: true })).status).toBe(400);
    expect((await put({}, manager, 'scr-nothere')).status).toBe(404);
    expect((await put({ chime: true }, teller)).status).toBe(403);
    expect((await mine()).sound).toEqual({ chime: null, voice: true, volume: 0.4 });
  });

  it('the screen reports whether its sound works; the console lists it, and keeps the last time it played', async () => {
    const tv = tvSocket();
    await new Promise((ok) => tv.once('snapshot', ok));
    tv.emit('report', { renderedSeq: 1, version: '0.1.0', sound: { state: 'blocked' } });
    const blocked = await waitFor(async () => ((await mine()).soundReport?.state === 'blocked' ? await mine() : undefined), 5000, 'blocked');
    expect(blocked.soundReport).toMatchObject({ state: 'blocked', playedAt: null });

    const playedAt = Date.now() - 3_000;
    await new Promise((r) => setTimeout(r, 300));
    tv.emit('report', { renderedSeq: 1, version: '0.1.0', sound: { state: 'played', playedAt } });
    const played = await waitFor(async () => ((await mine()).soundReport?.state === 'played' ? await mine() : undefined), 5000, 'played');
    expect(played.soundReport!.playedAt).toBe(playedAt);

    // A report without a word on sound leaves what it said; a malformed one is ignored.
    await new Promise((r) => setTimeout(r, 300));
    tv.emit('report', { renderedSeq: 2, version: '0.1.0' });
    await waitFor(async () => (await mine()).renderedSeq === 2, 5000, 'the report');
    expect((await mine()).soundReport).toMatchObject({ state: 'played', playedAt });
    await new Promise((r) => setTimeout(r, 300));
    tv.emit('report', { renderedSeq: 3, version: '0.1.0', sound: { state: 'loud' } });
    await new Promise((r) => setTimeout(r, 300));
    expect((await mine()).renderedSeq).toBe(2);

    tv.emit('report', { renderedSeq: 3, version: '0.1.0', sound: { state: 'off' } });
    await waitFor(async () => (await mine()).soundReport?.state === 'off', 5000, 'off');
    expect((await mine()).soundReport!.playedAt).toBe(playedAt);
  });
});
