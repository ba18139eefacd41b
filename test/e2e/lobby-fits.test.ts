import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchConfig } from '../../core';
import { hashPassword } from '../../server/auth/passwords';
import { Users } from '../../server/auth/users';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { launchChromium } from '../support/browser';
import { openBusyBranch } from '../support/busy-branch';
import { lobbySettled, withinOneTurn } from '../support/lobby-layout';
import { screenshotDir } from '../support/screenshots';
import { key, loginAs, startTestServer } from '../support/server';
import { renderedTexts } from '../support/text-metrics';


/** A branch that grew: six counters (one with a long name) and four services (one with a long name). */
const GROWN: BranchConfig = {
  ...DEMO_BRANCH,
  services: [
    ...DEMO_BRANCH.services.map((s) => (s.id === 'teller' ? { ...s, promiseMinutes: 15 } : s)),
    { id: 'mortgages', prefix: 'C', name: { it: 'Mutui', en: 'Mortgages' } },
    {
      id: 'business',
      prefix: 'D',
      name: { it: 'Mutui e finanziamenti per la casa e le piccole imprese', en: 'Mortgages and loans for homes and small businesses' },
    },
  ],
  counters: [
    ...DEMO_BRANCH.counters,
    { id: '5', name: { it: 'Sportello Prestiti e Mutui Casa 5', en: 'Loans & Mortgages 5' }, services: ['mortgages', 'business'] },
    { id: '6', name: { it: 'Sportello 6', en: 'Counter 6' }, services: ['teller', 'business'] },
  ],
};

/** About the longest a notice's text can be (280 characters a language), in two languages. */
const LONG_NOTICE = {
  cause: 'technical_problem',
  effect: 'service_unavailable',
  scope: { type: 'branch' },
  apologise: true,
  expectedInMinutes: 40,
  text: {
    it: 'Il sistema informatico della filiale è fermo per un guasto alla rete della banca: non possiamo registrare versamenti, prelievi allo sportello né bonifici. I tecnici stanno lavorando per ripristinarlo. Il bancomat all’ingresso funziona. Vi ringraziamo per la pazienza.',
    en: 'The branch’s computer system is down because of a fault in the bank’s network: we cannot take deposits, counter withdrawals or transfers. Technicians are working to restore it. The cash machine at the entrance works. Thank you for your patience while we fix it.',
  },
};

/** Then a teller's update typed in Italian only, as long as it may be: a note beside the texts, marked with its language. */
const LONG_UPDATE = {
  it: 'Aggiornamento: il guasto riguarda la linea dati di tutta la zona e il fornitore ha inviato una squadra. Chi deve solo prelevare può usare il bancomat all’ingresso; per versamenti e bonifici potete tornare nel pomeriggio o usare l’app della banca. Grazie per la comprensione.',
};

/**
 * The lobby holds its layout whatever the branch looks like: a notice is never cut (its expected
 * end, the line customers look for, is at its bottom), and no counter tile falls off the screen —
 * on the demo branch with one computer-fault notice, on a branch with six counters and four
 * services, and on the busy branch (test/support/busy-branch.ts: figures in every estimate, two
 * promises missed or at risk, three calls, three notices) in Italian + English and German +
 * English/French — then with a fourth notice too tall even at the compact size, which shows in
 * parts, page after page — at 1920×1080 and in portrait.
 */
describe('lobby: every notice whole, every counter on the screen', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let teller: Awaited<ReturnType<typeof loginAs>>;
  let n = 0;
  let offset = 0;
  const shots = screenshotDir();

  beforeAll(async () => {
    server = await startTestServer({ ticketsPerMinute: 10_000 }, { commandClock: () => Date.now() + offset });
    await new Users(server.sql).create({ username: 'fits', name: 'Teller', role: 'teller', branches: ['*'] }, await hashPassword('fits-pass'), Date.now());
    teller = await loginAs(server.url, 'fits', 'fits-pass');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const act = async (b: string, counter: string, action: string) => {
    const res = await teller.post(`/api/branches/${b}/counters/${counter}/${action}`).set('Idempotency-Key', key()).send({});
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  };
  const issue = async (b: string, service: string) =>
    expect((await request(server.url).post(`/api/branches/${b}/tickets`).set('Idempotency-Key', key()).send({ service })).status).toBeLessThan(300);
  const post = async (b: string, body: object) =>
    expect((await teller.post(`/api/branches/${b}/notices`).set('Idempotency-Key', key()).send(body)).status).toBeLessThan(300);

  /** The QA scene: counter 2 calls A001, then its computer fails (+10 min). */
  async function demoWithFault(config: BranchConfig = DEMO_BRANCH): Promise<string> {
    const id = `fits-${++n}`;
    await server.commands.openBranch(id, { ...config, id }, { role: 'system' });
    for (const s of ['teller', 'teller', 'teller', 'teller', 'teller', 'advice', 'advice']) await issue(id, s);
    if (config.services.length > 2) for (const s of ['mortgages', 'business', 'business']) await issue(id, s);
    await act(id, '2', 'open');
    await act(id, '2', 'call-next');
    await post(id, { presetId: 'computer-fault', counterId: '2' });
    return id;
  }

  async function open(branch: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await (await browser.newContext({ viewport, locale: 'it-IT' })).newPage();
    await page.goto(`${server.url}/display/${branch}`);
    await page.locator('bb-notice-board bb-notice-card').first().waitFor();
    await lobbySettled(page);
    return page;
  }

  const busy = (languages: string[]) => openBusyBranch(server, `fits-busy-${++n}`, languages, (ms) => (offset = ms));

  /** The notice cards on the page now: their id, part ("1/2" when shown in parts) and the texts of their body shown. */
  const cardsOnPage = (page: Page) =>
    page.evaluate(() => {
      const board = document.querySelector('bb-lobby')!.shadowRoot!.querySelector('bb-notice-board')!.shadowRoot!;
      return [...board.querySelectorAll<HTMLElement>('.list > bb-notice-card:not(.off)')].map((c) => ({
        id: c.dataset.id!,
        part: c.getAttribute('data-part'),
        // Each language's line of its texts as shown (innerText leaves out the sentences on another part).
        texts: [...c.shadowRoot!.querySelectorAll<HTMLElement>('.body .text > .l0, .body .text > .l1')].filter((e) => e.checkVisibility()).map((e) => e.innerText.trim()),
      }));
    });

  /** Every visible notice card ends inside the notice area; every counter tile inside the screen. */
  async function checkFits(page: Page, viewport: { width: number; height: number }) {
    const boxes = await page.evaluate(() => {
      const lobby = document.querySelector('bb-lobby')!.shadowRoot!;
      const board = lobby.querySelector('bb-notice-board')!.shadowRoot!;
      const r = (e: Element) => {
        const b = e.getBoundingClientRect();
        return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
      };
      const list = board.querySelector('.list')!;
      const cards = [...board.querySelectorAll('.list > bb-notice-card:not(.off)')].map((c) => ({ id: (c as HTMLElement).dataset.id, ...r(c) }));
      const tiles = [...lobby.querySelectorAll('bb-counter-tile')].map((t) => ({
        counter: t.shadowRoot?.querySelector('[data-testid="counter"]')?.getAttribute('data-counter'),
        ...r(t),
      }));
      return { list: r(list), cards, tiles };
    });
    expect(boxes.cards.length).toBeGreaterThan(0);
    for (const c of boxes.cards) expect(c.bottom, `notice ${c.id} ends at ${c.bottom}, its area at ${boxes.list.bottom}`).toBeLessThanOrEqual(boxes.list.bottom + 0.5);
    expect(boxes.tiles.length).toBeGreaterThan(0);
    for (const t of boxes.tiles) {
      const where = `counter ${t.counter} at ${JSON.stringify(t)}`;
      expect(t.top, where).toBeGreaterThanOrEqual(0);
      expect(t.left, where).toBeGreaterThanOrEqual(0);
      expect(t.bottom, where).toBeLessThanOrEqual(viewport.height + 0.5);
      expect(t.right, where).toBeLessThanOrEqual(viewport.width + 0.5);
    }
    // The expected end of the fault is on the screen, whole.
    const expected = page.locator('bb-notice-card:not(.off) [data-testid="notice-expected"]').first();
    const box = (await expected.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(boxes.list.bottom + 0.5);
    // And nothing of it is smaller than the room reads (28 px at 1080p), or cut off.
    const scale = 1;
    const texts = await renderedTexts(page);
    const small = texts.filter((t) => !t.staff && t.fontPx < 28 * scale - 0.01).map((t) => `${t.where} ${t.fontPx}px "${t.text}"`);
    expect(small, 'text under 28 px').toEqual([]);
    const cut = texts.filter((t) => t.clipped || t.offscreen).map((t) => `${t.where} "${t.text}" at ${JSON.stringify(t.rect)}`);
    expect(cut, 'text cut off or off the screen').toEqual([]);
  }

  /** The words of each line an element's text is drawn on (found by where each word is drawn). */
  const lines = (page: Page, host: string, selector: string) =>
    page.evaluate(
      ([host, selector]) => {
        const el = document.querySelector('bb-lobby')!.shadowRoot!.querySelector(host)?.shadowRoot?.querySelector(selector) ?? document.querySelector('bb-lobby')!.shadowRoot!.querySelector(selector);
        if (!el) return [];
        const out = new Map<number, string[]>();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const m of text.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const top = Math.round(range.getClientRects()[0]?.top ?? -1);
            out.set(top, [...(out.get(top) ?? []), m[0]]);
          }
        }
        return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, words]) => words.join(' '));
      },
      [host, selector] as const,
    );

  it('on a phone the branch name never leaves the street number alone on a line', async () => {
    const b = await demoWithFault();
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT' })).newPage();
    await page.goto(`${server.url}/display/${b}`);
    await page.locator('bb-notice-board bb-notice-card').first().waitFor();
    const name = await lines(page, 'none', '.branch-name');
    expect(name.join(' ')).toBe('Filiale Demo — Via Roma 1');
    expect(name.at(-1)!.split(' ').length, JSON.stringify(name)).toBeGreaterThan(1);
    await page.screenshot({ path: join(shots, 'lobby-fits-phone-header.png') });
    await page.context().close();
  }, 60_000);

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1080, height: 1920 },
  ]) {
    const size = `${viewport.width}x${viewport.height}`;
    it(`demo branch, a lone computer-fault notice, at ${size}: the notice whole, its end time in view`, async () => {
      const page = await open(await demoWithFault(), viewport);
      await page.screenshot({ path: join(shots, `lobby-fits-demo-fault-${size}.png`) });
      await checkFits(page, viewport);
      if (viewport.height > viewport.width) {
        // On its side: the notices right under who waits, the counters last; and a quiet branch
        // leaves no empty band under its one call (the notices take the free room).
        const box = (sel: string) =>
          page.evaluate((sel) => {
            const r = document.querySelector('bb-lobby')!.shadowRoot!.querySelector(sel)!.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom };
          }, sel);
        const waiting = await box('bb-waiting-list');
        const notices = await box('bb-notice-board');
        const counters = await box('.counters');
        expect(notices.top).toBeGreaterThan(waiting.bottom);
        expect(counters.top).toBeGreaterThan(notices.bottom);
        const lastCall = (await page.locator('[data-testid="call"]').last().boundingBox())!;
        expect(waiting.top - (lastCall.y + lastCall.height), 'empty band under now serving').toBeLessThan(100);
      }
      await page.context().close();
    }, 60_000);

    it(`six counters and four services, at ${size}: every tile on the screen`, async () => {
      const b = await demoWithFault(GROWN);
      await act(b, '5', 'open');
      const page = await open(b, viewport);
      await page.screenshot({ path: join(shots, `lobby-fits-grown-${size}.png`) });
      await checkFits(page, viewport);
      expect(await page.locator('[data-testid="counter"]').count()).toBe(6);
      // Services that do not fit beside the counters come on the next page of the waiting list:
      // every one of the four is shown, and that page fits as well.
      const seen = new Set(await page.locator('[data-testid="waiting-count"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-service'))));
      if (seen.size < 4) {
        await expect.poll(async () => (await page.locator('[data-testid="waiting-count"][data-service="business"]').count()) > 0, { timeout: 15_000 }).toBe(true);
        for (const s of await page.locator('[data-testid="waiting-count"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-service')))) seen.add(s);
        await page.screenshot({ path: join(shots, `lobby-fits-grown-${size}-page-2.png`) });
        await checkFits(page, viewport);
      }
      expect([...seen].sort()).toEqual(['advice', 'business', 'mortgages', 'teller']);
      await page.context().close();
    }, 60_000);


    for (const langs of [
      ['it', 'en'],
      ['de', 'en', 'fr'],
    ]) {
      it(`the busy branch in ${langs.join(' + ')}, at ${size}: all three calls, every notice whole, every tile on the screen`, async () => {
        const page = await open(await busy(langs), viewport);
        await lobbySettled(page, { estimates: 3 });
        await page.screenshot({ path: join(shots, `lobby-fits-busy-${langs.join('-')}-${size}.png`) });
        await withinOneTurn(
          page,
          async () => {
            await checkFits(page, viewport);
            expect(await page.locator('[data-testid="call"]').count()).toBe(3);
            expect(await page.locator('[data-testid="calls-more"]').count()).toBe(0);
            for (const c of await cardsOnPage(page)) expect(c.part, `notice ${c.id} in parts`).toBeNull();
          },
          { estimates: 3 },
        );
        await page.context().close();
      }, 60_000);
    }

    it(`a notice too tall for its column even at the compact size, at ${size}: in parts, page after page, each whole with its expected end, all of its text shown`, async () => {
      const b = await busy(['it', 'en']);
      const res = await teller.post(`/api/branches/${b}/notices`).set('Idempotency-Key', key()).send(LONG_NOTICE);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      const update = await teller.patch(`/api/branches/${b}/notices/${res.body.notice.id}`).set('Idempotency-Key', key()).send({ text: LONG_UPDATE });
      expect(update.status, JSON.stringify(update.body)).toBeLessThan(300);
      expect(update.body.notice.note).toEqual(LONG_UPDATE);
      const page = await open(b, viewport);
      await lobbySettled(page, { estimates: 3 });
      // The long notice (a service unavailable: it comes first) shows in parts, each on a page that
      // fits; the pages turn by themselves until every part has been on the screen.
      const seen = new Map<string, string[]>();
      let parts = 0;
      await expect
        .poll(
          async () => {
            await lobbySettled(page, { estimates: 3 });
            const cards = await cardsOnPage(page);
            const long = cards.find((c) => c.part !== null);
            if (long?.part) {
              parts = Number(long.part.split('/')[1]);
              await checkFits(page, viewport);
              if (!seen.has(long.part)) await page.screenshot({ path: join(shots, `lobby-fits-long-notice-${size}-part-${long.part.replace('/', '-of-')}.png`) });
              seen.set(long.part, long.texts);
            }
            return parts > 1 && seen.size === parts;
          },
          { timeout: 90_000, interval: 500 },
        )
        .toBe(true);
      // Across its parts, in their order, the whole text in both languages, and the update.
      const words = (t: string) => t.replace(/\s+/g, ' ').trim();
      const shown = words(
        [...seen.entries()]
          .sort(([a], [b]) => parseInt(a) - parseInt(b))
          .flatMap(([, t]) => [...t])
          .join(' '),
      );
      expect(shown).toContain(words(LONG_NOTICE.text.it));
      expect(shown).toContain(words(LONG_NOTICE.text.en));
      expect(shown).toContain(words(LONG_UPDATE.it));
      await page.context().close();
    }, 120_000);
  }
});
