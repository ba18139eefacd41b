import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoLocal, type BranchState } from '../../core';
import { key, loginAs, removeDir, startTestServer } from '../support/server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;

let server: TestServer;
let manager: Agent;
let teller: Agent;
let beforeNotice = 0;
let withNotice = 0;
let noticeId = '';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startTestServer();
  manager = await loginAs(server.url, 'manager');
  teller = await loginAs(server.url, 'teller1');
  await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' });
  await pause(20);
  beforeNotice = Date.now();
  await pause(20);
  const posted = await teller.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ presetId: 'card-reader', counterId: '1', expectedInMinutes: 15 });
  noticeId = posted.body.notice.id;
  await pause(20);
  withNotice = Date.now();
  await pause(20);
  await teller.post(`/api/branches/demo/notices/${noticeId}/resolve`).set('Idempotency-Key', key()).send({});
});

afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe('GET /api/branches/:branch/replay', () => {
  it('is for managers and admins: the public gets 401, a teller 403', async () => {
    for (const p of ['/api/branches/demo/replay', '/api/branches/demo/replay.json', '/api/branches/demo/replay.png']) {
      expect((await request(server.url).get(`${p}?at=${withNotice}`)).status).toBe(401);
      expect((await teller.get(`${p}?at=${withNotice}`)).status).toBe(403);
    }
  });

  it('the state at a moment, by local date and time or epoch ms, with the neighbouring changes', async () => {
    const res = await manager.get(`/api/branches/demo/replay?at=${withNotice}`);
    expect(res.status).toBe(200);
    const state = res.body.state as BranchState;
    expect(state.notices.map((n) => [n.id, n.status])).toEqual([[noticeId, 'active']]);
    expect(res.body.timezone).toBe('Europe/Rome');
    expect(res.body.prev).toBeLessThan(state.at);
    expect(res.body.next).toBeGreaterThan(withNotice);
    expect(res.body.estimates.at).toBe(withNotice);

    const earlier = await manager.get(`/api/branches/demo/replay?at=${beforeNotice}`);
    expect((earlier.body.state as BranchState).notices).toEqual([]);
    // A local date and time in the branch's zone (seconds: the moment's whole second).
    const local = isoLocal(withNotice, 'Europe/Rome').slice(0, 19);
    const byLocal = await manager.get(`/api/branches/demo/replay?at=${local}`);
    expect(byLocal.status).toBe(200);
    expect(byLocal.body.local).toBe(local);
    const live = (await request(server.url).get('/api/branches/demo/state')).body.state as BranchState;
    const now = await manager.get(`/api/branches/demo/replay?at=${Date.now()}`);
    expect(now.body.state).toEqual(live);
  });

  it('a clear 400 for a moment that is not one, or in the future', async () => {
    const bad = await manager.get('/api/branches/demo/replay?at=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('at');
    expect((await manager.get(`/api/branches/demo/replay?at=${Date.now() + 3600_000}`)).body.error.code).toBe('in_the_future');
    expect((await manager.get('/api/branches/demo/replay')).body.error.field).toBe('query.at');
  });
});

describe('signed JSON export', () => {
  it('state + seq + hash-chain link, signed; the verify endpoint checks the signature and the log', async () => {
    const res = await manager.get(`/api/branches/demo/replay.json?at=${withNotice}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="demo-replay-.*\.json"/);
    const doc = res.body;
    expect(doc).toMatchObject({ kind: 'branchboard.replay', branchId: 'demo', at: withNotice, exportedBy: 'manager', chain: { algorithm: 'sha256-chain-v1' } });
    expect(doc.chain.link).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.signature).toMatchObject({ algorithm: 'Ed25519' });

    const ok = await request(server.url).post('/api/replay/verify').send(doc);
    expect(ok.body).toEqual({ ok: true, valid: true, signatureValid: true, chainMatches: true, stateMatches: true });

    const tampered = structuredClone(doc);
    tampered.state.notices = [];
    const bad = await request(server.url).post('/api/replay/verify').send(tampered);
    expect(bad.body).toMatchObject({ valid: false, signatureValid: false, stateMatches: false, chainMatches: true });

    const pem = await request(server.url).get('/api/replay/public-key');
    expect(pem.text).toContain('BEGIN PUBLIC KEY');
    expect((await request(server.url).post('/api/replay/verify').send({ hello: 1 })).status).toBe(400);
  });

  it('the same key signs after a restart (kept in the data dir)', async () => {
    const a = (await manager.get(`/api/branches/demo/replay.json?at=${withNotice}`)).body.signature.keyId;
    await server.stop();
    server = await startTestServer({ dataDir: server.dataDir });
    manager = await loginAs(server.url, 'manager');
    const doc = (await manager.get(`/api/branches/demo/replay.json?at=${withNotice}`)).body;
    expect(doc.signature.keyId).toBe(a);
    expect((await request(server.url).post('/api/replay/verify').send(doc)).body.valid).toBe(true);
  });
});
