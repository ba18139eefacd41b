import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../ui/i18n/catalogue';
import { t } from '../../ui/i18n/localize';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { screenshotDir } from '../support/screenshots';
import { branchState, startTestServer } from '../support/server';
import { openConsole } from '../support/staff-pages';

/**
 * The branch's own words for its screens, set in the console: a text the board could not show
 * as written (markup, a message that does not parse) is refused when saved — the server names
 * its language and key, the form marks that row and says why — instead of the lobby quietly
 * showing the catalogue's words.
 */
describe('the console’s screens page: the branch’s own words', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await openConsole(browser, server.url, { viewport: { width: 1280, height: 900 }, locale: 'en-GB' }, 'manager');
    await page.goto(`${server.url}/admin/#/console/branch/demo/screens`);
    await page.locator('[data-testid="branch-wording"]').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const row = (i: number) => ({
    lang: page.locator('[data-testid="wording-lang"]').nth(i),
    key: page.locator('[data-testid="wording-key"]').nth(i),
    text: page.locator('[data-testid="wording-text"]').nth(i),
  });

  it('markup, then a plural without "other": refused, the row marked with its language and key; fixed, saved and on the board', async () => {
    const form = page.locator('[data-testid="branch-wording"]');
    await form.locator('[data-testid="wording-add"]').click();
    await row(0).lang.selectOption('it');
    await row(0).key.fill('lobby.counters');
    await row(0).text.fill('Gli <b>sportelli</b>');
    await form.locator('[data-testid="wording-save"]').click();
    const refused = form.locator('[data-testid="wording-refused"]');
    await refused.waitFor();
    expect(await refused.innerText()).toBe(t('en', 'console.screens.wordingInvalid', { language: 'Italian', key: 'lobby.counters' }));
    expect(await form.locator('[data-testid="wording-why"]').innerText()).toBe('markup (<b>) is not allowed: the screens show text only');
    expect(await form.locator('[data-testid="wording-error"]').count()).toBe(0);
    expect(await row(0).text.getAttribute('aria-invalid')).toBe('true');
    expect(await row(0).text.getAttribute('aria-describedby')).toBe('wording-refused');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('bb-branch-wording').screenshot({ path: join(screenshotDir(), 'console-wording-refused.png') });

    // A second row, in English: plain words are fine, a plural without "other" is not — that row is the one marked.
    await row(0).text.fill('Sportelli');
    await form.locator('[data-testid="wording-add"]').click();
    await row(1).lang.selectOption('en');
    await row(1).key.fill('lobby.moreCalls');
    await row(1).text.fill('{n, plural, one {# more call}}');
    await form.locator('[data-testid="wording-save"]').click();
    await expect.poll(() => refused.innerText()).toBe(t('en', 'console.screens.wordingInvalid', { language: 'English', key: 'lobby.moreCalls' }));
    expect(await form.locator('[data-testid="wording-why"]').innerText()).toBe('not a valid ICU message (MISSING_OTHER_CLAUSE)');
    expect(await row(0).text.getAttribute('aria-invalid')).toBe('false');
    expect(await row(1).text.getAttribute('aria-invalid')).toBe('true');
    expect((await branchState(server.url)).config?.display?.wording).toBeUndefined();

    await row(1).text.fill('{n, plural, one {# more call} other {# more calls}}');
    await form.locator('[data-testid="wording-save"]').click();
    await form.locator('[data-testid="wording-saved"]').waitFor();
    expect(await refused.count()).toBe(0);
    expect((await branchState(server.url)).config?.display?.wording).toEqual({
      it: { 'lobby.counters': 'Sportelli' },
      en: { 'lobby.moreCalls': '{n, plural, one {# more call} other {# more calls}}' },
    });
    const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' })).newPage();
    await tv.goto(`${server.url}/display/demo`);
    await expect.poll(() => tv.locator('section.counters h2 .i0').textContent()).toBe('Sportelli');
    await tv.context().close();
  }, 60_000);
});
