/**
 * `npm run bench [section …]`: speed and memory figures, each measured side by side with its
 * reference in the same run (this machine is small and shared: compare the ratios, and mind the
 * load generator's own CPU, printed beside). Sections: core, fanout, memory, commands, storm,
 * bundle, paint (default: all), memory-layers (by name: the memory per socket of each layer under
 * Branchboard), history (a year of read models and reports; minutes, so only by
 * name or with --history). Figures and the command are recorded in docs/BENCHMARKS.md.
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { bundleRows } from './bundle';
import { bareSqliteInserts, commandRows, floorRow, httpCommands, type Throughput } from './commands';
import { branchboardTarget, fanoutRows, manyBranches, oneBranch, referenceTarget } from './fanout';
import { Child } from './lib/child';
import { table, type Row } from './lib/report';
import { tempDir } from './lib/temp';
import { memoryRows, perIdleSocket, splitRow } from './memory';
import { livePaint, paintRows } from './paint';
import { reducerAndLog } from './reducer-and-log';
import { reconnectStorm, stormRows } from './storm';
import { historyBench } from './history';
import { missingPostgres, startPostgres } from '../support/engines';

const ALL = ['core', 'fanout', 'memory', 'commands', 'storm', 'bundle', 'paint'];
// The history bench builds a year of read models (minutes): by name (`history`) or with --history.
if (process.argv.includes('--history')) ALL.push('history');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const sections = wanted.length ? wanted : ALL;
const quick = process.argv.includes('--quick');
const rows: Row[] = [];
const section = (name: string) => sections.includes(name);
/** Runs one section; a failure becomes a row saying so, and the other sections still run. */
async function guarded(name: string, fn: () => Promise<void>): Promise<void> {
  if (!section(name)) return;
  try {
    await fn();
    console.error(table(rows)); // so far, in case a later section dies
  } catch (err) {
    console.error(err);
    rows.push({ what: `${name}: FAILED`, value: '–', note: String((err as Error).message).slice(0, 160) });
  }
}

/** The node under test and the bare `ws` reference, each in a process of its own. */
async function withServers<T>(branches: number, fn: (s: { url: string; node: Child; refUrl: string; ref: Child }) => Promise<T>, env: Record<string, string> = {}): Promise<T> {
  const node = new Child('lib/node-process.ts', env);
  const ref = new Child('lib/bare-ws-process.ts');
  try {
    const { url } = await node.call<{ url: string }>('start', { dataDir: tempDir(), branches });
    const { url: refUrl } = await ref.call<{ url: string }>('start');
    return await fn({ url, node, refUrl, ref });
  } finally {
    await node.call('stop').catch(() => {});
    await node.kill();
    await ref.kill();
  }
}

function log(what: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${what} (load average ${loadavg()[0]!.toFixed(1)})`);
}

const fdLimit = Number(execSync('ulimit -n', { shell: '/bin/bash' }).toString().trim());
if (fdLimit < 12_000) console.error(`warning: ulimit -n is ${fdLimit}; the 10,000-socket figures need more (ulimit -n 20000)`);

await guarded('core', async () => {
  log('reducer and log');
  rows.push(...(await reducerAndLog()));
});

await guarded('fanout', async () => {
  await withServers(1000, async ({ url, node, refUrl, ref }) => {
    const target = branchboardTarget(url, node);
    await target.send('bench-0');
    const frame = await node.call<string>('lastEventFrame', { branch: 'bench-0' });
    const reference = referenceTarget(refUrl, ref, frame);
    for (const [screens, rounds] of quick ? [[1000, 30]] : [[1000, 100], [5000, 50]]) {
      log(`fan-out: 1 branch × ${screens} screens`);
      rows.push(...fanoutRows(`1 branch × ${screens}`, await oneBranch(target, screens!, rounds!), await oneBranch(reference, screens!, rounds!)));
    }
    log('fan-out: 1,000 branches × 10 screens at 200 commands/s');
    const seconds = quick ? 3 : 10;
    rows.push(...fanoutRows('1,000 branches × 10, 200/s', await manyBranches(target, 1000, 10, 200, seconds), await manyBranches(reference, 1000, 10, 200, seconds)));
  });
});

await guarded('memory', async () => {
  const [branches, perBranch] = quick ? [200, 10] : [1000, 10];
  await withServers(branches, async ({ url, node, refUrl, ref }) => {
    log(`memory: ${branches * perBranch} idle lobby sockets`);
    rows.push(...memoryRows(branches * perBranch, await perIdleSocket(url, node, branches, perBranch, true), await perIdleSocket(refUrl, ref, branches, perBranch)));
  });
  const bare = new Child('lib/bare-socketio-process.ts');
  try {
    const { url } = await bare.call<{ url: string }>('start');
    const s = await perIdleSocket(url, bare, branches, perBranch, true);
    rows.push({ what: `…bare Socket.IO with the same options, heap / RSS per socket (KB)`, value: `${(s.heap / 1024).toFixed(2)} / ${(s.rss / 1024).toFixed(2)}`, note: 'what the library costs before Branchboard adds anything' });
    rows.push(splitRow('bare Socket.IO', s));
  } finally {
    await bare.kill();
  }
});

// What each layer under Branchboard holds per idle socket (with `memory`: ws, Socket.IO, Branchboard).
await guarded('memory-layers', async () => {
  const [branches, perBranch] = quick ? [200, 10] : [1000, 10];
  for (const [layer, what] of [
    ['engine', 'engine.io on ws alone'],
    ['socket', '+ Socket.IO client and socket, no room'],
    ['room', "+ the branch's room"],
  ] as const) {
    const bare = new Child('lib/bare-socketio-process.ts', { BENCH_LAYER: layer });
    try {
      const { url } = await bare.call<{ url: string }>('start');
      log(`memory layers: ${what}`);
      const s = await perIdleSocket(url, bare, branches, perBranch);
      rows.push({ what: `…layer: ${what}, heap / RSS per socket (KB)`, value: `${(s.heap / 1024).toFixed(2)} / ${(s.rss / 1024).toFixed(2)}`, note: 'upgrade request let go as Branchboard does' });
    } finally {
      await bare.kill();
    }
  }
});

await guarded('commands', async () => {
  const seconds = quick ? 3 : 10;
  // 400 branches: each takes at most 600 tickets a minute (the demo's limit), so 4,000/s in all.
  const branches = Array.from({ length: 400 }, (_, i) => `bench-${i}`);
  log('commands: bare better-sqlite3 loop');
  const limit = bareSqliteInserts(quick ? 5000 : 20_000);
  const stores: [string, Record<string, string>, (() => Promise<void>) | undefined][] = [['SQLite', {}, undefined]];
  const pgMissing = missingPostgres();
  if (!pgMissing) {
    const pg = await startPostgres({ durable: true });
    stores.push(['PostgreSQL', { DATABASE_URL: await pg.createDatabase('bench') }, () => pg.stop()]);
  } else console.error(`skipping PostgreSQL: ${pgMissing}`);
  // The HTTP floor: express + helmet + JSON alone, same requests from the same generator.
  const floor = new Child('lib/bare-http-process.ts');
  const floors: Record<number, Throughput> = {};
  try {
    const { url } = await floor.call<{ url: string }>('start');
    for (const c of [8, 32]) {
      log(`commands: bare express, concurrency ${c}`);
      floors[c] = await httpCommands(url, floor, branches, c, seconds);
    }
  } finally {
    await floor.kill();
  }
  for (const c of [8, 32]) rows.push(floorRow(c, floors[c]!));
  for (const [name, env, stop] of stores) {
    await withServers(branches.length, async ({ url, node }) => {
      for (const c of [8, 32]) {
        log(`commands: ${name}, concurrency ${c}`);
        rows.push(commandRows(name, c, await httpCommands(url, node, branches, c, seconds), limit));
      }
    }, env);
    await stop?.();
  }
});

await guarded('storm', async () => {
  const [branches, perBranch] = quick ? [200, 10] : [1000, 10];
  log(`reconnect storm: ${branches * perBranch} screens`);
  rows.push(...stormRows(await reconnectStorm(tempDir(), branches, perBranch)));
});

await guarded('bundle', async () => {
  log('lobby bundle');
  execSync('npx vite build', { cwd: join(import.meta.dirname, '..', '..'), stdio: 'ignore' });
  rows.push(...(await bundleRows()));
});

await guarded('paint', async () => {
  await withServers(1, async ({ url }) => {
    log('lobby paint in Chromium');
    rows.push(...paintRows(await livePaint(url, 'bench-0', quick ? 3 : 10)));
  }, { DIST_DIR: join(import.meta.dirname, '..', '..', 'dist') });
});

await guarded('history', async () => {
  log('history: a year of read models, then the reports over HTTP');
  await historyBench((what, value, note = '') => rows.push({ what: `history: ${what}`, value, note }));
});

console.log(table(rows));
console.log(`\n${cpus().length} cores (${cpus()[0]?.model.trim()}), node ${process.version}, ${new Date().toISOString()}, load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
process.exit(0);
