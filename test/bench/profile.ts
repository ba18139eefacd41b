/**
 * Profiles the node under test (`--cpu-prof`, the profile written to PROF_DIR) under one load:
 * `tsx test/bench/profile.ts commands [concurrency] [seconds]` (closed loops of kiosk tickets
 * over HTTP) or `tsx test/bench/profile.ts fanout [seconds]` (1,000 branches × 10 screens at 200
 *  * commands/s), `tsx test/bench/profile.ts fanout1 [screens] [rounds]` (one branch, commands one
 * after another), or `tsx test/bench/profile.ts connect [screens per branch]` (1,000 branches'
 * screens connecting, then idle; HEAP_SNAPSHOT=<file> writes a heap snapshot of the idle node;
 * `connect-bare` does the same against bare Socket.IO with Branchboard's options (BENCH_LAYER=engine,
 * socket or room: one of its layers, see lib/bare-socketio-process.ts), `connect-ws` against the
 * bare `ws` reference: snapshots to compare, constructor by constructor).
 * Not part of `npm run bench`: a tool for finding what a command, a delivery or a connection costs.
 */
import { Child, loadGenerator } from './lib/child';
import { tempDir } from './lib/temp';
import { httpCommands } from './commands';
import { branchboardTarget, manyBranches, oneBranch } from './fanout';
import { pct } from './lib/http';

const mode = process.argv[2] ?? 'commands';
const dir = process.env.PROF_DIR ?? tempDir();
const script = { 'connect-bare': 'lib/bare-socketio-process.ts', 'connect-ws': 'lib/bare-ws-process.ts' }[mode] ?? 'lib/node-process.ts';
const node = new Child(script, {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
const branches = Array.from({ length: mode === 'commands' ? 300 : 1000 }, (_, i) => `bench-${i}`);
const { url } = await node.call<{ url: string }>('start', { dataDir: tempDir(), branches: branches.length });
if (mode === 'fanout') {
  const r = await manyBranches(branchboardTarget(url, node), 1000, 10, 200, Number(process.argv[3] ?? 10));
  console.log(JSON.stringify({ p50: pct(r.perDelivery, 50), p99: pct(r.perDelivery, 99), missing: r.missing, server: r.server, generatorCpu: r.cpuMs / r.wallMs }));
} else if (mode === 'fanout1') {
  const r = await oneBranch(branchboardTarget(url, node), Number(process.argv[3] ?? 5000), Number(process.argv[4] ?? 50));
  console.log(JSON.stringify({ p50: pct(r.perDelivery, 50), p99: pct(r.perDelivery, 99), missing: r.missing, server: r.server, generatorCpu: r.cpuMs / r.wallMs }));
} else if (mode.startsWith('connect')) {
  const gen = loadGenerator();
  // HEAP_SNAPSHOT_BEFORE=<file>: the node before any socket, to diff against the idle one.
  if (process.env.HEAP_SNAPSHOT_BEFORE) await node.call('heapsnapshot', { file: process.env.HEAP_SNAPSHOT_BEFORE });
  const before = await node.call<{ heapUsed: number }>('mem');
  const screens = branches.length * Number(process.argv[3] ?? 10);
  const { ms } = await gen.call<{ ms: number }>('open', { url, branches, perBranch: Number(process.argv[3] ?? 10) });
  await new Promise((r) => setTimeout(r, 6000));
  const mem = await node.call<{ heapUsed: number }>('mem');
  if (process.env.HEAP_SNAPSHOT) await node.call('heapsnapshot', { file: process.env.HEAP_SNAPSHOT });
  console.log(JSON.stringify({ connectMs: ms, heapUsedMB: mem.heapUsed / 2 ** 20, heapPerSocketKB: (mem.heapUsed - before.heapUsed) / screens / 1024 }));
  await gen.call('close');
  await gen.kill();
} else {
  console.log(JSON.stringify(await httpCommands(url, node, branches, Number(process.argv[3] ?? 32), Number(process.argv[4] ?? 8))));
}
await node.call('stop');
await node.call('exit').catch(() => {});
console.log(`profile in ${dir}`);
process.exit(0);
