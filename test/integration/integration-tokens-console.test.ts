import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, loginAs, removeDir, startTestServer, staffOfTwoBranches } from '../support/server';

/**
 * Integration tokens as the console makes them: with an Idempotency-Key a retry gets the same
 * token once (its secret only in the first reply), the key with another body is a 409; the
 * refusals the console can meet (400 naming the field, 401, 403 for a teller and for a manager
 * of another branch).
 */
type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;

let server: TestServer;
let admin: Agent;
let manager: Agent;
let teller: Agent;
let otherManager: Agent;

beforeAll(async () => {
  server = await startTestServer();
  ({ admin, manager, teller, otherManager } = await staffOfTwoBranches(server.url));
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const create = (agent: Agent, body: object, k = key(), branch = 'demo') => agent.post(`/api/branches/${branch}/integration-tokens`).set('Idempotency-Key', k).send(body);

describe('integration tokens from the console', () => {
  it('a retry with the same key gets the same token, once, without its secret; one token is made', async () => {
    const k = key();
    const first = await create(manager, { name: 'Eliminacode sala' }, k);
    expect(first.status).toBe(201);
    expect(first.body.secret).toMatch(/^bbi_/);
    expect(first.headers['cache-control']).toBe('no-store');
    const retry = await create(manager, { name: 'Eliminacode sala' }, k);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.token.id).toBe(first.body.token.id);
    expect(retry.body).not.toHaveProperty('secret');
    const list = (await manager.get('/api/branches/demo/integration-tokens')).body.tokens as { id: string; name: string }[];
    expect(list.filter((t) => t.name === 'Eliminacode sala').map((t) => t.id)).toEqual([first.body.token.id]);
    // The secret works: the queue system may post.
    const ingest = await request(server.url).post('/api/branches/demo/ingest').set('Authorization', `Bearer ${first.body.secret}`).send({ events: [{ type: 'issued', ticket: 'QM-1', number: 'A901', service: 'teller' }] });
    expect(ingest.status).toBe(200);
  });

  it('the same key with another body: 409 naming the key; a bad name: 400 naming the field', async () => {
    const k = key();
    expect((await create(manager, { name: 'Uno' }, k)).status).toBe(201);
    const other = await create(manager, { name: 'Due' }, k);
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
    const bad = await create(manager, { name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('name');
    const badKey = await manager.post('/api/branches/demo/integration-tokens').set('Idempotency-Key', 'no spaces!').send({ name: 'x' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.field).toBe('Idempotency-Key');
  });

  it('401 without a session, 403 for a teller and for a manager of another branch; an admin may', async () => {
    expect((await request(server.url).post('/api/branches/demo/integration-tokens').set('Idempotency-Key', key()).send({ name: 'x' })).status).toBe(401);
    expect((await create(teller, { name: 'x' })).status).toBe(403);
    expect((await create(otherManager, { name: 'x' })).status).toBe(403);
    expect((await otherManager.get('/api/branches/demo/integration-tokens')).status).toBe(403);
    expect((await create(admin, { name: 'Sede' }, key(), 'centro')).status).toBe(201);
    expect((await create(otherManager, { name: 'Giulia' }, key(), 'centro')).status).toBe(201);
  });

  it('making and revoking a token are events in the branch log, with who did it, once each', async () => {
    const k = key();
    const made = await create(manager, { name: 'Nel registro' }, k);
    expect((await create(manager, { name: 'Nel registro' }, k)).status).toBe(201);
    const id = made.body.token.id as string;
    for (let i = 0; i < 2; i++) expect((await manager.delete(`/api/branches/demo/integration-tokens/${id}`).set('Idempotency-Key', key()).send({})).status).toBe(200);
    const events = (await server.store.readSince('demo', 0, 100_000)).filter((e) => e.type === 'IntegrationTokenChanged' && e.token.id === id);
    expect(events.map((e) => [e.type === 'IntegrationTokenChanged' && e.change, e.actor])).toEqual([
      ['created', { role: 'manager', user: 'manager' }],
      ['revoked', { role: 'manager', user: 'manager' }],
    ]);
    // Never the secret.
    expect(JSON.stringify(events)).not.toContain(made.body.secret);
  });

  it('revoking: the token is shut out at once; a retried DELETE is the same 200', async () => {
    const made = await create(manager, { name: 'Da revocare' });
    const id = made.body.token.id as string;
    const del = await manager.delete(`/api/branches/demo/integration-tokens/${id}`).set('Idempotency-Key', key()).send({});
    expect(del.status).toBe(200);
    expect(del.body.token.revokedAt).toEqual(expect.any(Number));
    const again = await manager.delete(`/api/branches/demo/integration-tokens/${id}`).set('Idempotency-Key', key()).send({});
    expect([again.status, again.body.token.revokedAt]).toEqual([200, del.body.token.revokedAt]);
    const shut = await request(server.url).post('/api/branches/demo/ingest').set('Authorization', `Bearer ${made.body.secret}`).send({ events: [] });
    expect(shut.status).toBe(401);
  });
});
