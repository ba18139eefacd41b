// Whether `npm start` must build the pages first: a built entry missing, or older than any
// front-end source.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfigFromFile } from 'vite';

/** Top-level folders that are not front-end source; every other one is (display, admin, kiosk, ticket, ui, core, …), so a new front end is covered without touching this file. */
const NOT_FRONT_END = new Set(['node_modules', 'dist', 'server', 'test', 'docs', 'scripts', 'shared', 'voice']);

/** Newest modification time of `dir` and the files below it. */
function newest(dir) {
  let t = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return t;
}

/** @returns {Promise<{ built: string[]; sources: string[]; stale: boolean }>} */
export async function buildFreshness(root) {
  // The built entries are vite.config.ts's own inputs (no second list to forget): x/index.html is built to dist/x/index.html.
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(root, 'vite.config.ts'), root, 'silent');
  // Every build's inputs: the shared one and each environment's (the lobby is built on its own).
  const builds = [config.build, ...Object.values(config.environments ?? {}).map((e) => e.build)].filter(Boolean);
  const inputs = [...new Set(builds.flatMap((b) => Object.values(b.rollupOptions?.input ?? {})))];
  const built = inputs.map((file) => join(root, config.build?.outDir ?? 'dist', relative(root, file)));
  const sources = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !NOT_FRONT_END.has(e.name))
    .map((e) => join(root, e.name));
  const builtAt = built.length > 0 && built.every(existsSync) ? Math.min(...built.map((p) => statSync(p).mtimeMs)) : 0;
  const sourcesAt = Math.max(...sources.map(newest), newest(join(root, 'scripts', 'vite')), ...['vite.config.ts', 'package-lock.json'].map((f) => statSync(join(root, f)).mtimeMs));
  return { built, sources, stale: builtAt < sourcesAt };
}
