/**
 * The lobby page's JavaScript as a TV downloads it in normal operation, gzipped: before its first
 * paint, the entry script and every module the built page preloads, plus the chunks of the words
 * of the branch's languages, which the server preloads in the page it serves
 * (server/http/lobby-page.ts; the demo branch shows it + en); and what every TV fetches right
 * after it (the closed screen, `later` in display/components/bb-lobby.ts). Not counted: what only
 * an uncommon screen loads (the phone's language switch, the pairing screen, the ICU parser for
 * a branch's own wording in ICU syntax, the staff's replay). Reference: the two libraries a live lobby cannot do without (lit and
 * socket.io-client), bundled alone by the same Vite build.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { wordChunks } from '../../server/http/lobby-page';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { fmt, ratio, type Row } from './lib/report';

const root = join(import.meta.dirname, '..', '..');

/** Gzipped bytes of the JS a page loads before it can run (script + modulepreload), per file. */
export function pageJs(distDir: string, page: string): { total: number; files: Record<string, number> } {
  const html = readFileSync(join(distDir, page, 'index.html'), 'utf8');
  const files: Record<string, number> = {};
  for (const [, src] of html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)) {
    files[src!] = gzipSync(readFileSync(join(distDir, 'assets', src!))).length;
  }
  return { total: Object.values(files).reduce((a, b) => a + b, 0), files };
}

export async function referenceJs(): Promise<number> {
  const dir = join(root, '.tmp', 'bundle-reference');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./entry.ts"></script>');
  // A lit element that renders what a socket sends: the least a live board needs.
  writeFileSync(
    join(dir, 'entry.ts'),
    `import { LitElement, html } from 'lit';
import { io } from 'socket.io-client';
class B extends LitElement { static properties = { text: {} }; declare text: string;
  connectedCallback() { super.connectedCallback(); io({ transports: ['websocket'] }).on('event', (e: unknown) => (this.text = JSON.stringify(e))); }
  render() { return html\`<p>\${this.text}</p>\`; } }
customElements.define('b-b', B);`,
  );
  await build({ root: dir, logLevel: 'silent', configFile: false, build: { outDir: join(dir, 'dist'), target: 'es2022', emptyOutDir: true } });
  const assets = join(dir, 'dist', 'assets');
  const total = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
  rmSync(dir, { recursive: true, force: true });
  return total;
}

/** Gzipped bytes of the chunks the served page preloads for a branch's words (from the lobby build's manifest). */
export function wordsJs(distDir: string, languages: readonly string[]): number {
  let manifest = {};
  try {
    manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'lobby-manifest.json'), 'utf8'));
  } catch {
    return 0; // a build before the words were split out: they are in the entry
  }
  return wordChunks(manifest, languages).reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f))).length, 0);
}

/** Chunks every TV fetches right after its first paint (display/components/bb-lobby.ts, `later`). */
const AFTER_FIRST_PAINT = ['display/components/bb-closed-screen.ts'];

/** Gzipped bytes of those chunks (from the lobby build's manifest). */
export function laterJs(distDir: string): number {
  let manifest: Record<string, { file: string }> = {};
  try {
    manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'lobby-manifest.json'), 'utf8'));
  } catch {
    return 0;
  }
  return AFTER_FIRST_PAINT.filter((k) => manifest[k]).reduce((sum, k) => sum + gzipSync(readFileSync(join(distDir, manifest[k]!.file))).length, 0);
}

export async function bundleRows(distDir = join(root, 'dist')): Promise<Row[]> {
  const lobby = pageJs(distDir, 'display');
  const words = wordsJs(distDir, DEMO_BRANCH.languages);
  const later = laterJs(distDir);
  const total = lobby.total + words + later;
  const ref = await referenceJs();
  const biggest = Object.entries(lobby.files).sort((a, b) => b[1] - a[1]).slice(0, 3);
  return [
    {
      what: 'lobby page JavaScript a TV loads, gzipped (KB)',
      value: fmt(total / 1024, 1),
      reference: fmt(ref / 1024, 1),
      ratio: ratio(total, ref),
      note: `target ≤ 35 KB; reference: lit + socket.io-client alone; ${Object.keys(lobby.files).length} file(s) ${fmt(lobby.total / 1024, 1)} (largest: ${biggest.map(([f, n]) => `${f.replace(/-[\w-]{8}\.js$/, '')} ${fmt(n / 1024, 1)}`).join(', ')}) + words of ${DEMO_BRANCH.languages.join(' + ')} ${fmt(words / 1024, 1)} (before the first paint: ${fmt((lobby.total + words) / 1024, 1)}) + after it ${fmt(later / 1024, 1)}`,
    },
  ];
}
