import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createBuilder, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { staffOnly } from '../../ui/i18n/board/staff-only';
import common from '../../ui/i18n/common/en.json';
import causes from '../../ui/i18n/causes/en.json';

/**
 * What the lobby screen downloads (issue 9): the real Vite build of the pages, walked from the
 * lobby's entry through every chunk it imports, at once or later (pairing, replay). A screen
 * never validates, so zod must not be there (it is a third of the page when an import reaches a
 * module with a schema), and no server code may reach any page. The lobby is a build of its own
 * (vite.config.ts, environment `lobby`): one script, whose gzipped size is held here to what it
 * reached (a deterministic figure; the time to paint is a benchmark, test/bench/paint.ts).
 */
const root = join(import.meta.dirname, '..', '..');

/** What the lobby may ship at first (its entry script and what it preloads), gzipped: 45.7 KiB reached on 2026-12-01 (48.5 before the catalogues were compiled and the preload helper went), plus room for a little growth. */
const LOBBY_MAX_GZIP_BYTES = 47 * 1024;

/** Both builds of vite.config.ts (the staff pages, and the lobby), in memory. */
async function buildPages(): Promise<{ lobby: Rollup.OutputChunk[]; others: Rollup.OutputChunk[] }> {
  // As `vite build` does it: vitest's NODE_ENV=test would pick lit's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const builder = await createBuilder({ root, configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'silent', build: { write: false } });
    const chunks = async (env: string) => {
      const out = (await builder.build(builder.environments[env]!)) as Rollup.RollupOutput | Rollup.RollupOutput[];
      return (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
    };
    return { others: await chunks('client'), lobby: await chunks('lobby') };
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** The chunks reachable from a page's entry: through its static imports, and its dynamic ones too if asked. */
function reachable(chunks: Rollup.OutputChunk[], entry: string, dynamic: boolean): Rollup.OutputChunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const start = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith(entry));
  if (!start) throw new Error(`no entry chunk for ${entry}`);
  const seen = new Set<string>();
  const todo = [start.fileName];
  while (todo.length) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const c = byName.get(name)!;
    todo.push(...c.imports, ...(dynamic ? c.dynamicImports.filter((d) => byName.has(d)) : []));
  }
  return [...seen].map((n) => byName.get(n)!);
}

/** The chunks a page's entry loads before it runs (static imports only). */
const firstLoad = (chunks: Rollup.OutputChunk[], entry: string) => reachable(chunks, entry, false);

/** Every module of the chunks reachable from an entry (static and dynamic imports). */
const modulesOf = (chunks: Rollup.OutputChunk[], entry: string) => reachable(chunks, entry, true).flatMap((c) => c.moduleIds);

const rel = (id: string) => id.replace(root + '/', '');

describe('the lobby bundle', () => {
  it('holds no zod and no server code; no page holds server code; stays within its size', async () => {
    const { lobby: chunks, others } = await buildPages();
    const lobby = modulesOf(chunks, 'display/index.html').map(rel);
    expect(lobby.some((m) => m.startsWith('display/components/bb-lobby'))).toBe(true); // the walk found the lobby
    expect(lobby.filter((m) => m.includes('node_modules/zod/'))).toEqual([]);
    expect(lobby.filter((m) => m.startsWith('server/'))).toEqual([]);
    // The lobby's QR code is drawn by the server (GET /api/qr.svg), and it speaks only its own parts of the catalogue.
    expect(lobby.filter((m) => m.includes('node_modules/qrcode/'))).toEqual([]);
    expect(lobby.filter((m) => /ui\/i18n\/(console|tablet)\//.test(m))).toEqual([]);
    const everything = [...chunks, ...others].flatMap((c) => c.moduleIds).map(rel);
    expect(everything.filter((m) => m.startsWith('server/'))).toEqual([]);
    // One script: the screen does not wait for waves of small files before it can paint.
    expect(chunks.filter((c) => c.isEntry).map((c) => c.fileName)).toHaveLength(1);
    expect(chunks.find((c) => c.isEntry)!.imports).toEqual([]);
    // Nor Vite's preload helper (scripts/vite/no-preload-helper.ts): the server preloads what the lobby needs.
    expect(chunks.find((c) => c.isEntry)!.code).not.toContain('modulepreload');
    const first = firstLoad(chunks, 'display/index.html');
    expect(first.reduce((sum, c) => sum + gzipSync(c.code).length, 0)).toBeLessThanOrEqual(LOBBY_MAX_GZIP_BYTES);
    // No message parser (the catalogues come compiled), and the board's words come per language shown.
    const firstModules = first.flatMap((c) => c.moduleIds).map(rel);
    expect(firstModules.filter((m) => /icu-messageformat-parser\/index|icu-skeleton-parser/.test(m))).toEqual([]);
    // Nor a message formatter: the catalogues come compiled to functions (intl-messageformat only for a branch's own ICU wording).
    expect(firstModules.filter((m) => m.includes('node_modules/intl-messageformat/'))).toEqual([]);
    expect(firstModules.filter((m) => m.startsWith('ui/i18n/') && m.endsWith('.json'))).toEqual([]);
    // The word chunks leave out the staff-only keys: no module of the lobby may name one, as a key or a key's prefix.
    const sources = lobby.filter((m) => /^(display|ui|core)\/.*\.ts$/.test(m)).map((m) => readFileSync(join(root, m), 'utf8')).join('\n');
    const named = [...sources.matchAll(/['"`]((?:common|causes)\.[\w.]+)['"`]/g)].map((m) => m[1]!);
    const prefixes = [...sources.matchAll(/`((?:common|causes)\.[\w.]*)\$\{/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter(staffOnly)).toEqual([]);
    expect(Object.keys({ ...common, ...causes }).filter((k) => staffOnly(k) && prefixes.some((p) => k.startsWith(p)))).toEqual([]);
    // The closed screen and the phone's language switch come right after the first paint.
    expect(firstModules.filter((m) => /^display\/components\/bb-(closed-screen|language-switch)/.test(m))).toEqual([]);
  }, 120_000);
});
