import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { screenshotDir } from '../support/screenshots';
import type { TestServer } from '../support/server';
import { serverAndChromiumPerSuite } from '../support/suite-server';
import { openConsole } from '../support/staff-pages';

const shots = screenshotDir();

/**
 * Two things a QA pass found on the console of a fresh clone: the settings page made up opening
 * hours for a branch that has none (saving them would have closed it), and the sidebar's
 * language select was too narrow for its own names (French empty, German "Deuts").
 */
describe('manager console: settings tell the truth, the language select fits', () => {
  let server: TestServer;
  let page: Page;
  serverAndChromiumPerSuite(async (s, b) => {
    server = s;
    page = await openConsole(b, s.url, { viewport: { width: 1280, height: 800 }, locale: 'it-IT' });
  });

  it('the demo branch has no hours stored: the page says so and offers to add them; no weekday shows as open', { timeout: 90_000 }, async () => {
    const state = (await (await fetch(`${server.url}/api/branches/demo/state`)).json()) as { state: { config: { hours?: unknown } } };
    expect(state.state.config.hours).toBeUndefined();
    await page.goto(`${server.url}/admin/#/console/branch/demo/settings`);
    await page.locator('bb-hours-editor [data-testid="no-hours"]').waitFor();
    expect(await page.locator('bb-hours-editor [data-testid="save-hours"]').count()).toBe(0);
    expect(await page.locator('bb-hours-editor tr[data-day]').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'console-settings-no-hours.png') });
    expect(await seriousViolations(page)).toEqual([]);
    // Asked for: a starting point, said to be one, to change before saving.
    await page.locator('bb-hours-editor [data-testid="add-hours"]').click();
    await page.locator('bb-hours-editor [data-testid="hours-start-hint"]').waitFor();
    await page.locator('bb-hours-editor [data-testid="save-hours"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Its longest form: a closed day and an exception added.
    await page.locator('bb-hours-editor [data-testid="add-closed-day"]').click();
    await page.locator('bb-hours-editor [data-testid="add-exception"]').click();
    expect(await seriousViolations(page)).toEqual([]);
    // A save refused by the server: the reason beside the form, the field marked.
    await page.locator('[data-testid="branch-name"]').fill('');
    await page.locator('[data-testid="save-branch"]').click();
    await page.locator('bb-branch-details-form [role="alert"]').waitFor();
    expect(await page.locator('[data-testid="branch-name"]').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'console-settings-refused.png'), fullPage: true });
  });

  it('the sidebar language select shows its whole language name, in every language', { timeout: 90_000 }, async () => {
    const select = page.locator('[data-testid="console-lang"]');
    for (const lang of ['fr', 'de', 'nl', 'es', 'en', 'it']) {
      await select.selectOption(lang);
      await expect.poll(() => page.locator('html').getAttribute('lang').then((l) => l ?? lang)).toBeTruthy();
      const fit = await select.evaluate((el: HTMLSelectElement) => {
        const cs = getComputedStyle(el);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const text = el.options[el.selectedIndex]!.text;
        // Room for the text: the box minus its padding and the drop-down arrow (about 20 px).
        const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
        return { text, width: Math.ceil(ctx.measureText(text).width), room };
      });
      expect(fit.width, `${lang}: "${fit.text}" in ${fit.room}px`).toBeLessThanOrEqual(fit.room);
      if (lang === 'fr') await page.screenshot({ path: join(shots, 'console-lang-select-fr.png') });
      // The settings page at the size it is made to fit, in the languages of the longest words.
      if (lang === 'fr' || lang === 'de') expect(await seriousViolations(page), lang).toEqual([]);
    }
  });
});
