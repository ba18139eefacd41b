import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { BranchConfig } from '../../core';
import { hashPassword } from '../../server/auth/passwords';
import { Users } from '../../server/auth/users';
import { SHIFT_MAX_PX } from '../../display/lib/burn-in';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { screenshotDir } from '../support/screenshots';
import { key, loginAs, type TestServer } from '../support/server';
import { signIn } from '../support/staff-pages';
import { serverAndChromiumPerSuite } from '../support/suite-server';

/**
 * Text typed by staff is data on every public page, in real Chromium: a branch, its services,
 * counters, presets, notices and own wording made of markup, script endings, comment openers,
 * replacement patterns and line separators. The lobby (drawn first from the snapshot inlined in
 * its page, then from the stream), the kiosk, the phone and the tablet show them as the letters they are,
 * within the window (a word longer than the screen wraps, a long name ends in an ellipsis):
 * nothing runs, no element is made of them.
 */
const MARK = '<img src=x onerror="window.__xss=1">';
const hostile = (what: string) => `${what} ${MARK}</script><!--$\`$'$&\u2028"'`;

describe('hostile staff text on the public pages', () => {
  let server: TestServer;
  let browser: Browser;
  serverAndChromiumPerSuite((s, b) => ((server = s), (browser = b)));

  const branch = 'hostile';
  const config = (): BranchConfig => ({
    ...DEMO_BRANCH,
    id: branch,
    name: hostile('Sede').slice(0, 80),
    // A service named with one long word (a name takes 280 letters).
    services: DEMO_BRANCH.services.map((s) => ({ ...s, name: s.id === 'advice' ? { it: 'Consulenza' + 'z'.repeat(150), en: 'Advice' } : { it: hostile(s.name.it!), en: hostile(s.name.en!) } })),
    counters: DEMO_BRANCH.counters.map((c) => ({ ...c, name: { it: hostile(c.name.it!), en: hostile(c.name.en!) } })),
    presets: DEMO_BRANCH.presets.map((p) => ({ ...p, text: { it: hostile(p.text.it!).slice(0, 280), en: hostile(p.text.en!).slice(0, 280) } })),
    // A wording is an ICU message (quotes, braces and tags are its syntax; one that does not parse gives way to the catalogue's): it rides in the inlined snapshot.
    display: { wording: { it: { 'lobby.nowServing': `Tocca a ${MARK}</script><!--` }, en: { 'lobby.nowServing': `Now serving ${MARK}` } } },
  });

  /** What the page made of the text: an element from the markup, or the script run. */
  const injected = (page: Page) =>
    page.evaluate(() => {
      const all: Element[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          all.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return { ran: (window as unknown as { __xss?: number }).__xss ?? null, elements: all.filter((e) => e.hasAttribute('onerror') || e.getAttribute('src') === 'x').map((e) => e.outerHTML) };
    });

  it('the lobby, the kiosk, the phone and the teller tablet show it as text, within their width; nothing runs', { timeout: 120_000 }, async () => {
    await server.commands.openBranch(branch, config(), { role: 'system' });
    const manager = await loginAs(server.url, 'admin');
    const post = (path: string, body: object) => manager.post(`/api/branches/${branch}${path}`).set('Idempotency-Key', key()).send(body);
    expect((await post('/counters/1/open', {})).status).toBe(200);
    expect((await post('/notices', { presetId: 'computer-fault', counterId: '2' })).status).toBe(201);
    expect((await post('/notices', { cause: 'other', effect: 'info', scope: { type: 'branch' }, text: { it: hostile('Avviso') } })).status).toBe(201);
    // The longest text without a space the field takes: it wraps, the page does not grow sideways.
    expect((await post('/notices', { cause: 'other', effect: 'info', scope: { type: 'branch' }, text: { it: 'Lungo' + 'x'.repeat(275) } })).status).toBe(201);
    const ticket = await request(server.url).post(`/api/branches/${branch}/tickets`).set('Idempotency-Key', key()).send({ service: 'teller' });
    expect(ticket.status).toBe(201);
    expect((await post('/counters/1/call-next', {})).status).toBe(200);

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' });
    try {
      const lobby = await context.newPage();
      await lobby.goto(`${server.url}/display/${branch}`);
      // Drawn from the inlined snapshot and then live: the notice's typed text is on the board as text.
      await lobby.getByText(`Avviso ${MARK}`, { exact: false }).first().waitFor({ state: 'attached', timeout: 30_000 });
      await lobby.getByText(`Sportello 1 ${MARK}`, { exact: false }).first().waitFor();
      await lobby.getByText(`Sede ${MARK}`, { exact: false }).first().waitFor();
      expect(await injected(lobby)).toEqual({ ran: null, elements: [] });
      // Past the window's right edge; the TV's layout moves by up to SHIFT_MAX_PX against burn-in.
      const wider = (page: Page) =>
        page.evaluate((slack) => {
          const out: string[] = [];
          // Inside a screen-reader-only box (1 px, clipped to nothing): never drawn, the page does not grow.
          const srOnly = (el: Element): boolean => {
            for (let a: Element | null = el; a; a = a.parentElement ?? ((a.getRootNode() as ShadowRoot).host ?? null)) {
              if (getComputedStyle(a).clipPath.startsWith('inset(50%')) return true;
            }
            return false;
          };
          const walk = (root: Document | ShadowRoot) => {
            for (const el of root.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width > 0 && r.right > innerWidth + slack && !srOnly(el)) out.push(`${el.tagName.toLowerCase()}.${(el as HTMLElement).className} ${Math.round(r.right)}`);
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          return out.slice(0, 5);
        }, SHIFT_MAX_PX + 1);
      expect(await wider(lobby)).toEqual([]);
      await lobby.screenshot({ path: join(screenshotDir(), 'lobby-hostile-text.png') });

      const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'it-IT' })).newPage();
      await kiosk.goto(`${server.url}/kiosk/${branch}`);
      await kiosk.getByText(`Cassa ${MARK}`, { exact: false }).first().waitFor({ timeout: 30_000 });
      expect(await injected(kiosk)).toEqual({ ran: null, elements: [] });
      expect(await wider(kiosk)).toEqual([]);
      await kiosk.screenshot({ path: join(screenshotDir(), 'kiosk-hostile-text.png') });
      await kiosk.context().close();

      const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true, hasTouch: true })).newPage();
      await phone.goto(`${server.url}${ticket.body.phone.path}`);
      await phone.getByText(MARK, { exact: false }).first().waitFor({ timeout: 30_000 });
      expect(await injected(phone)).toEqual({ ran: null, elements: [] });
      expect(await wider(phone)).toEqual([]);
      await phone.screenshot({ path: join(screenshotDir(), 'phone-hostile-text.png'), fullPage: true });
      await phone.context().close();

      // The teller's tablet of the branch (a teller of every branch, as the lobby suites make one).
      await new Users(server.sql).create({ username: 'hostile', name: hostile('Teller').slice(0, 80), role: 'teller', branches: [branch] }, await hashPassword('hostile-pass'), Date.now());
      const tablet = await (await browser.newContext({ viewport: { width: 1180, height: 820 }, locale: 'it-IT', hasTouch: true })).newPage();
      await signIn(tablet, server.url, 'hostile', 'hostile-pass');
      await tablet.locator('[data-testid="pick-counter"][data-counter="1"]').click();
      await tablet.getByText(`Avviso ${MARK}`, { exact: false }).first().waitFor({ state: 'attached', timeout: 30_000 });
      expect(await injected(tablet)).toEqual({ ran: null, elements: [] });
      await tablet.screenshot({ path: join(screenshotDir(), 'tablet-hostile-text.png'), fullPage: true });
      expect(await wider(tablet)).toEqual([]);
      await tablet.context().close();
    } finally {
      await context.close();
    }
  });
});
