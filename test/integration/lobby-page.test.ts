import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BranchState, Command } from '../../core';
import { key, startTestServer } from '../support/server';

/**
 * GET /display/<branch> carries the branch's snapshot in the page (issue 9: the lobby paints
 * before its WebSocket connects): the same public snapshot the stream sends, escaped so that
 * staff-typed text cannot end the script element, never cached; none for an unknown branch or a
 * replay. A built page of our own (a temp dist/) keeps this test off the real build.
 */
describe('the lobby page carries its snapshot', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const SHELL = '<!doctype html><html><head><title>Branchboard</title></head><body><div class="boot">Branchboard</div></body></html>';

  const snapshotIn = (html: string): { branch: string; state: BranchState; serverTime: number } | null => {
    const m = /<script type="application\/json" id="bb-snapshot">([\s\S]*?)<\/script>/.exec(html);
    return m ? JSON.parse(m[1]!) : null;
  };

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'bb-dist-'));
    mkdirSync(join(dist, 'display'));
    writeFileSync(join(dist, 'display', 'index.html'), SHELL);
    mkdirSync(join(dist, '.vite'));
    const board = (l: string) => ({ file: `assets/${l}-1234.js`, imports: ['_shared.js'] });
    const manifest = { 'ui/i18n/board/it.ts': board('it'), 'ui/i18n/board/en.ts': board('en'), 'ui/i18n/board/fr.ts': board('fr'), '_shared.js': { file: 'assets/shared-5678.js' } };
    writeFileSync(join(dist, '.vite', 'lobby-manifest.json'), JSON.stringify(manifest));
    server = await startTestServer({ distDir: dist });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("holds the branch's public snapshot and the server's time, and is not cached", async () => {
    const before = Date.now();
    const res = await fetch(`${server.url}/display/demo`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const snap = snapshotIn(html);
    expect(snap?.branch).toBe('demo');
    const state = (await server.states.get('demo'))!;
    expect(snap!.state.seq).toBe(state.seq);
    expect(snap!.state.config?.name).toBe(state.config?.name);
    expect(snap!.serverTime).toBeGreaterThanOrEqual(before);
    expect(html.endsWith('<body><div class="boot">Branchboard</div></body></html>')).toBe(true);
  });

  it("keeps a name typed by staff as text: nothing in it can close the script element", async () => {
    const name = 'Sede </script><img src=x onerror=alert(1)> <!-- centro';
    const k = key();
    const r = await server.commands.execute({ branch: 'demo', command: { type: 'UpdateBranch', body: { name } }, key: k, actor: { role: 'admin', user: 'admin' }, fingerprint: k });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const html = await (await fetch(`${server.url}/display/demo`)).text();
    expect(html).not.toContain('</script><img');
    expect(html).not.toContain('<!-- centro');
    // The snapshot's end and the warm-up script's, nothing else.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(snapshotIn(html)!.state.config?.name).toBe(name);
  });

  it("preloads the words of the languages it will show: the branch's, or the one a phone asked for", async () => {
    const preloads = async (path: string) => [...(await (await fetch(`${server.url}${path}`)).text()).matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    const state = (await server.states.get('demo'))!;
    expect(state.config?.languages).toEqual(['it', 'en']);
    expect(await preloads('/display/demo')).toEqual(['/assets/it-1234.js', '/assets/shared-5678.js', '/assets/en-1234.js']);
    expect(await preloads('/display/demo?lang=fr')).toEqual(['/assets/fr-1234.js', '/assets/shared-5678.js']);
    // A language the catalogue does not have is shown in English.
    expect(await preloads('/display/demo?lang=pt-BR')).toEqual(['/assets/en-1234.js', '/assets/shared-5678.js']);
  });

  /** Runs a command on the demo branch as its admin; fails unless it is taken. */
  const run = async (command: Command) => {
    const k = key();
    const r = await server.commands.execute({ branch: 'demo', command, key: k, actor: { role: 'admin', user: 'admin' }, fingerprint: k });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  };

  /** The page's script element holds the snapshot and nothing else: not a "<" in it, one closing tag, the rest of the page whole. */
  const expectContained = (html: string) => {
    const open = '<script type="application/json" id="bb-snapshot">';
    const start = html.indexOf(open) + open.length;
    const end = html.indexOf('</script>', start);
    expect(start).toBeGreaterThan(open.length - 1);
    expect(html.slice(start, end)).not.toContain('<');
    expect(html.match(/<\/script/gi)).toHaveLength(2); // the snapshot's and the warm-up's
    expect(html.match(/<!--/g)).toBeNull();
    expect(html.endsWith('<body><div class="boot">Branchboard</div></body></html>')).toBe(true);
  };

  it('staff texts that try to end the script, open a comment or break a string — name, address, notices, presets, wording — stay inside it, as data', async () => {
    const nasty = ['</script>', '</SCRIPT >', '<!--', '-->', '<script>', '\u2028', '\u2029', '"', "'", '`', '\\', '\u0000', '&lt;', ']]>', '<![CDATA[', '\\u003c', '${x}', '{{x}}', '\ud83d\ude00', '\u200f', '<img src=x onerror=alert(1)>', '$&', "$'", '$`', '$$', '$1', '$<x>'];
    const text = (max: number) =>
      fc
        .array(fc.oneof(fc.constantFrom(...nasty), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 30 })
        .map((parts) => parts.join('').trim().slice(0, max))
        .filter((t) => t.length > 0 && !t.includes('\u0000'));
    const samples = fc.sample(fc.record({ name: text(80), address: text(120), notice: text(280), preset: text(280), resolved: text(280), wording: text(500) }), { numRuns: 12, seed: 20261206 });
    // Replacement patterns (a string replace would put the page's own markup there), and the longest each field takes.
    samples.push({ name: "Sede $& $' $`", address: '$`</head>$$', notice: "$'$`$&", preset: '$<x> $1', resolved: '$$&', wording: "$`$'" });
    samples.push({ name: '</script>'.repeat(9).slice(0, 80), address: '<!--'.repeat(30), notice: '\u2028</script>'.repeat(28), preset: '"</script>'.repeat(28), resolved: "'<!--".repeat(56), wording: '\u2029</script><!--'.repeat(33).slice(0, 500) });
    for (const [i, t] of samples.entries()) {
      await run({ type: 'UpdateBranch', body: { name: t.name, address: t.address, display: { wording: { it: { 'lobby.nowServing': t.wording } } } } });
      await run({ type: 'UpsertPreset', presetId: 'hostile', source: 'branch', body: { cause: 'other', effect: 'info', scope: 'branch', text: { it: t.preset, en: t.preset }, resolvedText: { it: t.resolved }, apologise: false, defaultMinutes: null } });
      const noticeId = key();
      await run({ type: 'PostNotice', noticeId, body: { cause: 'other', effect: 'info', scope: { type: 'branch' }, text: { it: t.notice } } });
      const html = await (await fetch(`${server.url}/display/demo`)).text();
      expectContained(html);
      const snap = snapshotIn(html)!;
      const state = (await server.states.get('demo'))!;
      expect(snap.state.config?.name, `sample ${i}`).toBe(state.config!.name);
      expect(snap.state.config?.address).toBe(state.config!.address);
      expect(snap.state.config?.display?.wording?.it?.['lobby.nowServing']).toBe(state.config!.display!.wording!.it!['lobby.nowServing']);
      expect(snap.state.config?.presets.find((p) => p.id === 'hostile')).toEqual(state.config!.presets.find((p) => p.id === 'hostile'));
      expect(snap.state.notices.find((n) => n.id === noticeId)?.text).toEqual(state.notices.find((n) => n.id === noticeId)!.text);
      expect(JSON.stringify(snap.state)).toBe(JSON.stringify(state));
    }
  });

  it("runs its one inline script (the date formats' warm-up) by that script's hash, and no other inline script", async () => {
    const res = await fetch(`${server.url}/display/demo`);
    const html = await res.text();
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain('Intl.DateTimeFormat');
    const csp = res.headers.get('content-security-policy')!;
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!.trim().split(/\s+/);
    expect(scriptSrc).toEqual(['script-src', "'self'", `'sha256-${createHash('sha256').update(inline[0]!).digest('base64')}'`]);
    // The rest of the policy as every other page has it.
    const other = (await fetch(`${server.url}/api/health`)).headers.get('content-security-policy')!;
    expect(csp.split(';').filter((d) => !d.trim().startsWith('script-src'))).toEqual(other.split(';').filter((d) => !d.trim().startsWith('script-src')));
    // A replay's plain page runs none.
    expect(await (await fetch(`${server.url}/display/demo?at=2026-01-01T10:00`)).text()).not.toContain('<script>');
  });

  it('has no snapshot for a replay (?at=): the plain page', async () => {
    const res = await fetch(`${server.url}/display/demo?at=2026-12-01T09:00`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(SHELL);
  });

  it('an unknown or hostile branch in the path: a 404, no snapshot, nothing of the path in the page', async () => {
    const paths = [
      'no-such-branch',
      encodeURIComponent('x'.repeat(300)),
      'DEMO',
      'demo%20',
      '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      encodeURIComponent('"><img src=x onerror=alert(1)>'),
      '%2E%2E%2Fadmin',
      '%E2%80%A8',
      '__proto__',
      'constructor',
      'no-such-branch?at=2026-12-01T09:00',
      'no-such-branch?lang=%3Cscript%3E',
    ];
    for (const p of paths) {
      const res = await fetch(`${server.url}/display/${p}`);
      expect(res.status, p).toBe(404);
      const html = await res.text();
      expect(html, p).not.toContain('bb-snapshot');
      expect(html, p).not.toMatch(/<script|onerror|x{300}/i);
    }
    // A path the router cannot even decode, or with a NUL: refused as a bad request, not a crash.
    for (const p of ['%', '%E0%A4%A', '%FF%FE', '%00']) {
      const res = await fetch(`${server.url}/display/${p}`);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
    }
    expect(server.unhandledErrors()).toEqual([]);
  });
});
