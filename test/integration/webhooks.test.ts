import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, loginAs, removeDir, startTestServer, tempDataDir, waitFor } from '../support/server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  answered: number;
  at: number;
}

/** A real HTTP receiver on this machine: answers 500 to the first `failFirst` requests, then 200. */
async function receiver(failFirst: number) {
  const got: Received[] = [];
  const http: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const answered = got.length < failFirst ? 500 : 200;
      got.push({ headers: req.headers, body, answered, at: Date.now() });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'thanks' : 'not now');
    });
  });
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  return { got, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/hooks/branchboard`, close: () => new Promise((ok) => http.close(ok)) };
}

const SECRET = 'a-shared-secret-of-the-bank-0123';
const opts = { webhooksAllowLocal: true, webhookRetryMs: 1500 };

function signatureValid(r: Received): boolean {
  const header = String(r.headers['x-branchboard-signature']);
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const mac = createHmac('sha256', SECRET).update(`${m[1]}.${r.body}`).digest('hex');
  return mac === m[2];
}

describe('webhooks', () => {
  const dataDir = tempDataDir();
  let server: TestServer;
  let hook: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    hook = await receiver(1);
    server = await startTestServer({ dataDir, ...opts });
  });
  afterAll(async () => {
    await server.stop();
    await hook.close();
    removeDir(dataDir);
  });

  it('only managers register them; only http(s); the secret is never shown back', async () => {
    const anon = await request(server.url).put('/api/branches/demo/webhooks/hook-main-0001').send({ url: hook.url });
    expect(anon.status).toBe(401);
    const teller = await loginAs(server.url, 'teller1');
    expect((await teller.put('/api/branches/demo/webhooks/hook-main-0001').send({ url: hook.url })).status).toBe(403);
    expect((await teller.get('/api/branches/demo/webhooks')).status).toBe(403);

    const manager = await loginAs(server.url, 'manager');
    const ftp = await manager.put('/api/branches/demo/webhooks/hook-main-0001').send({ url: 'ftp://example.com/x' });
    expect(ftp.status).toBe(400);
    expect(ftp.body.error.field).toBe('url');
    expect((await manager.put('/api/branches/demo/webhooks/hook-main-0001').send({ url: hook.url, events: ['everything'] })).body.error.field).toBe('events.0');

    const made = await manager.put('/api/branches/demo/webhooks/hook-main-0001').send({ url: hook.url, secret: SECRET, events: ['notice.posted', 'notice.resolved'] });
    expect(made.status).toBe(201);
    expect(JSON.stringify(made.body)).not.toContain(SECRET);
    const again = await manager.put('/api/branches/demo/webhooks/hook-main-0001').send({ url: hook.url, secret: SECRET, events: ['notice.posted', 'notice.resolved'] });
    expect(again.status).toBe(200);
    const list = await manager.get('/api/branches/demo/webhooks');
    expect(list.body.webhooks).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    // Across branches is the admin's: a manager may not register there.
    expect((await manager.put('/api/webhooks/hook-all-00001').send({ url: hook.url })).status).toBe(403);
  });

  it('a notice is POSTed signed; the first attempt fails, the server restarts, the retry delivers it once', async () => {
    const teller = await loginAs(server.url, 'teller2');
    const posted = await teller.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ presetId: 'computer-fault', counterId: '2' });
    expect(posted.status).toBe(201);
    await waitFor(() => hook.got.length >= 1, 5000, 'the first delivery attempt');
    expect(hook.got[0]!.answered).toBe(500);

    await server.stop();
    const restartedAt = Date.now();
    server = await startTestServer({ dataDir, ...opts });
    await waitFor(() => hook.got.length >= 2, 10_000, 'the retry after the restart');
    await new Promise((r) => setTimeout(r, 1500)); // nothing more comes
    expect(hook.got).toHaveLength(2);
    const [first, retry] = hook.got as [Received, Received];
    expect(retry.answered).toBe(200);
    // The retry came from the restarted server, from the outbox on disk.
    expect(retry.at).toBeGreaterThan(restartedAt);
    expect(retry.headers['x-branchboard-delivery']).toBe(first.headers['x-branchboard-delivery']);
    expect(retry.headers['x-branchboard-event']).toBe('notice.posted');
    expect(retry.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(signatureValid(retry)).toBe(true);
    expect(signatureValid({ ...retry, body: retry.body.replace('technical_problem', 'other') })).toBe(false);
    const body = JSON.parse(retry.body);
    expect(body).toMatchObject({ type: 'notice.posted', branchId: 'demo', id: retry.headers['x-branchboard-delivery'], data: { notice: { id: posted.body.notice.id, cause: 'technical_problem', gtfsCause: 'TECHNICAL_PROBLEM' } } });
    expect(retry.body).not.toContain('teller2');

    const manager = await loginAs(server.url, 'manager');
    const log = await manager.get('/api/branches/demo/webhooks/hook-main-0001/deliveries');
    expect(log.body.deliveries).toEqual([expect.objectContaining({ id: body.id, status: 'delivered', attempts: 2, lastStatus: 200, event: 'notice.posted' })]);

    // Resend from the console: the same delivery again, same id.
    const resent = await manager.post(`/api/branches/demo/webhooks/hook-main-0001/deliveries/${body.id}/resend`);
    expect(resent.status).toBe(200);
    await waitFor(() => hook.got.length >= 3, 5000, 'the resend');
    expect(hook.got[2]!.headers['x-branchboard-delivery']).toBe(body.id);
    expect((await manager.post('/api/branches/demo/webhooks/hook-main-0001/deliveries/nope/resend')).status).toBe(404);
  });

  it('no delivery to loopback or link-local addresses unless allowed', async () => {
    const strict = await startTestServer({ webhooksAllowLocal: false });
    try {
      const manager = await loginAs(strict.url, 'manager');
      for (const url of ['http://127.0.0.1:9/x', 'http://localhost/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://[fe80::1]/x']) {
        const res = await manager.put('/api/branches/demo/webhooks/hook-strict-001').send({ url });
        expect(res.status, url).toBe(400);
        expect(res.body.error.field).toBe('url');
      }
    } finally {
      await strict.stop();
      removeDir(strict.dataDir);
    }
  });
});
