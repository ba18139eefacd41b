import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStream, DEMO_PASSWORD, key, loginAs, once, removeDir, startTestServer } from '../support/server';

/** Found by review: each of these was once possible. */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ loginAttempts: 2 });
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe('hardening', () => {
  it('refuses a body that is not JSON with 415 naming Content-Type', async () => {
    const res = await request(server.url)
      .post('/api/branches/demo/tickets')
      .set('Idempotency-Key', key())
      .set('Content-Type', 'text/plain')
      .send('service=teller');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'unsupported_media_type', field: 'Content-Type' } });
  });

  it('throttles failed logins per address and username: one colleague’s typos do not lock out another', async () => {
    for (let i = 0; i < 2; i++) await request(server.url).post('/api/session').send({ username: 'teller3', password: 'wrong-pin' }).expect(401);
    await request(server.url).post('/api/session').send({ username: 'teller3', password: DEMO_PASSWORD }).expect(429);
    await request(server.url).post('/api/session').send({ username: 'teller4', password: DEMO_PASSWORD }).expect(200);
  });

  it('refuses a scope naming the same counter twice', async () => {
    const teller = await loginAs(server.url, 'teller1');
    const res = await teller
      .post('/api/branches/demo/notices')
      .set('Idempotency-Key', key())
      .send({ cause: 'other', effect: 'info', text: { en: 'Lift out of order' }, scope: { type: 'counters', ids: ['1', '1'] } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('scope.ids');
  });

  it('answers at most a few resyncs a second per screen', async () => {
    const socket = connectStream(server.url, { branch: 'demo' });
    try {
      await once(socket, 'snapshot');
      let answers = 0;
      socket.on('snapshot', () => answers++);
      for (let i = 0; i < 50; i++) socket.emit('resync', { lastSeq: 10_000 });
      await new Promise((r) => setTimeout(r, 400));
      expect(answers).toBeGreaterThanOrEqual(1);
      expect(answers).toBeLessThanOrEqual(2);
    } finally {
      socket.disconnect();
    }
  });
});
