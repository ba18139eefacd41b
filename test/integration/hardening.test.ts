import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';
import { freePort } from '../support/process-server';
import { branchState, connectStream, DEMO_PASSWORD, key, loginAs, once, removeDir, startTestServer, tempDataDir, waitFor } from '../support/server';

/**
 * Issue 10, the security review: each test here once failed on the code the review found.
 * Numbers in the describe blocks are the findings' numbers in the issue.
 */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
const root = join(import.meta.dirname, '..', '..');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ loginAttempts: 2 });
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const cookieOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('bb_session='));

/** Sends raw bytes on one TCP connection and returns everything the server wrote back before closing. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    let got = '';
    sock.on('data', (d) => (got += d.toString()));
    sock.on('error', reject);
    sock.on('close', () => resolve(got));
    sock.write(bytes);
    setTimeout(() => sock.end(), 1500);
  });
}

describe('1. crafted bodies never reach the code that reads them', () => {
  it('a login body whose username is an object gets 400 naming it, and nothing is logged as an error', async () => {
    const before = server.unhandledErrors().length;
    const res = await request(server.url).post('/api/session').set('Content-Type', 'application/json').send('{"username":{"toString":1},"password":"x"}');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'invalid', field: 'username' } });
    expect(server.unhandledErrors().slice(before)).toEqual([]);
  });

  it('stray bytes after a valid command on a keep-alive connection: the command applies once, the bytes get 400, nothing is logged as an error', async () => {
    const before = server.unhandledErrors().length;
    const seq = (await branchState(server.url)).seq;
    const body = '{"service":"teller"}';
    const reply = await rawExchange(
      server.port,
      `POST /api/branches/demo/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: ${key()}\r\nContent-Length: ${body.length}\r\n\r\n${body}garbage\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 (201|400)/);
    await waitFor(async () => (await branchState(server.url)).seq === seq + 1, 3000, 'the ticket to be issued once');
    // Give the server a moment to log anything the torn-down request caused.
    await new Promise((r) => setTimeout(r, 200));
    expect(server.unhandledErrors().slice(before)).toEqual([]);
  });
});

describe('4. only the proxy may say who the client is', () => {
  it('refuses TRUST_PROXY=true, =1 or a hop count at start, naming the variable', () => {
    for (const v of ['true', '1', '2', 'yes', '*']) expect(() => configFromEnv({ TRUST_PROXY: v }), v).toThrow(/TRUST_PROXY/);
    expect(configFromEnv({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16']);
    expect(configFromEnv({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(configFromEnv({}).trustProxy).toBe(false);
  });

  it('behind a proxy the port listens on 127.0.0.1 unless HOST says otherwise, so only the proxy reaches it', () => {
    expect(configFromEnv({ TRUST_PROXY: 'loopback' }).host).toBe('127.0.0.1');
    expect(configFromEnv({ TRUST_PROXY: '10.0.0.5', HOST: '10.0.0.9' }).host).toBe('10.0.0.9');
    expect(configFromEnv({}).host).toBe('0.0.0.0');
  });

  it('X-Forwarded-For from a peer that is not the proxy is ignored: spoofed addresses share one kiosk limit', async () => {
    const s = await startTestServer({ trustProxy: ['192.0.2.10'], ticketsPerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const res = await request(s.url).post('/api/branches/demo/tickets').set('X-Forwarded-For', `203.0.113.${i}`).set('Idempotency-Key', key()).send({ service: 'teller' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([201, 201, 201, 429]);
    } finally {
      await s.stop();
      removeDir(s.dataDir);
    }
  });

  it('X-Forwarded-For from the proxy is believed: two clients behind it have their own limits', async () => {
    const s = await startTestServer({ trustProxy: ['loopback'], ticketsPerMinute: 2 });
    try {
      const take = (ip: string) => request(s.url).post('/api/branches/demo/tickets').set('X-Forwarded-For', ip).set('Idempotency-Key', key()).send({ service: 'teller' });
      expect([(await take('203.0.113.1')).status, (await take('203.0.113.1')).status, (await take('203.0.113.1')).status]).toEqual([201, 201, 429]);
      expect((await take('203.0.113.2')).status).toBe(201);
    } finally {
      await s.stop();
      removeDir(s.dataDir);
    }
  });
});

describe('7. safe by default', () => {
  it('no demo branch in production, nor in a data dir that already holds a database', async () => {
    expect(configFromEnv({ NODE_ENV: 'production' }).seedDemo).toBe('auto');
    const prod = await startTestServer({ nodeEnv: 'production' });
    try {
      expect(prod.demoAccounts).toBeNull();
      expect((await request(prod.url).get('/api/branches/demo/state')).status).toBe(404);
    } finally {
      await prod.stop();
      removeDir(prod.dataDir);
    }
    // A data dir with a database from before (its demo removed, say) does not get one back.
    const dir = tempDataDir();
    const first = await startTestServer({ dataDir: dir, seedDemo: false });
    await first.stop();
    const again = await startTestServer({ dataDir: dir });
    try {
      expect(again.demoAccounts).toBeNull();
      expect((await request(again.url).get('/api/branches/demo/state')).status).toBe(404);
    } finally {
      await again.stop();
      removeDir(dir);
    }
  });

  it('each demo account gets its own generated password', async () => {
    const s = await startTestServer({ demoPassword: undefined });
    try {
      const accounts = s.demoAccounts!;
      expect(accounts.map((a) => a.username)).toEqual(expect.arrayContaining(['manager', 'teller1']));
      expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);
      for (const a of accounts) expect(a.password.length).toBeGreaterThanOrEqual(10);
      const t1 = accounts.find((a) => a.username === 'teller1')!;
      const t2 = accounts.find((a) => a.username === 'teller2')!;
      expect((await request(s.url).post('/api/session').send({ username: 'teller1', password: t1.password })).status).toBe(200);
      expect((await request(s.url).post('/api/session').send({ username: 'teller1', password: t2.password })).status).toBe(401);
    } finally {
      await s.stop();
      removeDir(s.dataDir);
    }
  });

  it('`npm start` without a terminal keeps generated passwords out of its output: they go to a file only its user can read', { timeout: 90_000 }, async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'development' };
    delete env.BRANCHBOARD_DEMO_PASSWORD;
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      const file = join(dataDir, 'demo-accounts.txt');
      await waitFor(() => output.includes('demo-accounts.txt') && existsSync(file), 60_000, 'the demo accounts file');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const passwords = [...readFileSync(file, 'utf8').matchAll(/^ {2}(\S+) +(\S+)$/gm)].map((m) => ({ username: m[1]!, password: m[2]! }));
      expect(passwords.length).toBeGreaterThanOrEqual(5);
      for (const p of passwords) expect(output).not.toContain(p.password);
      // Every line on stdout is a JSON log line, and the passwords work.
      for (const line of output.trim().split('\n')) expect(() => JSON.parse(line), line).not.toThrow();
      const manager = passwords.find((p) => p.username === 'manager')!;
      expect((await request(`http://127.0.0.1:${port}`).post('/api/session').send(manager)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      removeDir(dataDir);
    }
  });

  it('the session cookie is Secure and HSTS is sent when the request came over HTTPS, without SECURE_COOKIES', async () => {
    const s = await startTestServer({ trustProxy: ['loopback'] });
    try {
      const https = await request(s.url).post('/api/session').set('X-Forwarded-Proto', 'https').send({ username: 'teller1', password: DEMO_PASSWORD });
      expect(https.status).toBe(200);
      expect(cookieOf(https)).toMatch(/;\s*Secure/i);
      expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      // Over plain HTTP a Secure cookie would be dropped by the browser, and HSTS is meaningless.
      const plain = await request(s.url).post('/api/session').send({ username: 'teller1', password: DEMO_PASSWORD });
      expect(cookieOf(plain)).not.toMatch(/;\s*Secure/i);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await s.stop();
      removeDir(s.dataDir);
    }
  });
});

describe('8. smaller gaps', () => {
  it('a chunked text/plain body gets 415 and changes nothing', async () => {
    const seq = (await branchState(server.url)).seq;
    const reply = await rawExchange(
      server.port,
      `POST /api/branches/demo/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nIdempotency-Key: ${key()}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n7\r\nservice\r\n0\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 415/);
    expect(reply).toContain('"field":"Content-Type"');
    expect((await branchState(server.url)).seq).toBe(seq);
  });

  it('every /api/session reply says Cache-Control: no-store', async () => {
    const agent = request.agent(server.url);
    const replies = [
      await agent.post('/api/session').send({ username: 'teller2', password: 'wrong-pin' }),
      await agent.post('/api/session').send({ username: 'teller2', password: DEMO_PASSWORD }),
      await agent.get('/api/session'),
      await agent.delete('/api/session'),
      await agent.get('/api/session'),
      await agent.post('/api/session').send({ username: 5 }),
    ];
    for (const r of replies) expect(r.headers['cache-control'], `${r.status}`).toBe('no-store');
  });

  it('logs login successes and failures with username and address, never the password', async () => {
    const from = server.logs.length;
    await request(server.url).post('/api/session').send({ username: 'teller4', password: 'not-the-pin-77' }).expect(401);
    await request(server.url).post('/api/session').send({ username: 'nobody-here', password: 'not-the-pin-78' }).expect(401);
    await request(server.url).post('/api/session').send({ username: 'teller4', password: DEMO_PASSWORD }).expect(200);
    const lines = server.logs.slice(from);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: 'login failed', username: 'teller4', outcome: 'bad_password', address: expect.any(String) }),
        expect.objectContaining({ msg: 'login failed', username: 'nobody-here', outcome: 'unknown_user' }),
        expect.objectContaining({ msg: 'login', username: 'teller4', outcome: 'ok', address: expect.any(String) }),
      ]),
    );
    const text = JSON.stringify(lines);
    for (const secret of ['not-the-pin-77', 'not-the-pin-78', DEMO_PASSWORD]) expect(text).not.toContain(secret);
  });

  it('a new login ends the session the browser had before', async () => {
    const login = (cookie?: string) => {
      const r = request(server.url).post('/api/session');
      return (cookie ? r.set('Cookie', cookie) : r).send({ username: 'teller1', password: DEMO_PASSWORD }).expect(200);
    };
    const first = cookieOf(await login())!.split(';')[0]!;
    const second = cookieOf(await login(first))!.split(';')[0]!;
    expect((await request(server.url).get('/api/session').set('Cookie', first)).body.user).toBeNull();
    expect((await request(server.url).get('/api/session').set('Cookie', second)).body.user.username).toBe('teller1');
  });
});

describe('earlier review findings', () => {
  it('refuses a body that is not JSON with 415 naming Content-Type', async () => {
    const res = await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).set('Content-Type', 'text/plain').send('service=teller');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'unsupported_media_type', field: 'Content-Type' } });
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
      // A burst of 3 per connection, then one every 2 s (server/realtime/stream-limits.ts).
      expect(answers).toBeGreaterThanOrEqual(1);
      expect(answers).toBeLessThanOrEqual(3);
    } finally {
      socket.disconnect();
    }
  });
});

