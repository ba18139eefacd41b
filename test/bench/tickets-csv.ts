/**
 * A month of tickets as CSV on the bench's generated year, asked again and again without
 * rebuilding the year: `tsx test/bench/tickets-csv.ts DIR [times]`. The first run writes the year
 * and builds its read models in DIR (minutes, as in `npm run bench history`); later runs reuse it.
 * Prints each request's wall and CPU time (the whole process: server and client) and writes the
 * last body to DIR/tickets-2026-10.csv, to compare byte for byte before and after a change.
 * Not part of `npm run bench`: a tool for profiling one report (docs/BENCHMARKS.md, issue 12).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { apply, emptyState } from '../../core';
import { hashPassword } from '../../server/auth/passwords';
import { Users } from '../../server/auth/users';
import { SNAPSHOT_EVERY } from '../../server/commands/execute';
import { HistoryService } from '../../server/history/history-service';
import { HistoryStore } from '../../server/history/history-store';
import { openSqlite } from '../../server/store/db';
import { SqlEventStore } from '../../server/store/event-store';
import { startTestServer } from '../support/server';
import { busyYear } from './history';

async function buildYear(dir: string): Promise<void> {
  const year = busyYear();
  const { sql } = openSqlite(dir);
  const store = new SqlEventStore(sql);
  await sql.tx((tx) => store.createBranch(tx, 'demo', year[0]!.at));
  let state = emptyState('demo');
  for (let i = 0; i < year.length; i += SNAPSHOT_EVERY) {
    const batch = year.slice(i, i + SNAPSHOT_EVERY);
    for (const e of batch) state = apply(state, e);
    await sql.tx((tx) => store.append(tx, 'demo', batch[0]!.seq - 1, batch, state));
  }
  await new HistoryService(sql, store, new HistoryStore(sql)).caughtUp('demo');
  await new Users(sql).create({ username: 'bench', name: 'Bench manager', role: 'manager', branches: ['demo'] }, await hashPassword('bench-pass-1234'), Date.now());
  await sql.close();
}

async function main(dir: string, times: number): Promise<void> {
  if (!existsSync(join(dir, 'branchboard.sqlite'))) {
    mkdirSync(dir, { recursive: true });
    await buildYear(dir);
  }
  const server = await startTestServer({ dataDir: dir });
  const agent = request.agent(server.url);
  await agent.post('/api/session').send({ username: 'bench', password: 'bench-pass-1234' }).expect(200);
  const wall: number[] = [];
  const cpu: number[] = [];
  let body: Buffer = Buffer.alloc(0);
  for (let r = 0; r < times; r++) {
    const s = performance.now();
    const c = process.cpuUsage();
    const res = await agent
      .get('/api/branches/demo/history/tickets.csv?from=2026-10-01&to=2026-10-31')
      .buffer(true)
      .parse((res, cb) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => cb(null, Buffer.concat(parts)));
      })
      .expect(200);
    wall.push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    body = res.body as Buffer;
  }
  writeFileSync(join(dir, 'tickets-2026-10.csv'), body);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
  console.log(`wall ms ${list(wall)} (median ${median(wall).toFixed(1)}); CPU ms ${list(cpu)} (median ${median(cpu).toFixed(1)}); ${(body.length / 1024).toFixed(0)} KiB; load average ${loadavg()[0]!.toFixed(1)}`);
  await server.stop();
}

const [dir, times = '7'] = process.argv.slice(2);
if (!dir) throw new Error('usage: tsx test/bench/tickets-csv.ts DIR [times]');
main(dir, Number(times)).then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
