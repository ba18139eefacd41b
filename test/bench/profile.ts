/**
 * Profiles the node under test (`--cpu-prof`, the profile written to PROF_DIR) under one load:
 * `tsx test/bench/profile.ts commands [concurrency] [seconds]` (closed loops of kiosk tickets
 * over HTTP) or `tsx test/bench/profile.ts fanout [seconds]` (1,000 branches × 10 screens at 200
 * commands/s). Not part of `npm run bench`: a tool for finding what a command or a delivery costs.
 */
import { Child } from './lib/child';
import { tempDir } from './lib/temp';
import { httpCommands } from './commands';
import { branchboardTarget, manyBranches } from './fanout';
import { pct } from './lib/http';

const mode = process.argv[2] ?? 'commands';
const dir = process.env.PROF_DIR ?? tempDir();
const node = new Child('lib/node-process.ts', {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
const branches = Array.from({ length: mode === 'fanout' ? 1000 : 300 }, (_, i) => `bench-${i}`);
const { url } = await node.call<{ url: string }>('start', { dataDir: tempDir(), branches: branches.length });
if (mode === 'fanout') {
  const r = await manyBranches(branchboardTarget(url, node), 1000, 10, 200, Number(process.argv[3] ?? 10));
  console.log(JSON.stringify({ p50: pct(r.perDelivery, 50), p99: pct(r.perDelivery, 99), missing: r.missing, server: r.server, generatorCpu: r.cpuMs / r.wallMs }));
} else {
  console.log(JSON.stringify(await httpCommands(url, node, branches, Number(process.argv[3] ?? 32), Number(process.argv[4] ?? 8))));
}
await node.call('stop');
await node.call('exit').catch(() => {});
console.log(`profile in ${dir}`);
process.exit(0);
