/**
 * Which SQLite statements a command costs: `tsx test/bench/statements.ts [seconds]` starts a node
 * in this process (400 branches, SQLite in a temp dir), drives kiosk tickets over HTTP at
 * concurrency 32, and prints the time spent in each statement text per command, with the
 * process's CPU per command (client included: compare statements, not the total). Not part of
 * `npm run bench`: a tool for finding what to cut (docs/BENCHMARKS.md, "Commands over HTTP").
 */
import { rmSync } from 'node:fs';
import { SqliteSql } from '../../server/store/sql';
import { startServer } from '../../server/app';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { HttpClient } from './lib/http';
import { tempDir } from './lib/temp';
const times = new Map<string, { n: number; ms: number }>();
const wrapped = new WeakSet<object>();
const prepare = SqliteSql.prototype.stmt;
// Every prepared statement timed by its text (the server prepares each text once).
SqliteSql.prototype.stmt = function (this: SqliteSql, sql: string) {
  const s = prepare.call(this, sql);
  if (wrapped.has(s)) return s;
  wrapped.add(s);
  const text = sql.replace(/\s+/g, ' ').slice(0, 90);
  const timed = s as unknown as Record<'run' | 'get' | 'all', (...a: unknown[]) => unknown>;
  for (const m of ['run', 'get', 'all'] as const) {
    const f = timed[m].bind(s);
    timed[m] = (...a: unknown[]) => {
      const t = performance.now();
      try {
        return f(...a);
      } finally {
        const e = times.get(text) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t;
        times.set(text, e);
      }
    };
  }
  return s;
};
const dataDir = tempDir();
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', ticketsPerMinute: 1e8, demoPassword: 'bench-pass-1234' });
const branches = Array.from({ length: 400 }, (_, i) => `bench-${i}`);
for (const id of branches) await server.commands.openBranch(id, { ...DEMO_BRANCH, id }, { role: 'system' });
const http = new HttpClient(server.url, 32);
/** `seconds` of 32 closed loops of kiosk tickets over the branches; how many were taken. */
async function run(seconds: number): Promise<number> {
  let n = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (performance.now() < end) await http.ticket(branches[n++ % branches.length]!);
    }),
  );
  return n;
}
await run(2); // warm-up: JIT, statement caches, branch states in memory
times.clear();
const cpu0 = process.cpuUsage();
const n = await run(Number(process.argv[2] ?? 6));
// The read models fold a moment after the commit: their statements belong to these commands.
await new Promise((r) => setTimeout(r, 700));
const cpu = process.cpuUsage(cpu0);
console.log(`${n} commands, process CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms a command (client included)`);
let total = 0;
for (const [text, t] of [...times].sort((a, b) => b[1].ms - a[1].ms)) {
  total += t.ms;
  console.log(`${((t.ms / n) * 1000).toFixed(1).padStart(7)} µs a command ${String(t.n).padStart(6)}× ${((t.ms / t.n) * 1000).toFixed(1).padStart(7)} µs  ${text}`);
}
console.log(`${((total / n) * 1000).toFixed(1)} µs a command in statements`);
http.close();
await server.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
