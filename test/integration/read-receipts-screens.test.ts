import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, loginAs, removeDir, startTestServer, waitFor } from '../support/server';
import { pairedScreen } from '../support/paired-screen';

/**
 * Read receipts from real screens: two TVs paired through the API connect to the branch stream,
 * follow its events and report the seq they have on screen, as the lobby does; the notice's record
 * then says which screen showed it from when to when. The server's clock is set by the test, so
 * the times are exact.
 */
let now = Date.now();
const clock = () => now;
let server: Awaited<ReturnType<typeof startTestServer>>;
const tvs: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({}, { clock, commandClock: clock });
});

afterAll(async () => {
  for (const s of tvs) s.close();
  await server.stop();
  removeDir(server.dataDir);
});

/** A screen that renders every event it gets and, when told, reports what it has on screen. */
async function screen(manager: Awaited<ReturnType<typeof loginAs>>, name: string) {
  const paired = await pairedScreen(server.url, manager, 'demo', name);
  tvs.push(paired.socket);
  const tv = { ...paired, seq: (await server.states.get('demo'))!.seq };
  paired.socket.on('event', (e: { seq: number }) => (tv.seq = Math.max(tv.seq, e.seq)));
  return tv;
}

async function report(tv: { id: string; seq: number; socket: Socket }): Promise<number> {
  const at = now;
  tv.socket.emit('report', { renderedSeq: tv.seq, version: '0.1.0' });
  await waitFor(
    async () => (await server.sql.all<{ seq: number }>('SELECT seq FROM screen_renders WHERE screen_id = ? AND to_at = ?', [tv.id, at])).some((r) => Number(r.seq) === tv.seq),
    5_000,
    `report of ${tv.id} at ${at}`,
  );
  return at;
}

describe('read receipts from the screens’ own reports', () => {
  it('“Sala, sopra la porta” showed notice N from t1 to t2, then as resolved; the TV that went dark, until it did', async () => {
    const manager = await loginAs(server.url, 'manager');
    const teller = await loginAs(server.url, 'teller1');
    const door = await screen(manager, 'Sala, sopra la porta');
    const counters = await screen(manager, 'Sportelli');
    await report(door);
    await report(counters);

    now += 5_000;
    const posted = await teller.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ presetId: 'card-reader', counterId: '1' });
    expect(posted.status).toBe(201);
    const noticeId = posted.body.notice.id as string;
    const postedSeq = posted.body.seq as number;
    await waitFor(() => door.seq >= postedSeq && counters.seq >= postedSeq, 5_000, 'both screens got the notice');
    now += 1_000;
    const t1 = await report(door);
    now += 1_000;
    const t1Counters = await report(counters);
    now += 15_000;
    await report(door);
    const lastCounters = await report(counters);
    // The TV by the counters loses its network and reports no more.
    counters.socket.close();
    now += 15_000;
    await report(door);

    now += 5_000;
    const resolved = await teller.post(`/api/branches/demo/notices/${noticeId}/resolve`).set('Idempotency-Key', key()).send({});
    expect(resolved.status).toBe(200);
    await waitFor(() => door.seq >= resolved.body.seq, 5_000, 'the door screen got the resolution');
    now += 1_000;
    const t2 = await report(door);
    now += 15_000;
    const t3 = await report(door);

    await server.history.caughtUp('demo');
    const res = await manager.get(`/api/branches/demo/history/notices/${noticeId}`);
    expect(res.status).toBe(200);
    const receipts = res.body.receipts as { screenId: string; screenName: string; shown: { from: number; to: number; as: string }[] }[];
    expect(receipts.find((r) => r.screenId === door.id)).toEqual({
      screenId: door.id,
      screenName: 'Sala, sopra la porta',
      shown: [
        { from: t1, to: t2, as: 'active' },
        { from: t2, to: t3, as: 'resolved' },
      ],
    });
    expect(receipts.find((r) => r.screenId === counters.id)).toEqual({
      screenId: counters.id,
      screenName: 'Sportelli',
      shown: [{ from: t1Counters, to: lastCounters, as: 'active' }],
    });
    expect(receipts).toHaveLength(2);
  });
});
