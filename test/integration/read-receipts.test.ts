import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, loginAs, removeDir, startTestServer } from '../support/server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

/**
 * "The screen said nothing": which screens showed a notice, from when to when, from the screens'
 * own reports of the seq they rendered (ScreenReport.renderedSeq, at least every 15 s). Here the
 * recorder's rules on hand-made reports (gaps, phases); read-receipts-screens.test.ts has the
 * same answer from paired screens reporting over their sockets.
 */
describe('read receipts of a notice', () => {
  it('each screen, the stretches it showed the notice (active, then resolved), gaps in its reports left as gaps', async () => {
    const teller = await loginAs(server.url, 'teller1');
    const manager = await loginAs(server.url, 'manager');
    const posted = await teller.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ presetId: 'card-reader', counterId: '1' });
    expect(posted.status).toBe(201);
    const postedSeq = (await manager.get('/api/branches/demo/history/notices')).body.notices[0].postedSeq as number;
    const resolved = await teller.post(`/api/branches/demo/notices/${posted.body.notice.id}/resolve`).set('Idempotency-Key', key()).send({});
    expect(resolved.status).toBe(200);
    const resolvedSeq = resolved.body.seq as number;
    const t0 = posted.body.notice.startedAt as number;
    const s = 1000;
    const r = server.screenRenders;
    // "Sala, sopra la porta" had the board before the notice, then with it for 30 s, then resolved.
    await r.record('demo', 'screen-door', 'Sala, sopra la porta', postedSeq - 1, t0 - 10 * s);
    await r.record('demo', 'screen-door', 'Sala, sopra la porta', postedSeq, t0 + 1 * s);
    await r.record('demo', 'screen-door', 'Sala, sopra la porta', postedSeq, t0 + 16 * s);
    await r.record('demo', 'screen-door', 'Sala, sopra la porta', postedSeq, t0 + 31 * s);
    await r.record('demo', 'screen-door', 'Sala, sopra la porta', resolvedSeq, t0 + 32 * s);
    await r.record('demo', 'screen-door', 'Sala, sopra la porta', resolvedSeq, t0 + 47 * s);
    // The TV by the counters lost its network: it showed the notice, went silent for 5 minutes, came back.
    await r.record('demo', 'screen-counters', 'Sportelli', postedSeq, t0 + 2 * s);
    await r.record('demo', 'screen-counters', 'Sportelli', postedSeq, t0 + 17 * s);
    await r.record('demo', 'screen-counters', 'Sportelli', postedSeq, t0 + 317 * s);
    // A screen that never got past the state before the notice showed nothing of it.
    await r.record('demo', 'screen-stuck', 'Ingresso', postedSeq - 1, t0 + 5 * s);

    const res = await manager.get(`/api/branches/demo/history/notices/${posted.body.notice.id}`);
    expect(res.status).toBe(200);
    const receipts = res.body.receipts as { screenId: string; screenName: string; shown: { from: number; to: number; as: string }[] }[];
    const door = receipts.find((x) => x.screenId === 'screen-door')!;
    expect(door.screenName).toBe('Sala, sopra la porta');
    expect(door.shown).toEqual([
      { from: t0 + 1 * s, to: t0 + 32 * s, as: 'active' },
      { from: t0 + 32 * s, to: t0 + 47 * s, as: 'resolved' },
    ]);
    const counters = receipts.find((x) => x.screenId === 'screen-counters')!;
    expect(counters.shown).toEqual([
      { from: t0 + 2 * s, to: t0 + 17 * s, as: 'active' },
      { from: t0 + 317 * s, to: t0 + 317 * s, as: 'active' },
    ]);
    expect(receipts.find((x) => x.screenId === 'screen-stuck')).toBeUndefined();

    // Staff data: a teller does not get it.
    expect((await teller.get(`/api/branches/demo/history/notices/${posted.body.notice.id}`)).status).toBe(403);
  });
});
