import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchState } from '../../core';
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
    expect(html.match(/<\/script>/g)).toHaveLength(1);
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

  it('has no snapshot for an unknown branch nor for a replay (?at=)', async () => {
    for (const path of ['/display/no-such-branch', `/display/${encodeURIComponent('x'.repeat(300))}`, '/display/demo?at=2026-12-01T09:00']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe(SHELL);
    }
  });
});
