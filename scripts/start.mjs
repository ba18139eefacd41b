// `npm start`: build the pages if they are missing or older than their sources, then run the
// server (TypeScript through tsx).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Newest modification time of the files below `dir`. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return t;
}

const pages = ['display', 'admin'].map((p) => join(root, 'dist', p, 'index.html'));
const builtAt = pages.every(existsSync) ? Math.min(...pages.map((p) => statSync(p).mtimeMs)) : 0;
const sourcesAt = Math.max(...['core', 'display', 'admin'].map((d) => newest(join(root, d))), statSync(join(root, 'vite.config.ts')).mtimeMs);
if (builtAt < sourcesAt) {
  console.log('Building the lobby screen and the staff app…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], { cwd: root, stdio: 'inherit' });
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
