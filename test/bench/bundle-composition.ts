/**
 * What the lobby's script is made of: `npx tsx test/bench/bundle-composition.ts [--modules]`.
 * Builds the lobby environment of vite.config.ts in memory with source maps, gives each byte of
 * the minified entry to the source module it came from, and prints per package / folder (and per
 * module with --modules) the minified bytes and a gzipped share: each part gzipped alone, scaled
 * so the parts add up to the real gzipped size (gzip compresses across modules, so a part's own
 * size is only an estimate). The other chunks of the build are listed with their gzipped size.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { createBuilder, type Rollup } from 'vite';

const root = join(import.meta.dirname, '..', '..');
process.env.NODE_ENV = 'production'; // as `vite build`: lit's production build
const builder = await createBuilder({ root, configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'silent', build: { write: false, sourcemap: true } });
const out = (await builder.build(builder.environments['lobby']!)) as Rollup.RollupOutput | Rollup.RollupOutput[];
const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');

const kb = (n: number) => (n / 1024).toFixed(2);
const name = (src: string) => src.replace(/^.*node_modules\//, 'node_modules/').replace(/^(\.\.\/)+/, '');
/** node_modules/<package> or the module's first two folders. */
const group = (src: string) => {
  const p = src.split('/');
  if (p[0] === 'node_modules') return p.slice(0, p[1]!.startsWith('@') ? 3 : 2).join('/');
  return p.slice(0, 2).join('/');
};

for (const c of chunks.filter((c) => !c.isEntry)) console.log(`${c.fileName}: ${kb(gzipSync(c.code).length)} KiB gzipped`);
for (const c of chunks.filter((c) => c.isEntry)) {
  const map = new SourceMapConsumer(c.map as unknown as RawSourceMap);
  const lines = c.code.split('\n');
  const segs: { line: number; col: number; src: string }[] = [];
  map.eachMapping((m) => segs.push({ line: m.generatedLine, col: m.generatedColumn, src: m.source ? name(m.source) : '(helpers)' }));
  segs.sort((a, b) => a.line - b.line || a.col - b.col);
  const parts = new Map<string, string[]>();
  segs.forEach((s, i) => {
    const next = segs[i + 1];
    const text = lines[s.line - 1]!.slice(s.col, next && next.line === s.line ? next.col : undefined);
    (parts.get(s.src) ?? parts.set(s.src, []).get(s.src)!).push(text);
  });
  const total = gzipSync(c.code).length;
  const rows = [...parts].map(([src, t]) => ({ src, min: t.join('').length, gz: gzipSync(t.join('')).length }));
  const scale = total / rows.reduce((a, r) => a + r.gz, 0);
  console.log(`\n${c.fileName} (entry): ${c.code.length} B minified, ${total} B gzipped (${kb(total)} KiB)\n`);
  const print = (list: { src: string; min: number; gz: number }[]) => {
    console.log(`${'part'.padEnd(64)} ${'min B'.padStart(7)} ${'gzip B'.padStart(7)}`);
    for (const r of list.sort((a, b) => b.gz - a.gz)) console.log(`${r.src.padEnd(64)} ${String(r.min).padStart(7)} ${String(Math.round(r.gz * scale)).padStart(7)}`);
  };
  const groups = new Map<string, { src: string; min: number; gz: number }>();
  for (const r of rows) {
    const g = groups.get(group(r.src)) ?? { src: group(r.src), min: 0, gz: 0 };
    g.min += r.min;
    g.gz += r.gz;
    groups.set(g.src, g);
  }
  print([...groups.values()]);
  if (process.argv.includes('--modules')) {
    console.log('');
    print(rows);
  }
}
