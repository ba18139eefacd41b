/**
 * Profiles the HTTP command path: the node under test with `--cpu-prof` (profile in PROF_DIR),
 * closed loops of kiosk tickets at the given concurrency. Not part of `npm run bench`; a tool
 * for finding what a command costs: `tsx test/bench/profile-commands.ts [concurrency] [seconds]`.
 */
import { Child } from './lib/child';
import { tempDir } from './lib/temp';
import { httpCommands } from './commands';

const concurrency = Number(process.argv[2] ?? 32);
const seconds = Number(process.argv[3] ?? 8);
const dir = process.env.PROF_DIR ?? tempDir();
const node = new Child('lib/node-process.ts', {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
const branches = Array.from({ length: 300 }, (_, i) => `bench-${i}`);
const { url } = await node.call<{ url: string }>('start', { dataDir: tempDir(), branches: branches.length });
const t = await httpCommands(url, node, branches, concurrency, seconds);
console.log(JSON.stringify(t));
await node.call('stop');
await node.call('exit').catch(() => {});
console.log(`profile in ${dir}`);
process.exit(0);
