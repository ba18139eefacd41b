import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, key, removeDir, startTestServer } from '../support/server';

/**
 * Issue 10, findings 2, 3 and 8 (sessions): logins are throttled in layers that stop spraying and
 * guessing without letting anyone lock a teller out, the hashing work is bounded, and sessions are
 * capped, listed and revoked. The server trusts the loopback proxy, so X-Forwarded-For stands for
 * the client's address and one test process can be many clients.
 */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ trustProxy: ['loopback'], loginAttempts: 4, loginAddressAttempts: 8, loginAccountFree: 3 });
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const login = (s: TestServer, from: string, username: string, password: string, cookie?: string) => {
  const r = request(s.url).post('/api/session').set('X-Forwarded-For', from);
  return (cookie ? r.set('Cookie', cookie) : r).send({ username, password });
};
const cookies = (res: request.Response) =>
  ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0]!)
    .join('; ');
const only = (res: request.Response, name: string) => cookies(res).split('; ').find((c) => c.startsWith(`${name}=`))!;

describe('2. layered login throttling', () => {
  it('password spraying from one address stops after the per-address cap, whatever the usernames', async () => {
    const from = '198.51.100.7';
    const statuses: number[] = [];
    // Real accounts and made-up ones, a couple of guesses each.
    for (const u of ['teller1', 'manager', 'zoe', 'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan']) {
      statuses.push((await login(server, from, u, 'Summer2026!')).status);
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual(Array(4).fill(429));
    // The same address is refused for a real account with its real password too, as long as the window lasts …
    const res = await login(server, from, 'teller3', DEMO_PASSWORD);
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // … and another address is not.
    expect((await login(server, '198.51.100.8', 'teller3', DEMO_PASSWORD)).status).toBe(200);
  });

  it('guesses on one account from many addresses slow down: each next one must wait longer', async () => {
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 1; i <= 6; i++) {
      const res = await login(server, `203.0.113.${i}`, 'teller2', `guess-${i}-xyz`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = Number(res.headers['retry-after']);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    const refused = server.logs.filter((l) => l.msg === 'login refused' && l.username === 'teller2');
    expect(refused.at(-1)).toMatchObject({ outcome: 'throttled', reason: 'account', address: '203.0.113.6' });
  });

  it('nobody sharing a teller’s address (the branch NAT) can lock the teller out of their own tablet', async () => {
    const nat = '192.0.2.50';
    // The teller's tablet logged in here before: it holds a device cookie for teller4.
    const first = await login(server, nat, 'teller4', DEMO_PASSWORD);
    expect(first.status).toBe(200);
    const device = only(first, 'bb_device');
    expect(device).toBeTruthy();
    // Someone else behind the same router hammers teller4 and others.
    const attacker: number[] = [];
    for (let i = 0; i < 12; i++) attacker.push((await login(server, nat, i % 2 ? 'teller4' : `x${i}`, `wrong-${i}-pin`)).status);
    expect(attacker).toContain(429);
    // The teller's own tablet still gets in with the right PIN …
    expect((await login(server, nat, 'teller4', DEMO_PASSWORD, device)).status).toBe(200);
    // … and its own typos have their own budget, not the attacker's.
    expect((await login(server, nat, 'teller4', 'typo-pin-1', device)).status).toBe(401);
    // A device cookie of another account is worth nothing for this one.
    expect((await login(server, nat, 'teller1', DEMO_PASSWORD, device)).status).toBe(429);
  });

  it('the counters are in the database: a restart does not reset them', async () => {
    const s = await startTestServer({ trustProxy: ['loopback'], loginAttempts: 2 });
    const from = '198.51.100.200';
    await login(s, from, 'teller1', 'wrong-1-pin').expect(401);
    await login(s, from, 'teller1', 'wrong-2-pin').expect(401);
    await login(s, from, 'teller1', DEMO_PASSWORD).expect(429);
    await s.stop();
    const again = await startTestServer({ dataDir: s.dataDir, trustProxy: ['loopback'], loginAttempts: 2 });
    try {
      await login(again, from, 'teller1', DEMO_PASSWORD).expect(429);
    } finally {
      await again.stop();
      removeDir(s.dataDir);
    }
  });
});

describe('3. bounded password hashing', () => {
  it('a flood of logins with unknown usernames is refused, not queued for hashing, and a teller elsewhere still logs in', async () => {
    const s = await startTestServer({ trustProxy: ['loopback'] });
    try {
      const flood = Array.from({ length: 200 }, (_, i) => login(s, '198.51.100.99', `nobody-${i}`, 'whatever-pass').then((r) => r.status));
      const teller = login(s, '192.0.2.77', 'teller3', DEMO_PASSWORD).then((r) => r.status);
      const [statuses, tellerStatus] = await Promise.all([Promise.all(flood), teller]);
      expect(tellerStatus).toBe(200);
      expect(statuses.every((st) => st === 401 || st === 429)).toBe(true);
      // Only a few were hashed at all: the rest were turned away at once (busy, then the address cap).
      expect(statuses.filter((st) => st === 401).length).toBeLessThanOrEqual(30);
      expect(statuses.filter((st) => st === 429).length).toBeGreaterThanOrEqual(170);
      expect(s.unhandledErrors()).toEqual([]);
    } finally {
      await s.stop();
      removeDir(s.dataDir);
    }
    // 200 requests and a few scrypt hashes: past 30 s on a loaded machine (slow, not wrong).
  }, 90_000);
});

describe('8. sessions: capped, listed, revoked', () => {
  it('an account has at most 10 open sessions: the 11th login ends the oldest', async () => {
    const opened: string[] = [];
    for (let i = 0; i < 11; i++) opened.push(only(await login(server, '192.0.2.90', 'teller1', DEMO_PASSWORD).expect(200), 'bb_session'));
    const alive = await Promise.all(opened.map(async (c) => (await request(server.url).get('/api/session').set('Cookie', c)).body.user !== null));
    expect(alive[0]).toBe(false);
    expect(alive.slice(1)).toEqual(Array(10).fill(true));
  });

  it('a manager of the branch lists a teller’s sessions and ends one; the teller sees their own; others get 404', async () => {
    const tellerCookie = only(await login(server, '192.0.2.91', 'teller1', DEMO_PASSWORD).expect(200), 'bb_session');
    const managerCookie = only(await login(server, '192.0.2.91', 'manager', DEMO_PASSWORD).expect(200), 'bb_session');

    const own = await request(server.url).get('/api/users/teller1/sessions').set('Cookie', tellerCookie);
    expect(own.status).toBe(200);
    expect(own.headers['cache-control']).toBe('no-store');
    const mine = own.body.sessions.find((x: { current: boolean }) => x.current);
    expect(mine).toMatchObject({ id: expect.any(String), address: '192.0.2.91', createdAt: expect.any(Number), expiresAt: expect.any(Number) });
    expect(JSON.stringify(own.body)).not.toMatch(/token/i);

    // A teller may not look at a colleague's sessions.
    expect((await request(server.url).get('/api/users/teller2/sessions').set('Cookie', tellerCookie)).status).toBe(404);
    expect((await request(server.url).get('/api/users/teller1/sessions')).status).toBe(401);

    const listed = await request(server.url).get('/api/users/teller1/sessions').set('Cookie', managerCookie);
    expect(listed.status).toBe(200);
    expect(listed.body.sessions.map((x: { id: string }) => x.id)).toContain(mine.id);
    const revoked = await request(server.url).delete(`/api/users/teller1/sessions/${mine.id}`).set('Cookie', managerCookie);
    expect(revoked.body).toEqual({ ok: true, revoked: 1 });
    expect((await request(server.url).get('/api/session').set('Cookie', tellerCookie)).body.user).toBeNull();
    expect((await request(server.url).delete(`/api/users/teller1/sessions/${mine.id}`).set('Cookie', managerCookie)).status).toBe(404);
    expect(server.logs.some((l) => l.msg === 'session revoked' && l.username === 'teller1' && l.by === 'manager')).toBe(true);

    // Ending all of them: the account is logged out everywhere.
    const all = await request(server.url).delete('/api/users/teller1/sessions').set('Cookie', managerCookie);
    expect(all.status).toBe(200);
    expect(all.body.revoked).toBeGreaterThanOrEqual(1);
    expect((await request(server.url).get('/api/users/teller1/sessions').set('Cookie', managerCookie)).body.sessions).toEqual([]);
  });
});

describe('8. a ticket taken by staff of another branch', () => {
  it('is logged as the kiosk’s, not under that teller at this branch', async () => {
    const s = await startTestServer();
    try {
      await s.commands.openBranch('other', { ...(await s.states.get('demo'))!.config!, id: 'other', name: 'Other' }, { role: 'system' });
      const { hashPassword } = await import('../../server/auth/passwords');
      const { Users } = await import('../../server/auth/users');
      await new Users(s.sql).create({ username: 'otherteller', name: 'Other', role: 'teller', branches: ['other'] }, await hashPassword('other-pass-1'), Date.now());
      const agent = request.agent(s.url);
      await agent.post('/api/session').send({ username: 'otherteller', password: 'other-pass-1' }).expect(200);
      const res = await agent.post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' });
      expect(res.status).toBe(201);
      const events = await s.store.readSince('demo', 0, 10_000);
      const issued = events.filter((e) => e.type === 'TicketIssued').at(-1)!;
      expect(issued.actor).toEqual({ role: 'kiosk' });
    } finally {
      await s.stop();
      removeDir(s.dataDir);
    }
  });
});
