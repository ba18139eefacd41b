import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, BranchEvent } from '../../core';
import { connectStream, key, loginAs, once, removeDir, startTestServer, waitFor, type StreamClient, staffOfTwoBranches } from '../support/server';

/**
 * Staff changes are events in the log of each branch they touch, with who made them, so the
 * audit answers "who added this teller, when": created, bound, unbound, renamed, password reset,
 * disabled, enabled. Refused requests write nothing; a retry writes nothing twice; the lobby's
 * stream gets the event without the account.
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

type StaffEvent = Extract<BranchEvent, { type: 'StaffChanged' }>;

/** The StaffChanged events of `username` in a branch's log, as the store holds them. */
async function staffEvents(branch: string, username: string): Promise<StaffEvent[]> {
  const events = await server.store.readSince(branch, 0, 100000);
  return events.filter((e): e is StaffEvent => e.type === 'StaffChanged' && e.account?.username === username);
}

describe('staff changes in the branch log', () => {
  it('a manager creates a teller: "created" in the branch log, by the manager; a retry writes it once', async () => {
    const k = key();
    const body = { username: 'marco.rossi', name: 'Marco Rossi', role: 'teller', branches: ['demo'] };
    expect((await manager.post('/api/users').set('Idempotency-Key', k).send(body)).status).toBe(201);
    const retry = await manager.post('/api/users').set('Idempotency-Key', k).send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    // The entries kept for a retry never reach the client.
    expect(retry.body).not.toHaveProperty('_log');
    const events = await staffEvents('demo', 'marco.rossi');
    expect(events.map((e) => [e.change, e.actor.role, e.actor.user, e.account])).toEqual([
      ['created', 'manager', 'manager', { username: 'marco.rossi', name: 'Marco Rossi', role: 'teller' }],
    ]);
  });

  it('the audit trail answers "who added this teller, when"', async () => {
    const entries = await waitFor(async () => {
      const r = await manager.get('/api/branches/demo/history/audit?type=StaffChanged');
      expect(r.status).toBe(200);
      const found = (r.body.entries as AuditEntry[]).filter((a) => a.changes.some((c) => c.kind === 'event' && (c.detail?.account as { username?: string })?.username === 'marco.rossi'));
      return found.length ? found : undefined;
    }, 5000, 'the audit entry');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor).toEqual({ role: 'manager', user: 'manager' });
    expect(entries[0]!.changes[0]).toMatchObject({ kind: 'event', type: 'StaffChanged', detail: { change: 'created' } });
    expect(Math.abs(entries[0]!.at - Date.now())).toBeLessThan(60_000);
  });

  it('binding to another branch, renaming, disabling, enabling, unbinding and a reset: each in the log of the branches it touches', async () => {
    const patch = (body: object) => admin.patch('/api/users/marco.rossi').set('Idempotency-Key', key()).send(body);
    expect((await patch({ branches: ['demo', 'centro'] })).status).toBe(200);
    expect((await patch({ name: 'Marco A. Rossi', disabled: true })).status).toBe(200);
    expect((await patch({ disabled: false })).status).toBe(200);
    expect((await admin.post('/api/users/marco.rossi/reset-password').set('Idempotency-Key', key()).send({})).status).toBe(200);
    expect((await patch({ branches: ['centro'] })).status).toBe(200);

    const changes = async (branch: string) => (await staffEvents(branch, 'marco.rossi')).map((e) => `${e.change} by ${e.actor.user}`);
    expect(await changes('demo')).toEqual(['created by manager', 'renamed by admin', 'disabled by admin', 'enabled by admin', 'password_reset by admin', 'unbound by admin']);
    expect(await changes('centro')).toEqual(['bound by admin', 'renamed by admin', 'disabled by admin', 'enabled by admin', 'password_reset by admin']);
    expect((await staffEvents('centro', 'marco.rossi')).at(-1)!.account).toEqual({ username: 'marco.rossi', name: 'Marco A. Rossi', role: 'teller' });
  });

  it('a retried PATCH and reset write nothing twice', async () => {
    const before = (await staffEvents('centro', 'marco.rossi')).length;
    const k = key();
    for (let i = 0; i < 2; i++) expect((await admin.patch('/api/users/marco.rossi').set('Idempotency-Key', k).send({ name: 'Marco Rossi' })).status).toBe(200);
    const r = key();
    for (let i = 0; i < 2; i++) expect((await admin.post('/api/users/marco.rossi/reset-password').set('Idempotency-Key', r).send({})).status).toBe(200);
    expect((await staffEvents('centro', 'marco.rossi')).length).toBe(before + 2);
  });

  it('refused requests write nothing: 400 naming the field, 401, 403 for a teller, 403 for a manager of another branch', async () => {
    const demoBefore = (await server.store.readSince('demo', 0, 100000)).length;
    const centroBefore = (await server.store.readSince('centro', 0, 100000)).length;
    const body = { username: 'luca', name: 'Luca', role: 'teller', branches: ['demo'] };

    const bad = await manager.post('/api/users').set('Idempotency-Key', key()).send({ ...body, username: 'Not Valid!' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('username');
    const { default: request } = await import('supertest');
    expect((await request(server.url).post('/api/users').set('Idempotency-Key', key()).send(body)).status).toBe(401);
    expect((await teller.post('/api/users').set('Idempotency-Key', key()).send(body)).status).toBe(403);
    const other = await otherManager.post('/api/users').set('Idempotency-Key', key()).send(body);
    expect(other.status).toBe(403);
    expect((await otherManager.patch('/api/users/teller2').set('Idempotency-Key', key()).send({ disabled: true })).status).toBe(403);
    expect((await teller.post('/api/users/teller2/reset-password').set('Idempotency-Key', key()).send({})).status).toBe(403);

    expect((await server.store.readSince('demo', 0, 100000)).length).toBe(demoBefore);
    expect((await server.store.readSince('centro', 0, 100000)).length).toBe(centroBefore);
  });

  it("the lobby's stream gets the event in its place (no gap) but not the account, nor who did it", async () => {
    const screen: StreamClient = connectStream(server.url, { branch: 'demo' });
    try {
      await once(screen, 'snapshot');
      const next = once(screen, 'event');
      expect((await admin.post('/api/users').set('Idempotency-Key', key()).send({ username: 'anna', name: 'Anna Verdi', role: 'teller', branches: ['demo'] })).status).toBe(201);
      const e = (await next) as BranchEvent;
      expect(e).toMatchObject({ type: 'StaffChanged', change: 'created', actor: { role: 'admin' } });
      expect(e).not.toHaveProperty('account');
      expect(JSON.stringify(e)).not.toContain('anna');
    } finally {
      screen.close();
    }
  });
});
