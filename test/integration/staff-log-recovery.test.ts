import { afterAll, describe, expect, it } from 'vitest';
import type { BranchEvent } from '../../core';
import { key, loginAs, openTestSql, removeDir, startTestServer, tempDataDir } from '../support/server';

type StaffEvent = Extract<BranchEvent, { type: 'StaffChanged' }>;

/**
 * An account change commits first; its line in each branch's log is written just after. When the
 * node cannot write that line (here the database refuses it, as a crash in between would leave
 * it), the change is not lost from the audit: it waits in the change's own transaction and the
 * next start writes it, once.
 */
describe('a staff change whose log line was not written', () => {
  const dataDir = tempDataDir();
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  const staffEvents = async (username: string): Promise<StaffEvent[]> =>
    (await server!.store.readSince('demo', 0, 100_000)).filter((e): e is StaffEvent => e.type === 'StaffChanged' && e.account?.username === username);

  it('is written by the next start, once, by whoever made the change', async () => {
    server = await startTestServer({ dataDir });
    const manager = await loginAs(server.url, 'manager');
    const sql = await openTestSql(dataDir);
    const refuse = sql.dialect === 'sqlite'
      ? ["CREATE TRIGGER refuse_staff BEFORE INSERT ON events WHEN NEW.type = 'StaffChanged' BEGIN SELECT RAISE(ABORT, 'the disk went away'); END"]
      : [
          "CREATE FUNCTION refuse_staff() RETURNS trigger AS $$ BEGIN IF NEW.type = 'StaffChanged' THEN RAISE EXCEPTION 'the disk went away'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
          'CREATE TRIGGER refuse_staff BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse_staff()',
        ];
    for (const q of refuse) await sql.run(q);

    const body = { username: 'luca.bianchi', name: 'Luca Bianchi', role: 'teller', branches: ['demo'] };
    const res = await manager.post('/api/users').set('Idempotency-Key', key()).send(body);
    // The database failed: 503, retry with the same key — not a 500.
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.body.error.code).toBe('store_unavailable');
    expect((await manager.get('/api/users')).body.users.map((u: { username: string }) => u.username)).toContain('luca.bianchi');
    expect(await staffEvents('luca.bianchi')).toEqual([]);

    await sql.run(sql.dialect === 'sqlite' ? 'DROP TRIGGER refuse_staff' : 'DROP TRIGGER refuse_staff ON events');
    if (sql.dialect === 'postgres') await sql.run('DROP FUNCTION refuse_staff()');
    await server.stop();
    server = await startTestServer({ dataDir });
    const events = await staffEvents('luca.bianchi');
    expect(events.map((e) => [e.change, e.actor.role, e.actor.user])).toEqual([['created', 'manager', 'manager']]);
    const left = await sql.all<{ n: number }>('SELECT COUNT(*) AS n FROM staff_log_pending');
    expect(Number(left[0]!.n)).toBe(0);

    // And a start with nothing pending writes nothing again.
    await server.stop();
    server = await startTestServer({ dataDir });
    expect(await staffEvents('luca.bianchi')).toHaveLength(1);
  }, 60_000);
});
