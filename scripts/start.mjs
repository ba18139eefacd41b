// `npm start`: build the pages if they are missing or older than their sources, then run the
// server (TypeScript through tsx) and stop it when npm is stopped.
import { spawnSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFreshness } from './build-freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if ((await buildFreshness(root)).stale) {
  console.log('Building the lobby screen, the kiosk, the phone page and the staff app…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], { cwd: root, stdio: 'inherit' });
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
};
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => stop(s));
// npm runs this through `sh -c`, and a SIGTERM to npm kills that shell without passing it on:
// this process is then re-parented. Seeing it is the only way to hear npm was stopped. Only
// under npm: started by hand in the background (`node scripts/start.mjs &`), it outlives its shell.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.env.npm_lifecycle_event === 'start' && process.ppid !== parent) stop('SIGTERM');
}, 250);
child.on('exit', (code, signal) => {
  clearInterval(watch);
  process.exit(code ?? (signal ? 1 : 0));
});
