import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GtfsFeed } from '../../core';
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

describe('GET /api/branches/:branch/alerts.json (GTFS-realtime Alerts)', () => {
  it('is public, follows the Alert fields with translated texts, and is cached by ETag', async () => {
    const empty = await request(server.url).get('/api/branches/demo/alerts.json');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ header: { gtfs_realtime_version: '2.0', incrementality: 'FULL_DATASET' }, entity: [] });

    const teller = await loginAs(server.url, 'teller3');
    const posted = await teller.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ presetId: 'card-reader', counterId: '3', expectedInMinutes: 20 });
    expect(posted.status).toBe(201);

    const res = await request(server.url).get('/api/branches/demo/alerts.json');
    const feed = res.body as GtfsFeed;
    expect(res.headers['cache-control']).toBe('public, max-age=15');
    expect(feed.entity).toHaveLength(1);
    const a = feed.entity[0]!.alert;
    expect(feed.entity[0]!.id).toBe(posted.body.notice.id);
    expect(a).toMatchObject({ cause: 'TECHNICAL_PROBLEM', effect: 'REDUCED_SERVICE', informed_entity: [{ agency_id: 'demo', stop_id: '3' }] });
    expect(a.active_period[0]!.start).toBe(Math.floor(posted.body.notice.startedAt / 1000));
    expect(a.header_text.translation.map((t) => t.language)).toEqual(['it', 'en']);
    expect(a.header_text.translation[1]!.text).toBe('Technical problem — Reduced service');
    expect(a.description_text.translation.find((t) => t.language === 'en')!.text).toContain('card reader');
    expect(res.text).not.toContain('teller3');

    const etag = res.headers.etag!;
    expect(etag).toBeTruthy();
    const again = await request(server.url).get('/api/branches/demo/alerts.json').set('If-None-Match', etag);
    expect(again.status).toBe(304);

    await teller.post(`/api/branches/demo/notices/${posted.body.notice.id}/resolve`).set('Idempotency-Key', key()).send({});
    const changed = await request(server.url).get('/api/branches/demo/alerts.json').set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect((changed.body as GtfsFeed).entity[0]!.alert.active_period[0]!.end).toBeGreaterThan(0);
  });

  it('404 for an unknown branch, 400 for a bad id', async () => {
    expect((await request(server.url).get('/api/branches/nowhere/alerts.json')).status).toBe(404);
    expect((await request(server.url).get('/api/branches/NO!/alerts.json')).status).toBe(400);
  });
});
