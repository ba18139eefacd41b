import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, loginAs, removeDir, startTestServer, staffOfTwoBranches } from '../support/server';

/** Staff accounts from the console: who may create and change whom, passwords shown once, disabling ends sessions. */

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

const aTeller = (username: string, branches = ['demo']) => ({ username, name: `Teller ${username}`, role: 'teller', branches });

describe('POST /api/users', () => {
  it('a manager creates a teller of their branch: 201, a password shown once that logs in; a retry does not show it again', async () => {
    const k = key();
    const res = await manager.post('/api/users').set('Idempotency-Key', k).send(aTeller('marco'));
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.user).toMatchObject({ username: 'marco', role: 'teller', branches: ['demo'], disabled: false, lastLoginAt: null });
    expect(res.body.password).toMatch(/^[a-z2-9]{10}$/);
    const retry = await manager.post('/api/users').set('Idempotency-Key', k).send(aTeller('marco'));
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.password).toBeUndefined();
    await loginAs(server.url, 'marco', res.body.password);
    const list = await manager.get('/api/users');
    expect(list.body.users.find((u: { username: string }) => u.username === 'marco').lastLoginAt).toEqual(expect.any(Number));
  });

  it('400 naming the field, 409 for a taken username', async () => {
    const bad = await manager.post('/api/users').set('Idempotency-Key', key()).send({ ...aTeller('Bad Name') });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'username']);
    const none = await manager.post('/api/users').set('Idempotency-Key', key()).send({ ...aTeller('nobranch', []) });
    expect([none.status, none.body.error.field]).toEqual([400, 'branches']);
    const unknown = await admin.post('/api/users').set('Idempotency-Key', key()).send({ ...aTeller('lost', ['demo', 'atlantis']) });
    expect([unknown.status, unknown.body.error.field]).toEqual([400, 'branches.1']);
    const taken = await manager.post('/api/users').set('Idempotency-Key', key()).send(aTeller('teller1'));
    expect([taken.status, taken.body.error.code]).toEqual([409, 'username_taken']);
  });

  it('401 without a session; 403 for a teller, for a manager creating a manager or a teller of another branch; an admin may', async () => {
    expect((await request(server.url).post('/api/users').set('Idempotency-Key', key()).send(aTeller('x1'))).status).toBe(401);
    expect((await teller.post('/api/users').set('Idempotency-Key', key()).send(aTeller('x2'))).status).toBe(403);
    expect((await manager.post('/api/users').set('Idempotency-Key', key()).send({ ...aTeller('x3'), role: 'manager' })).status).toBe(403);
    expect((await manager.post('/api/users').set('Idempotency-Key', key()).send({ ...aTeller('x4'), role: 'admin' })).status).toBe(403);
    expect((await otherManager.post('/api/users').set('Idempotency-Key', key()).send(aTeller('x5'))).status).toBe(403);
    expect((await manager.post('/api/users').set('Idempotency-Key', key()).send(aTeller('x6', ['demo', 'centro']))).status).toBe(403);
    const byAdmin = await admin.post('/api/users').set('Idempotency-Key', key()).send({ ...aTeller('boss2'), role: 'admin' });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.user).toMatchObject({ role: 'admin', branches: [] });
  });
});

describe('GET /api/users', () => {
  it('a manager sees the accounts of their branches, an admin all, a teller none', async () => {
    const mine = (await manager.get('/api/users')).body.users.map((u: { username: string }) => u.username);
    expect(mine).toEqual(expect.arrayContaining(['manager', 'teller1', 'marco']));
    expect(mine).not.toContain('giulia');
    expect(mine).not.toContain('admin');
    const all = (await admin.get('/api/users')).body.users.map((u: { username: string }) => u.username);
    expect(all).toEqual(expect.arrayContaining(['admin', 'giulia', 'manager']));
    expect((await teller.get('/api/users')).status).toBe(403);
    expect((await request(server.url).get('/api/users')).status).toBe(401);
    expect(JSON.stringify(all)).not.toMatch(/scrypt|hash/);
  });
});

describe('PATCH /api/users/:username', () => {
  it('disabling an account ends its sessions at once and refuses its login', async () => {
    const created = await manager.post('/api/users').set('Idempotency-Key', key()).send(aTeller('sara'));
    const sara = await loginAs(server.url, 'sara', created.body.password);
    expect((await sara.get('/api/session')).body.user.username).toBe('sara');
    const res = await manager.patch('/api/users/sara').set('Idempotency-Key', key()).send({ disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.user.disabled).toBe(true);
    expect((await sara.get('/api/session')).body.user).toBeNull();
    expect((await sara.post('/api/branches/demo/counters/1/open').set('Idempotency-Key', key()).send({})).status).toBe(401);
    const login = await request(server.url).post('/api/session').send({ username: 'sara', password: created.body.password });
    expect(login.status).toBe(401);
    // Enabled again: the same password works.
    await manager.patch('/api/users/sara').set('Idempotency-Key', key()).send({ disabled: false });
    await loginAs(server.url, 'sara', created.body.password);
  });

  it('a manager never raises their own rights nor reaches another branch; the last admin stays', async () => {
    const self = await manager.patch('/api/users/manager').set('Idempotency-Key', key()).send({ role: 'admin' });
    expect([self.status, self.body.error.code]).toEqual([403, 'forbidden']);
    const selfBranch = await manager.patch('/api/users/manager').set('Idempotency-Key', key()).send({ branches: ['demo', 'centro'] });
    expect(selfBranch.status).toBe(403);
    expect((await manager.patch('/api/users/teller2').set('Idempotency-Key', key()).send({ role: 'manager' })).status).toBe(403);
    expect((await manager.patch('/api/users/teller2').set('Idempotency-Key', key()).send({ branches: ['centro'] })).status).toBe(403);
    expect((await otherManager.patch('/api/users/teller2').set('Idempotency-Key', key()).send({ name: 'Renamed' })).status).toBe(403);
    expect((await manager.patch('/api/users/giulia').set('Idempotency-Key', key()).send({ disabled: true })).status).toBe(403);
    expect((await teller.patch('/api/users/teller2').set('Idempotency-Key', key()).send({ name: 'x' })).status).toBe(403);
    expect((await manager.patch('/api/users/nobody').set('Idempotency-Key', key()).send({ name: 'x' })).status).toBe(404);
    const renamed = await manager.patch('/api/users/teller2').set('Idempotency-Key', key()).send({ name: 'Luca Bianchi' });
    expect(renamed.body.user.name).toBe('Luca Bianchi');
    const bad = await manager.patch('/api/users/teller2').set('Idempotency-Key', key()).send({ role: 'boss' });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'role']);
    // The admin may bind a manager to a second branch and promote someone.
    expect((await admin.patch('/api/users/manager').set('Idempotency-Key', key()).send({ branches: ['demo', 'centro'] })).status).toBe(200);
    // boss2 (made above) demotes the demo admin; then boss2 is the last admin and cannot be demoted.
    const boss2 = await admin.post('/api/users/boss2/reset-password').set('Idempotency-Key', key()).send({});
    const boss = await loginAs(server.url, 'boss2', boss2.body.password);
    expect((await boss.patch('/api/users/admin').set('Idempotency-Key', key()).send({ role: 'manager', branches: ['demo'] })).status).toBe(200);
    const last = await boss.patch('/api/users/boss2').set('Idempotency-Key', key()).send({ role: 'teller' });
    expect(last.status).toBe(403); // not on oneself
    const hq = await boss.post('/api/users').set('Idempotency-Key', key()).send({ username: 'hq', name: 'HQ', role: 'admin' });
    const hqAgent = await loginAs(server.url, 'hq', hq.body.password);
    await hqAgent.patch('/api/users/boss2').set('Idempotency-Key', key()).send({ disabled: true });
    const lastAdmin = await boss.patch('/api/users/hq').set('Idempotency-Key', key()).send({ disabled: true });
    expect(lastAdmin.status).toBe(401); // boss2 was disabled: its session ended
    const stillLast = await hqAgent.get('/api/users');
    expect(stillLast.status).toBe(200);
  });
});

describe('POST /api/users/:username/reset-password', () => {
  it('a new password shown once; the old one and its sessions stop working', async () => {
    const created = await manager.post('/api/users').set('Idempotency-Key', key()).send(aTeller('piero'));
    const piero = await loginAs(server.url, 'piero', created.body.password);
    const k = key();
    const res = await manager.post('/api/users/piero/reset-password').set('Idempotency-Key', k).send({});
    expect(res.status).toBe(200);
    expect(res.body.password).not.toBe(created.body.password);
    const retry = await manager.post('/api/users/piero/reset-password').set('Idempotency-Key', k).send({});
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.password).toBeUndefined();
    expect((await piero.get('/api/session')).body.user).toBeNull();
    expect((await request(server.url).post('/api/session').send({ username: 'piero', password: created.body.password })).status).toBe(401);
    await loginAs(server.url, 'piero', res.body.password);
    expect((await teller.post('/api/users/piero/reset-password').set('Idempotency-Key', key()).send({})).status).toBe(403);
    expect((await otherManager.post('/api/users/piero/reset-password').set('Idempotency-Key', key()).send({})).status).toBe(403);
    expect((await request(server.url).post('/api/users/piero/reset-password').set('Idempotency-Key', key()).send({})).status).toBe(401);
  });
});
