import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

/**
 * What the lobby screen downloads (issue 9): the real Vite build of the pages, walked from the
 * lobby's entry through every chunk it imports, at once or later (pairing, replay). A screen
 * never validates, so zod must not be there (it is a third of the page when an import reaches a
 * module with a schema), and no server code may reach any page. Its size is a benchmark
 * (test/bench/bundle.ts), not a test.
 */
const root = join(import.meta.dirname, '..', '..');

async function buildPages(): Promise<Rollup.OutputChunk[]> {
  const out = (await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { write: false } })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  return (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
}

/** Every module of the chunks reachable from an entry (static and dynamic imports). */
function modulesOf(chunks: Rollup.OutputChunk[], entry: string): string[] {
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
    todo.push(...c.imports, ...c.dynamicImports.filter((d) => byName.has(d)));
  }
  return [...seen].flatMap((n) => byName.get(n)!.moduleIds);
}

const rel = (id: string) => id.replace(root + '/', '');

describe('the lobby bundle', () => {
  it('holds no zod and no server code; no page holds server code', async () => {
    const chunks = await buildPages();
    const lobby = modulesOf(chunks, 'display/index.html').map(rel);
    expect(lobby.some((m) => m.startsWith('display/components/bb-lobby'))).toBe(true); // the walk found the lobby
    expect(lobby.filter((m) => m.includes('node_modules/zod/'))).toEqual([]);
    expect(lobby.filter((m) => m.startsWith('server/'))).toEqual([]);
    // The lobby's QR code is drawn by the server (GET /api/qr.svg), and it speaks only its own parts of the catalogue.
    expect(lobby.filter((m) => m.includes('node_modules/qrcode/'))).toEqual([]);
    expect(lobby.filter((m) => /ui\/i18n\/(console|tablet)\//.test(m))).toEqual([]);
    const everything = chunks.flatMap((c) => c.moduleIds).map(rel);
    expect(everything.filter((m) => m.startsWith('server/'))).toEqual([]);
  }, 120_000);
});
