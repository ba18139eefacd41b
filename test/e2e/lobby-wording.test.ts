import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { UpdateBranchBody } from '../../core';
import { Localizer } from '../../ui/i18n/localize';
import type { TestServer } from '../support/server';
import { serverAndChromiumPerSuite, updateBranch as updateBranchAs } from '../support/suite-server';

/**
 * A branch's own wording on the lobby. The lobby's build ships its catalogues parsed and no ICU
 * message parser (issue 9): a plain wording is used as it is, one in ICU syntax loads the parser
 * before the board is drawn, so the screen never shows the catalogue's words first.
 */
describe("the lobby in the branch's own words", () => {
  let server: TestServer;
  let browser: Browser;
  serverAndChromiumPerSuite((s, b) => ((server = s), (browser = b)));

  const updateBranch = (body: UpdateBranchBody) => updateBranchAs(server, body);

  /** The first words the board shows in two of its titles, read as soon as it has drawn its counters. */
  const firstWords = async (page: Page) => {
    await page.goto(`${server.url}/display/demo?lang=en`);
    await page.locator('[data-testid="counter"]').first().waitFor();
    const text = (sel: string) => page.locator(sel).evaluate((h) => h.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    return { counters: await text('section.counters h2'), waiting: await text('bb-waiting-list h2') };
  };

  it('plain words and words in ICU syntax (quoted braces) are both shown from the first paint', async () => {
    const wording = { 'lobby.counters': 'Desks', 'lobby.waiting': "Queue '{'today'}'" };
    await updateBranch({ languages: ['en'], display: { wording: { en: wording } } });
    const own = new Localizer('en', wording);
    expect(own.t('lobby.waiting')).toBe('Queue {today}'); // what the real parser makes of it
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' })).newPage();
    expect(await firstWords(page)).toEqual({ counters: 'Desks', waiting: 'Queue {today}' });
    await page.context().close();
  });

  it('without a wording of its own, the catalogue words it', async () => {
    await updateBranch({ languages: ['en'], display: null });
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' })).newPage();
    const catalogue = new Localizer('en');
    expect(await firstWords(page)).toEqual({ counters: catalogue.t('lobby.counters'), waiting: catalogue.t('lobby.waiting') });
    await page.context().close();
  });
});
