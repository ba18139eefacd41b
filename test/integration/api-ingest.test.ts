import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { replayDay } from '../../server/tools/demo/replay';
import type { WaitEstimates } from '../../core';
import { ingest, integrationSecret } from '../support/ingest';
import { branchState, connectStream, loginAs, once, removeDir, startTestServer, openDemoBranch, waitFor } from '../support/server';

/** Ingest from an existing queue system (issue 11): tokens, then steps with the system's own ids. */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
let server: TestServer;
let manager: Awaited<ReturnType<typeof loginAs>>;
let branchNo = 0;

/** A new branch configured like the demo, with the demo manager as its staff (their branches list grows). */
async function freshBranch(): Promise<{ branch: string; secret: string }> {
  const branch = `ingest-${++branchNo}`;
  await openDemoBranch(server, branch);
  const made = await integrationSecret(server, branch);
  manager = made.manager;
  return { branch, secret: made.secret };
}

const send = (branch: string, secret: string, events: unknown[]) => ingest(server, branch, secret, events);

const ev = (type: string, ticket: string, extra: Record<string, unknown> = {}) => ({ type, ticket, number: 'Q17', service: 'teller', ...extra });

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe('integration tokens', () => {
  it('are made by a manager, shown once, listed without the secret, and revoked', async () => {
    const { branch, secret } = await freshBranch();
    expect(secret).toMatch(/^bbi_[A-Za-z0-9_-]{43}$/);
    const list = await manager.get(`/api/branches/${branch}/integration-tokens`).expect(200);
    expect(list.body.tokens).toHaveLength(1);
    expect(list.body.tokens[0]).toMatchObject({ name: 'Q-Matic hall', createdBy: 'manager', revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(secret);
    // Used once: the list says when.
    await send(branch, secret, [ev('issued', 'T-1')]).expect(200);
    expect((await manager.get(`/api/branches/${branch}/integration-tokens`)).body.tokens[0].lastUsedAt).toBeGreaterThan(0);
    const id = list.body.tokens[0].id as string;
    const revoked = await manager.delete(`/api/branches/${branch}/integration-tokens/${id}`).expect(200);
    expect(revoked.body.token.revokedAt).toBeGreaterThan(0);
    // Revoking again changes nothing; an unknown id is 404.
    expect((await manager.delete(`/api/branches/${branch}/integration-tokens/${id}`).expect(200)).body.token.revokedAt).toBe(revoked.body.token.revokedAt);
    await manager.delete(`/api/branches/${branch}/integration-tokens/00000000-0000-0000-0000-000000000000`).expect(404);
  });

  it('need a manager of the branch: 401 without a session, 403 for a teller or another branch', async () => {
    const { branch } = await freshBranch();
    await request(server.url).post(`/api/branches/${branch}/integration-tokens`).send({ name: 'x' }).expect(401);
    const teller = await loginAs(server.url, 'teller1');
    await teller.post('/api/branches/demo/integration-tokens').send({ name: 'x' }).expect(403);
    const other = `other-${branchNo}`;
    await server.commands.openBranch(other, { ...DEMO_BRANCH, id: other }, { role: 'system' });
    const m2 = await loginAs(server.url, 'manager');
    await m2.post(`/api/branches/${other}/integration-tokens`).send({ name: 'x' }).expect(403);
    // Head office (admin) may, for any branch.
    const admin = await loginAs(server.url, 'admin');
    expect((await admin.post(`/api/branches/${other}/integration-tokens`).send({ name: 'head office' })).status).toBe(201);
    const bad = await manager.post(`/api/branches/${branch}/integration-tokens`).send({ name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('name');
  });
});

describe('POST /api/branches/:branch/ingest', () => {
  it('401 without a token, with an unknown one, or a revoked one; 403 with another branch’s', async () => {
    const a = await freshBranch();
    const b = await freshBranch();
    const none = await request(server.url).post(`/api/branches/${a.branch}/ingest`).send({ events: [ev('issued', 'x')] });
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'integration_token_required', field: 'Authorization' });
    expect((await send(a.branch, 'bbi_nonsense', [ev('issued', 'x')])).status).toBe(401);
    const wrong = await send(a.branch, b.secret, [ev('issued', 'x')]);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('wrong_branch');
    const id = (await manager.get(`/api/branches/${b.branch}/integration-tokens`)).body.tokens[0].id;
    await manager.delete(`/api/branches/${b.branch}/integration-tokens/${id}`).expect(200);
    const revoked = await send(b.branch, b.secret, [ev('issued', 'x')]);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('token_revoked');
    // Nothing of these reached the branches.
    expect(Object.keys((await branchState(server.url, a.branch)).tickets)).toHaveLength(0);
  });

  it('400 naming the field for a bad event', async () => {
    const { branch, secret } = await freshBranch();
    const res = await send(branch, secret, [ev('issued', 'T-1'), { ...ev('called', 'T-1'), type: 'teleported' }]);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('events.1.type');
    const unknown = await send(branch, secret, [ev('called', 'T-2', { counter: '99' })]);
    expect(unknown.status).toBe(200);
    expect(unknown.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'unknown_counter', field: 'events.0.counter' } });
  });

  it('a day in order: issued, called, recalled, served — the lobby shows the external numbers', async () => {
    const { branch, secret } = await freshBranch();
    const stream = connectStream(server.url, { branch });
    try {
      await once(stream, 'snapshot');
      const res = await send(branch, secret, [
        ev('issued', 'T-1', { number: 'A101' }),
        ev('issued', 'T-2', { number: 'A102' }),
        ev('called', 'T-1', { number: 'A101', counter: '2' }),
        ev('recalled', 'T-1', { number: 'A101', counter: '2', eventId: 'r1' }),
      ]).expect(200);
      expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
      let s = await branchState(server.url, branch);
      const t1 = res.body.results[0].ticketId as string;
      expect(s.tickets[t1]).toMatchObject({ number: 'A101', status: 'called', counterId: '2', recalls: 1 });
      expect(s.counters['2']).toMatchObject({ status: 'open', ticketId: t1 });
      expect(s.queues.teller).toHaveLength(1);
      await send(branch, secret, [ev('served', 'T-1', { number: 'A101', counter: '2' })]).expect(200);
      s = await branchState(server.url, branch);
      expect(s.tickets[t1]).toBeUndefined();
      expect(s.today.served).toBe(1);
      // The integration is named in the log, not on the public stream.
      const events = await server.store.readSince(branch, 0, 100);
      expect(events.filter((e) => e.actor.role === 'integration').every((e) => e.actor.user === 'Q-Matic hall')).toBe(true);
    } finally {
      stream.disconnect();
    }
  });

  it('a replayed external id is applied once', async () => {
    const { branch, secret } = await freshBranch();
    const batch = [ev('issued', 'T-9', { number: 'B009', service: 'advice' }), ev('called', 'T-9', { number: 'B009', service: 'advice', counter: '4' })];
    const first = await send(branch, secret, batch).expect(200);
    const seq = (await branchState(server.url, branch)).seq;
    const again = await send(branch, secret, batch).expect(200);
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.body.results[0].ticketId).toBe(first.body.results[0].ticketId);
    expect((await branchState(server.url, branch)).seq).toBe(seq);
    // Two recalls are two (told apart by their event ids); the same recall twice is one.
    await send(branch, secret, [ev('recalled', 'T-9', { number: 'B009', service: 'advice', eventId: 'a' })]).expect(200);
    await send(branch, secret, [ev('recalled', 'T-9', { number: 'B009', service: 'advice', eventId: 'a' })]).expect(200);
    await send(branch, secret, [ev('recalled', 'T-9', { number: 'B009', service: 'advice', eventId: 'b' })]).expect(200);
    const s = await branchState(server.url, branch);
    expect(s.tickets[first.body.results[0].ticketId]?.recalls).toBe(2);
  });

  it('out of order: a call before its issue, a service end before its call, an issue after the end', async () => {
    const { branch, secret } = await freshBranch();
    const res = await send(branch, secret, [
      ev('called', 'T-5', { number: 'A005', counter: '1' }),
      ev('issued', 'T-5', { number: 'A005' }),
      ev('served', 'T-6', { number: 'A006', counter: '3' }),
      ev('called', 'T-6', { number: 'A006', counter: '3' }),
      ev('issued', 'T-6', { number: 'A006' }),
      ev('no_show', 'T-7', { number: 'A007', counter: '2' }),
    ]).expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'superseded', 'applied', 'superseded', 'superseded', 'applied']);
    const s = await branchState(server.url, branch);
    const [t5, , t6, , , t7] = res.body.results.map((r: { ticketId: string }) => r.ticketId);
    expect(s.tickets[t5]).toMatchObject({ status: 'called', counterId: '1', number: 'A005' });
    expect(s.tickets[t6]).toBeUndefined();
    expect(s.today.served).toBe(1);
    expect(s.noShows?.[t7]).toMatchObject({ number: 'A007' });
    expect(s.queues.teller).toEqual([]);
    // A later call at counter 1 finishes the customer who was there.
    await send(branch, secret, [ev('issued', 'T-8', { number: 'A008' }), ev('called', 'T-8', { number: 'A008', counter: '1' })]).expect(200);
    const after = await branchState(server.url, branch);
    expect(after.tickets[t5]).toBeUndefined();
    expect(after.today.served).toBe(2);
  });
});

describe('counter steps from the queue system', () => {
  it('a counter it closes or pauses does so on the board and in the estimates at once; opened again, it serves', async () => {
    const { branch, secret } = await freshBranch();
    const now = Date.now();
    // Tellers serve at counters 1 and 2 (their calls open them); two customers wait.
    const opened = await send(branch, secret, [
      ev('called', 'k-1', { number: 'A001', counter: '1', at: now - 60_000 }),
      ev('called', 'k-2', { number: 'A002', counter: '2', at: now - 50_000 }),
      ev('issued', 'k-3', { number: 'A003', at: now - 40_000 }),
      ev('issued', 'k-4', { number: 'A004', at: now - 30_000 }),
    ]).expect(200);
    expect(opened.body.results.every((r: { status: string }) => r.status === 'applied')).toBe(true);
    const screen = connectStream(server.url, { branch });
    const heard: WaitEstimates[] = [];
    screen.on('snapshot', (m) => void (m.estimates && heard.push(m.estimates)));
    screen.on('tick', (m) => void (m.estimates && heard.push(m.estimates)));
    try {
      const closing = await send(branch, secret, [
        { type: 'counter_closed', counter: '1', eventId: 'logout-1' },
        { type: 'counter_paused', counter: '2', at: Date.now() },
      ]).expect(200);
      expect(closing.body.results).toEqual([{ status: 'applied', counter: '1' }, { status: 'applied', counter: '2' }]);
      const s = await branchState(server.url, branch);
      expect(s.counters['1']).toMatchObject({ status: 'closed', ticketId: null });
      // A pause keeps the customer at the counter, as a teller's does.
      expect(s.counters['2']!.status).toBe('paused');
      expect(Object.values(s.tickets).find((t) => t.number === 'A001')).toBeUndefined();
      // The first estimates made after it know no counter serves tellers now.
      const after = await waitFor(() => heard.find((m) => (m.seq ?? 0) >= s.seq), 30_000, 'estimates after the close');
      expect(after.services.teller).toMatchObject({ known: false, cause: 'no_counter' });
    } finally {
      screen.disconnect();
    }
    // Sent again: applied once. Without a time or an id it cannot be told from a new one: refused by name.
    expect((await send(branch, secret, [{ type: 'counter_closed', counter: '1', eventId: 'logout-1' }]).expect(200)).body.results[0].status).toBe('duplicate');
    expect((await send(branch, secret, [{ type: 'counter_closed', counter: '1' }]).expect(200)).body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'at_required', field: 'events.0.at' } });
    expect((await send(branch, secret, [{ type: 'counter_opened', counter: '9', eventId: 'x' }]).expect(200)).body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'unknown_counter', field: 'events.0.counter' } });
    // Opened again it serves; a close that happened before its current call, arriving after it, is superseded.
    const reopened = await send(branch, secret, [{ type: 'counter_opened', counter: '1', at: Date.now() }, ev('called', 'k-3', { number: 'A003', counter: '1', at: Date.now() })]).expect(200);
    expect(reopened.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect((await send(branch, secret, [{ type: 'counter_closed', counter: '1', at: now - 20_000 }]).expect(200)).body.results[0].status).toBe('superseded');
    expect((await branchState(server.url, branch)).counters['1']).toMatchObject({ status: 'open' });
  });

  it('a batch sent a minute after the fact: a call, then the counter’s close 30 s later — both applied (the counter was opened by the call on arrival, after the close happened)', async () => {
    const { branch, secret } = await freshBranch();
    const t = Date.now() - 60_000;
    const res = await send(branch, secret, [ev('called', 'b-1', { number: 'A001', counter: '1', at: t }), { type: 'counter_closed', counter: '1', at: t + 30_000 }]).expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect((await branchState(server.url, branch)).counters['1']).toMatchObject({ status: 'closed', ticketId: null });
  });

  it('400 naming the field for a counter step without its counter, or with a ticket’s fields', async () => {
    const { branch, secret } = await freshBranch();
    const none = await send(branch, secret, [{ type: 'counter_closed', eventId: 'x' }]).expect(400);
    expect(JSON.stringify(none.body.error)).toContain('events.0.counter');
    await send(branch, secret, [{ type: 'counter_closed', counter: '1', eventId: 'x', ticket: 'k-9' }]).expect(400);
  });
});

describe('npm run demo:replay', () => {
  it('feeds a branch a synthetic hour through the ingest API: every step applied, the branch serves', async () => {
    const { branch, secret } = await freshBranch();
    const lines: string[] = [];
    const summary = await replayDay({ url: server.url, branch, token: secret, speed: 1e6, seed: 3, hours: [9, 10], sleep: async () => {}, log: (l) => lines.push(l) });
    expect(summary.sent).toBeGreaterThan(20);
    expect(summary.rejected).toBe(0);
    expect(summary.applied).toBe(summary.sent);
    const s = await branchState(server.url, branch);
    expect(s.today.served + (s.today.noShow ?? 0)).toBeGreaterThan(5);
    expect(lines[0]).toMatch(/events for ingest-\d+, hours 9–10/);
    // Played again: nothing new (the external ids are the same).
    const again = await replayDay({ url: server.url, branch, token: secret, speed: 1e6, seed: 3, hours: [9, 10], sleep: async () => {} });
    expect(again.applied).toBe(0);
    expect((await branchState(server.url, branch)).seq).toBe(s.seq);
  });

  it('from the command line as the README says (--token, --url, --branch, --speed, --hours); a bad --speed is refused by name', async () => {
    const { branch, secret } = await freshBranch();
    const root = join(import.meta.dirname, '..', '..');
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'server', 'tools', 'demo-replay.ts'), '--token', secret, '--url', server.url, '--branch', branch, ...args], { cwd: root, timeout: 120_000 });
    // An hour at 36,000× real time: a tenth of a second of real sleeping between batches.
    const { stdout } = await cli('--speed', '36000', '--hours', '9-10', '--seed', '5');
    expect(stdout).toMatch(/events for ingest-\d+, hours 9–10, at 36000×/);
    const done = /done: (\d+) events sent, (\d+) applied, (\d+) rejected/.exec(stdout);
    expect(done && Number(done[1])).toBeGreaterThan(20);
    expect(done && [done[2], done[3]]).toEqual([done![1], '0']);
    expect((await branchState(server.url, branch)).today.served).toBeGreaterThan(5);
    const refused = await cli('--speed', '0').then(() => null, (e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('--speed wants a positive number') });
  }, 120_000);
});
