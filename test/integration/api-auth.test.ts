import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_ACTIONS } from '../../core';
import { hashPassword } from '../../server/auth/passwords';
import { Users } from '../../server/auth/users';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { branchState, DEMO_PASSWORD, key, loginAs, removeDir, startTestServer } from '../support/server';

/** Sessions (log in, who am I, log out), login throttling, and who may run which command: 401 and 403. */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;

/** The session cookie (name=value) a login reply sets. */
function sessionCookie(res: request.Response): string {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('bb_session='));
  if (!raw) throw new Error('no bb_session cookie in the reply');
  return raw.split(';')[0]!;
}

const NOTICE_ID = '11111111-2222-4333-8444-555555555555';

/** Every staff command, as [label, method, path under /api/branches/<branch>, a valid body]. */
const STAFF_COMMANDS: [string, 'post' | 'patch', string, object][] = [
  ...COUNTER_ACTIONS.map((a): [string, 'post', string, object] => [`counter ${a}`, 'post', `/counters/1/${a}`, a === 'pause' ? { backInMinutes: 5 } : {}]),
  ['post notice', 'post', '/notices', { presetId: 'busy-now' }],
  ['update notice', 'patch', `/notices/${NOTICE_ID}`, { text: { en: 'Update.' } }],
  ['resolve notice', 'post', `/notices/${NOTICE_ID}/resolve`, {}],
];

let server: TestServer;
let otherTeller: Agent;
let demoTeller: Agent;
let demoManager: Agent;

beforeAll(async () => {
  // Many failed logins happen below: the throttle has its own server.
  server = await startTestServer({ loginAttempts: 1000 });
  // A second branch and its teller, made directly through the server's stores.
  const now = Date.now();
  await server.commands.openBranch('other', { ...DEMO_BRANCH, id: 'other', name: 'Other branch' }, { role: 'system' });
  await new Users(server.sql).create({ username: 'otherteller', name: 'Other teller', role: 'teller', branches: ['other'] }, await hashPassword('other-pass-1'), now);
  [otherTeller, demoTeller, demoManager] = await Promise.all([
    loginAs(server.url, 'otherteller', 'other-pass-1'),
    loginAs(server.url, 'teller1'),
    loginAs(server.url, 'manager'),
  ]);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const seqOf = async (branch: string) => (await branchState(server.url, branch)).seq;

describe('401 without a session', () => {
  it.each(STAFF_COMMANDS)('%s', async (_label, method, path, body) => {
    const seq = await seqOf('demo');
    const res = await request(server.url)[method](`/api/branches/demo${path}`).set('Idempotency-Key', key()).send(body);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: expect.any(String) } });
    const forged = await request(server.url)[method](`/api/branches/demo${path}`).set('Cookie', 'bb_session=forged').set('Idempotency-Key', key()).send(body);
    expect(forged.status).toBe(401);
    expect(await seqOf('demo')).toBe(seq);
  });
});

describe('403 for staff of another branch', () => {
  it.each(STAFF_COMMANDS)('%s: the teller of "other" at demo', async (_label, method, path, body) => {
    const seq = await seqOf('demo');
    const res = await otherTeller[method](`/api/branches/demo${path}`).set('Idempotency-Key', key()).send(body);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(await seqOf('demo')).toBe(seq);
  });

  it.each(STAFF_COMMANDS)('%s: the teller and the manager of demo at "other"', async (_label, method, path, body) => {
    const seq = await seqOf('other');
    for (const agent of [demoTeller, demoManager]) {
      const res = await agent[method](`/api/branches/other${path}`).set('Idempotency-Key', key()).send(body);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await seqOf('other')).toBe(seq);
  });

  it('the 403 is about the branch, not the person: each teller works their own branch', async () => {
    const mine = await otherTeller.post('/api/branches/other/counters/1/open').set('Idempotency-Key', key()).send({});
    expect(mine.status).toBe(200);
    const demo = await demoTeller.post('/api/branches/demo/counters/1/open').set('Idempotency-Key', key()).send({});
    expect(demo.status).toBe(200);
    // The two branches have separate states.
    const [o, d] = await Promise.all(['other', 'demo'].map((b) => request(server.url).get(`/api/branches/${b}/state`)));
    expect(o!.body.state.branchId).toBe('other');
    expect(d!.body.state.branchId).toBe('demo');
  });

  it('a refused teller does not learn whether a notice exists', async () => {
    const posted = await demoTeller.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ presetId: 'busy-now' });
    expect(posted.status).toBe(201);
    const real = await otherTeller.patch(`/api/branches/demo/notices/${posted.body.notice.id}`).set('Idempotency-Key', key()).send({ text: { en: 'x' } });
    const fake = await otherTeller.patch(`/api/branches/demo/notices/${NOTICE_ID}`).set('Idempotency-Key', key()).send({ text: { en: 'x' } });
    expect(real.status).toBe(403);
    expect(fake.status).toBe(403);
    expect(real.body).toEqual(fake.body);
  });

  it('tickets stay public: anyone, staff of any branch included, may take one', async () => {
    const res = await otherTeller.post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'advice' });
    expect(res.status).toBe(201);
  });
});

describe('POST/GET/DELETE /api/session', () => {
  it('logs in: 200 with the user, an httpOnly SameSite=Strict cookie, no password hash', async () => {
    const res = await request(server.url).post('/api/session').send({ username: 'teller1', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, user: { username: 'teller1', name: 'Teller 1', role: 'teller', branches: ['demo'] } });
    const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('bb_session='))!;
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Strict/i);
    expect(raw).toMatch(/Path=\//);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|hash|password/i);
  });

  it('the username is trimmed, as the login form may send it', async () => {
    const res = await request(server.url).post('/api/session').send({ username: '  manager ', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'manager', role: 'manager' });
  });

  it('GET tells who is logged in; user null (200, not an error) without a session or with a made-up cookie', async () => {
    const agent = await loginAs(server.url, 'teller2');
    const me = await agent.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ ok: true, user: { username: 'teller2', name: 'Teller 2', role: 'teller', branches: ['demo'] } });

    const none = await request(server.url).get('/api/session');
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ ok: true, user: null });

    const forged = await request(server.url).get('/api/session').set('Cookie', 'bb_session=not-a-real-token');
    expect(forged.status).toBe(200);
    expect(forged.body).toEqual({ ok: true, user: null });
  });

  it('wrong password and unknown user get the same 401 bad_credentials', async () => {
    const wrong = await request(server.url).post('/api/session').send({ username: 'teller1', password: 'nope-nope' });
    const unknown = await request(server.url).post('/api/session').send({ username: 'nobody', password: 'nope-nope' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it.each([
    ['missing password', { username: 'teller1' }, 'password'],
    ['missing username', { password: DEMO_PASSWORD }, 'username'],
    ['username not a string', { username: 42, password: DEMO_PASSWORD }, 'username'],
    ['password not a string', { username: 'teller1', password: ['a'] }, 'password'],
    ['blank username', { username: '   ', password: DEMO_PASSWORD }, 'username'],
    ['empty password', { username: 'teller1', password: '' }, 'password'],
    ['username too long', { username: 'u'.repeat(65), password: DEMO_PASSWORD }, 'username'],
    ['unknown field', { username: 'teller1', password: DEMO_PASSWORD, remember: true }, 'remember'],
  ])('400 for %s, naming the field', async (_name, body, field) => {
    const res = await request(server.url).post('/api/session').send(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'invalid', field } });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('400 invalid_json for a broken body, 400 for a body that is not an object, 413 over 16 kB', async () => {
    const broken = await request(server.url).post('/api/session').set('Content-Type', 'application/json').send('{"username": "teller1", ');
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_json', field: 'body' }) });

    const array = await request(server.url).post('/api/session').send(['teller1', DEMO_PASSWORD]);
    expect(array.status).toBe(400);
    expect(array.body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'body' } });

    const noBody = await request(server.url).post('/api/session');
    expect(noBody.status).toBe(400);
    expect(noBody.body).toMatchObject({ ok: false, error: { code: 'invalid' } });

    const huge = await request(server.url).post('/api/session').send({ username: 'teller1', password: 'p'.repeat(17 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ ok: false, error: { code: 'too_large', field: 'body' } });
  });

  it('logout ends the session: the same cookie no longer reads the session nor runs commands', async () => {
    const login = await request(server.url).post('/api/session').send({ username: 'teller3', password: DEMO_PASSWORD });
    const cookie = sessionCookie(login);
    expect((await request(server.url).get('/api/session').set('Cookie', cookie)).body.user.username).toBe('teller3');
    const open = await request(server.url).post('/api/branches/demo/counters/3/open').set('Cookie', cookie).set('Idempotency-Key', key()).send({});
    expect(open.status).toBe(200);

    const out = await request(server.url).delete('/api/session').set('Cookie', cookie);
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true });
    // The reply tells the browser to drop the cookie…
    const cleared = ([] as string[]).concat(out.headers['set-cookie'] ?? []).find((c) => c.startsWith('bb_session='));
    expect(cleared).toMatch(/bb_session=;|Expires=Thu, 01 Jan 1970/);

    // …and a client that kept it anyway gets nothing from it.
    const after = await request(server.url).get('/api/session').set('Cookie', cookie);
    expect(after.body).toEqual({ ok: true, user: null });
    const cmd = await request(server.url).post('/api/branches/demo/counters/3/close').set('Cookie', cookie).set('Idempotency-Key', key()).send({});
    expect(cmd.status).toBe(401);
    expect(cmd.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('logout ends only its own session', async () => {
    const a = await loginAs(server.url, 'teller4');
    const b = await loginAs(server.url, 'teller4');
    expect((await a.delete('/api/session')).status).toBe(200);
    expect((await a.get('/api/session')).body.user).toBeNull();
    expect((await b.get('/api/session')).body.user.username).toBe('teller4');
  });

  it('logout without a session is a harmless 200', async () => {
    const res = await request(server.url).delete('/api/session');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });
});

describe('login throttling (loginAttempts: 3)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ loginAttempts: 3 });
  });
  afterAll(async () => {
    await server.stop();
    removeDir(server.dataDir);
  });

  const bad = () => request(server.url).post('/api/session').send({ username: 'teller1', password: 'wrong-password' });
  const good = () => request(server.url).post('/api/session').send({ username: 'teller1', password: DEMO_PASSWORD });

  it('counts failed logins only: the 4th failure gets 429, then even a good login waits, but open sessions keep working', async () => {
    const earlier = await loginAs(server.url, 'teller2');
    expect((await bad()).status).toBe(401);
    expect((await bad()).status).toBe(401);
    // A good login in between is not counted as an attempt (the earlier one was not either).
    expect((await good()).status).toBe(200);
    expect((await bad()).status).toBe(401);

    const fourth = await bad();
    expect(fourth.status).toBe(429);
    expect(fourth.body).toMatchObject({ ok: false, error: { code: 'too_many_attempts', message: expect.any(String) } });

    const locked = await good();
    expect(locked.status).toBe(429);
    expect(locked.headers['set-cookie']).toBeUndefined();

    // The throttle guards logins only: a session opened before keeps working.
    expect((await earlier.get('/api/session')).body.user).not.toBeNull();
    expect((await earlier.post('/api/branches/demo/counters/2/open').set('Idempotency-Key', key()).send({})).status).toBe(200);
  });
});
