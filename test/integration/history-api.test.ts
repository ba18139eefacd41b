import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, NoticeRecord, ServiceFigures } from '../../core';
import { key, loginAs, removeDir, startTestServer } from '../support/server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;

let server: TestServer;
let manager: Agent;
let teller: Agent;
let noticeId = '';

const cmd = (agent: Agent, path: string, body: object = {}) =>
  agent.post(`/api/branches/demo${path}`).set('Idempotency-Key', key()).send(body);

beforeAll(async () => {
  server = await startTestServer();
  manager = await loginAs(server.url, 'manager');
  teller = await loginAs(server.url, 'teller2');
  // A fault at counter 2 while two teller customers wait; one is served at counter 1, then it is resolved.
  const posted = await cmd(teller, '/notices', { presetId: 'computer-fault', counterId: '2', expectedInMinutes: 10 });
  expect(posted.status).toBe(201);
  noticeId = posted.body.notice.id;
  for (let i = 0; i < 2; i++) expect((await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' })).status).toBe(201);
  expect((await cmd(teller, '/counters/1/call-next')).status).toBe(200);
  expect((await cmd(teller, '/counters/1/done')).status).toBe(200);
  expect((await cmd(teller, `/notices/${noticeId}/resolve`, { apologise: true })).status).toBe(200);
  expect((await cmd(teller, '/counters/1/call-next')).status).toBe(200);
  expect((await cmd(teller, '/counters/1/no-show')).status).toBe(200);
});

afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe('history endpoints: who may read them', () => {
  const paths = [
    '/api/branches/demo/history/notices',
    `/api/branches/demo/history/notices/${'x'.repeat(10)}`,
    '/api/branches/demo/history/reports',
    '/api/branches/demo/history/days.csv',
    '/api/branches/demo/history/tickets.csv',
    '/api/branches/demo/history/audit',
    '/api/history/reports',
  ];
  it('the public gets 401, a teller 403, a manager of another branch 403; across branches is for admins only', async () => {
    for (const p of paths) {
      const anon = await request(server.url).get(p);
      expect(anon.status, p).toBe(401);
      expect(anon.body.ok).toBe(false);
      const t = await teller.get(p);
      expect(t.status, p).toBe(403);
      expect(JSON.stringify(t.body)).not.toContain('teller2');
    }
    expect((await manager.get('/api/history/reports')).status).toBe(403);
    // The head office's admin reads every branch, and across them.
    const admin = await loginAs(server.url, 'admin');
    expect((await admin.get('/api/branches/demo/history/notices')).status).toBe(200);
    const across = await admin.get('/api/history/reports?by=month&perBranch=1');
    expect(across.status).toBe(200);
    expect(across.body.branches).toContain('demo');
  });

  it('bad query parameters get a 400 naming the field', async () => {
    const bad = await manager.get('/api/branches/demo/history/reports?from=2026-13-45');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('query.from');
    const unknown = await manager.get('/api/branches/demo/history/reports?colour=red');
    expect(unknown.status).toBe(400);
    const long = await manager.get('/api/branches/demo/history/reports?from=2024-01-01&to=2026-01-01');
    expect(long.status).toBe(400);
    expect((await manager.get('/api/branches/nowhere/history/reports')).status).toBe(403);
    expect((await manager.get('/api/branches/demo/history/audit?limit=0')).body.error.field).toBe('query.limit');
  });
});

describe('delay history and reports', () => {
  it('a notice with cause, scope, expected and actual end, who posted and resolved it, and the customers it touched', async () => {
    const res = await manager.get('/api/branches/demo/history/notices');
    expect(res.status).toBe(200);
    const n = (res.body.notices as NoticeRecord[]).find((x) => x.id === noticeId)!;
    expect(n).toMatchObject({
      cause: 'technical_problem',
      effect: 'counter_closed',
      scope: { type: 'counters', ids: ['2'] },
      postedBy: { role: 'teller', user: 'teller2' },
      resolvedBy: { role: 'teller', user: 'teller2' },
      resolution: { apologise: true },
      // Both teller customers waited under it (counter 2 serves the teller queue).
      touched: 2,
    });
    expect(n.endedAt).toBeGreaterThanOrEqual(n.startedAt);
    expect(n.firstExpectedEndAt! - n.startedAt).toBe(10 * 60_000);
    const one = await manager.get(`/api/branches/demo/history/notices/${noticeId}`);
    expect(one.body.notice.id).toBe(noticeId);
  });

  it('figures per service and delays by cause, by day and month', async () => {
    const res = await manager.get('/api/branches/demo/history/reports?by=month');
    expect(res.status).toBe(200);
    const teller = (res.body.services as ServiceFigures[]).find((s) => s.service === 'teller')!;
    expect(teller).toMatchObject({ issued: 2, called: 2, served: 1, noShows: 1, touched: 2, branchId: 'demo' });
    expect(teller.period).toMatch(/^\d{4}-\d{2}$/);
    expect(res.body.causes).toEqual([expect.objectContaining({ cause: 'technical_problem', notices: 1, touched: 2, apologies: 1 })]);
  });

  it('CSV opens right in a spreadsheet: UTF-8 with BOM, ISO dates, no personal data in tickets', async () => {
    const tickets = await manager.get('/api/branches/demo/history/tickets.csv').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(tickets.status).toBe(200);
    expect(tickets.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = tickets.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('day,number,service,issued_at,called_at,ended_at,counter,outcome,wait_minutes,recalls,out_of_turn,promise_minutes,promise_kept,notices');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},A001,teller,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2},/);
    expect(lines.join('\n')).not.toMatch(/teller2|manager/);

    const notices = await manager.get('/api/branches/demo/history/notices?format=csv');
    expect(notices.text.charCodeAt(0)).toBe(0xfeff);
    expect(notices.text).toContain('teller2 (teller)');
    expect(notices.text).toContain('text_it,text_en');
    const days = await manager.get('/api/branches/demo/history/days.csv');
    expect(days.text.split('\r\n')[0]).toContain('wait_median_minutes');
    const causes = await manager.get('/api/branches/demo/history/reports?format=csv&table=causes');
    expect(causes.text).toContain('technical_problem');
  });
});

describe('audit trail', () => {
  it('every command with its actor and time, filterable by person, counter and type', async () => {
    const all = (await manager.get('/api/branches/demo/history/audit')).body.entries as AuditEntry[];
    expect(all[0]!.seqFrom).toBeGreaterThan(all.at(-1)!.seqFrom); // newest first
    expect(all.at(-1)!.changes[0]).toMatchObject({ kind: 'config' });
    const byTeller = (await manager.get('/api/branches/demo/history/audit?user=teller2')).body.entries as AuditEntry[];
    expect(byTeller.length).toBeGreaterThan(3);
    expect(byTeller.every((e) => e.actor.user === 'teller2')).toBe(true);
    const counter2 = (await manager.get('/api/branches/demo/history/audit?counter=2')).body.entries as AuditEntry[];
    expect(counter2.map((e) => e.types)).toEqual([['NoticePosted']]);
    const calls = (await manager.get('/api/branches/demo/history/audit?type=TicketCalled')).body.entries as AuditEntry[];
    expect(calls).toHaveLength(2);
    expect(calls[0]!.changes.find((c) => c.kind === 'event' && c.type === 'TicketCalled')).toMatchObject({ ticket: 'A002', counter: '1' });
    const csv = await manager.get('/api/branches/demo/history/audit?format=csv&type=TicketCalled');
    expect(csv.text.split('\r\n')[0]).toBe('\ufeffseq,at,user,role,types,counters,changes');
  });

  it('read models are rebuilt from the log alone: dropped and caught up, they say the same', async () => {
    const before = (await manager.get('/api/branches/demo/history/reports')).body;
    await server.history.stop();
    for (const t of ['history_positions', 'history_notices', 'history_tickets', 'history_days', 'history_audit']) await server.sql.run(`DELETE FROM ${t}`);
    server.history.start(server.committed);
    const after = (await manager.get('/api/branches/demo/history/reports')).body;
    expect(after).toEqual(before);
  });
});
