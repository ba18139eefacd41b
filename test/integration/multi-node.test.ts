import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyAll, type BranchEvent, type BranchState } from '../../core';
import { missingPostgres, missingRedis, startPostgres, startRedis, type Postgres, type Redis } from '../support/engines';
import { freePort, ServerProcess } from '../support/process-server';
import { branchState, connectStream, once, removeDir, tempDataDir, waitFor, type StreamClient } from '../support/server';

/**
 * Three Branchboard nodes on one throwaway PostgreSQL and one redis-server, each in a process of
 * its own, as an installation with many nodes runs them. Kiosks on nodes 1 and 2 take tickets on
 * the same branch at once (so their appends collide on seqs), some retried with the same key;
 * lobby screens on node 3 must get every event once, in seq order, without gaps; then node 2 dies
 * (SIGKILL), its screens move to node 1 and must end exactly at the log's state; no acknowledged
 * command may be missing from the log.
 */
const missing = missingPostgres() ?? missingRedis();
if (missing) console.warn(`skipping the multi-node test: ${missing}`);

/** A lobby screen as the real one keeps its copy: snapshot, then events folded in order. */
class Screen {
  state?: BranchState;
  seqs: number[] = [];
  socket!: StreamClient;

  constructor(url: string) {
    this.connect(url);
  }

  connect(url: string): void {
    this.socket = connectStream(url, this.state ? { branch: 'demo', lastSeq: this.state.seq } : { branch: 'demo' });
    this.socket.on('snapshot', ({ state }) => (this.state = state));
    this.socket.on('catchup', ({ events }) => events.forEach((e) => this.take(e)));
    this.socket.on('event', (e) => this.take(e));
  }

  private take(e: BranchEvent): void {
    this.seqs.push(e.seq);
    if (this.state && e.seq === this.state.seq + 1) this.state = applyAll(this.state, [e]);
  }
}

describe.skipIf(missing)('many nodes on PostgreSQL and Redis', () => {
  let postgres: Postgres;
  let redis: Redis;
  let databaseUrl: string;
  const nodes: ServerProcess[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    databaseUrl = await postgres.createDatabase('multinode');
    for (let i = 0; i < 3; i++) {
      const dir = tempDataDir();
      dirs.push(dir);
      nodes.push(new ServerProcess(await freePort(), dir, { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, TICKETS_PER_MINUTE: '100000' }));
    }
    // The first node migrates the schema and seeds the demo branch; the others find them there.
    await nodes[0]!.start();
    await Promise.all(nodes.slice(1).map((n) => n.start()));
  }, 120_000);

  afterEach(({ task }) => {
    // What the nodes logged (warnings and up), to read when something failed.
    if (task.result?.state === 'fail') nodes.forEach((n, i) => console.error(`node ${i + 1}:\n${n.output.slice(-4000)}`));
  });

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.kill()));
    await Promise.all([postgres?.stop(), redis?.stop()]);
    dirs.forEach(removeDir);
  });

  it('keeps one gap-free log and every screen exact across nodes, a crash included', async () => {
    const [n1, n2, n3] = nodes as [ServerProcess, ServerProcess, ServerProcess];
    const lobby = Array.from({ length: 4 }, () => new Screen(n3.url));
    const moving = Array.from({ length: 4 }, () => new Screen(n2.url));
    await Promise.all([...lobby, ...moving].map((s) => once(s.socket, 'snapshot')));
    const start = lobby[0]!.state!.seq;

    // Kiosks on nodes 1 and 2, four at a time each, on the same branch; every fifth retried with its key.
    const acked: { seq: number; ticket: string; key: string }[] = [];
    const kiosk = async (node: ServerProcess, n: number, other: ServerProcess) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < n) {
            const i = next++;
            const key = randomUUID();
            const send = () => request(node.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key).send({ service: i % 3 ? 'teller' : 'advice' });
            const res = await send();
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            if (i % 5 === 0) {
              // The same key again (a kiosk that lost the reply), here or on the other node: the same reply, applied once.
              const again = await (i % 10 === 0 ? request(other.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key).send({ service: i % 3 ? 'teller' : 'advice' }) : send());
              expect(again.status).toBe(201);
              expect(again.headers['idempotent-replayed']).toBe('true');
              expect(again.body).toEqual(res.body);
            }
            acked.push({ seq: res.body.seq, ticket: res.body.ticket.id, key });
          }
        }),
      );
    };
    await Promise.all([kiosk(n1, 150, n2), kiosk(n2, 150, n1)]);
    const head = Math.max(...acked.map((a) => a.seq));
    expect(head).toBe(start + 300);

    // Node 3 wrote nothing, yet its screens got every event once, in order, without a gap.
    await waitFor(() => lobby.every((s) => s.state!.seq === head), 10_000, 'node 3 screens to reach the head');
    for (const s of lobby) expect(s.seqs).toEqual(Array.from({ length: 300 }, (_, i) => start + i + 1));

    // Node 2 dies; its screens come back through node 1 (as behind a load balancer) while kiosks go on.
    await n2.kill();
    await waitFor(() => moving.every((s) => s.socket.disconnected), 10_000, 'node 2 screens to notice');
    for (const s of moving) s.connect(n1.url);
    await kiosk(n1, 20, n3);
    const final = await branchState(n1.url);
    expect(final.seq).toBe(head + 20);
    await waitFor(() => [...lobby, ...moving].every((s) => s.state?.seq === final.seq), 10_000, 'every screen to reach the final head');
    for (const s of [...lobby, ...moving]) expect(s.state).toEqual(final);
    expect(await branchState(n3.url)).toEqual(final);

    // No acknowledged command lost: each acknowledged ticket is in the log at the seq its reply named, once.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ seq: number; payload: string }>("SELECT seq, payload FROM events WHERE branch_id = 'demo' AND type = 'TicketIssued'");
      const bySeq = new Map(rows.map((r) => [Number(r.seq), (JSON.parse(r.payload) as { ticket: { id: string } }).ticket.id]));
      for (const a of acked) expect(bySeq.get(a.seq), `ticket acknowledged at seq ${a.seq}`).toBe(a.ticket);
      expect(rows.length).toBe(new Set(rows.map((r) => (JSON.parse(r.payload) as { ticket: { id: string } }).ticket.id)).size);
      const { rows: seqs } = await db.query<{ n: string; max: string }>("SELECT COUNT(*) AS n, MAX(seq) AS max FROM events WHERE branch_id = 'demo'");
      expect(Number(seqs[0]!.n)).toBe(Number(seqs[0]!.max)); // gap-free from 1
    } finally {
      await db.end();
    }
    [...lobby, ...moving].forEach((s) => s.socket.disconnect());
  }, 180_000);
});
