import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKDAYS, localDay, type UpdateBranchBody } from '../../core';
import { LANGUAGES } from '../../ui/i18n/languages';
import { t } from '../../ui/i18n/localize';
import { shiftDay } from '../../ui/time/when';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { screenshotDir } from '../support/screenshots';
import { key, startTestServer } from '../support/server';
import { updateBranch as updateBranchAs } from '../support/suite-server';

const shots = screenshotDir();

/**
 * The lobby in six languages: each language's words on the phone view; on the TV the main
 * language large and the others taking turns in the secondary line; the calm closed screen
 * outside opening hours. Screenshots of the TV in three languages and in portrait.
 */
describe('the lobby speaks every language', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  const updateBranch = (body: UpdateBranchBody) => updateBranchAs(server, body);

  const open = async (path: string, viewport = { width: 1920, height: 1080 }, locale = 'it-IT'): Promise<Page> => {
    const page = await (await browser.newContext({ viewport, locale })).newPage();
    await page.goto(`${server.url}${path}`);
    await page.locator('[data-testid="counter"], [data-testid="closed-screen"]').first().waitFor();
    return page;
  };

  /** The words a customer reads in a section title (its text, not its upper-cased rendering). */
  const nowServingTitle = (page: Page) => page.locator('bb-now-serving h2').evaluate((h) => h.textContent?.replace(/\s+/g, ' ').trim() ?? '');

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of LANGUAGES) {
    it(`the phone view in ${lang}: the lobby's own words are in ${lang}, the staff's texts as they were typed`, async () => {
      const page = await open(`/display/demo?lang=${lang}`, { width: 390, height: 844 }, 'en-US');
      expect(await nowServingTitle(page)).toBe(t(lang, 'lobby.nowServing'));
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await page.context().close();
    });
  }

  it('a phone without ?lang follows the browser’s language', async () => {
    const page = await open('/display/demo', { width: 390, height: 844 }, 'de-DE');
    expect(await nowServingTitle(page)).toBe(t('de', 'lobby.nowServing'));
    await page.context().close();
  });

  it('on the TV the main language stays, the others take turns in the secondary line', async () => {
    await updateBranch({ languages: ['it', 'en', 'fr', 'de'], display: { rotateSeconds: 3 } });
    const tv = await open('/display/demo');
    const seen = new Set<string>();
    for (let i = 0; i < 40 && seen.size < 3; i++) {
      const langs = (await tv.locator('.screen').getAttribute('data-langs')) ?? '';
      const [main, second, more] = langs.split(' ');
      expect(main).toBe('it');
      expect(more, 'two languages at a time').toBeUndefined();
      if (second) seen.add(second);
      await tv.waitForTimeout(500);
    }
    expect([...seen].sort()).toEqual(['de', 'en', 'fr']);
    // The title follows: Italian large, the current second language beneath.
    const second = ((await tv.locator('.screen').getAttribute('data-langs')) ?? '').split(' ')[1]!;
    expect(await nowServingTitle(tv)).toContain(t('it', 'lobby.nowServing'));
    expect(await nowServingTitle(tv)).toMatch(new RegExp(t(second, 'lobby.nowServing').slice(0, 5)));
    await tv.context().close();
  }, 40_000);

  it('screenshots: the TV in Italian with German, Dutch main, and in portrait', async () => {
    await updateBranch({ languages: ['it', 'de'], display: { rotateSeconds: 8 } });
    for (const service of ['teller', 'teller', 'advice']) {
      const k = key();
      await server.commands.execute({ branch: 'demo', command: { type: 'IssueTicket', ticketId: `t-${k}`, service }, key: k, actor: { role: 'kiosk' }, fingerprint: k });
    }
    const tv = await open('/display/demo');
    await tv.waitForTimeout(800);
    expect(await seriousViolations(tv)).toEqual([]);
    await tv.screenshot({ path: join(shots, 'lobby-it-de.png') });
    await tv.context().close();

    await updateBranch({ languages: ['nl', 'en', 'fr'], display: { rotateSeconds: 8 } });
    const nl = await open('/display/demo');
    await nl.waitForTimeout(800);
    await nl.screenshot({ path: join(shots, 'lobby-nl-en.png') });
    await nl.context().close();

    await updateBranch({ languages: ['es', 'en'] });
    const portrait = await open('/display/demo', { width: 1080, height: 1920 });
    await portrait.waitForTimeout(800);
    expect(await seriousViolations(portrait)).toEqual([]);
    await portrait.screenshot({ path: join(shots, 'lobby-portrait-es-en.png') });
    await portrait.context().close();
  }, 60_000);

  it('outside opening hours, with nobody waiting, a calm closed screen says when it opens', async () => {
    // A fresh day: nobody waits. Open only tomorrow, 08:30–13:00.
    await server.stop();
    server = await startTestServer();
    const tomorrow = shiftDay(localDay(Date.now(), 'Europe/Rome'), 1);
    const [y, m, d] = tomorrow.split('-').map(Number) as [number, number, number];
    const weekday = WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]!;
    await updateBranch({ hours: { weekly: { [weekday]: [{ open: '08:30', close: '13:00' }] }, closed: [], exceptions: [] } });
    const tv = await open('/display/demo');
    const closed = tv.locator('[data-testid="closed-screen"]');
    await closed.waitFor();
    expect(await tv.locator('[data-testid="closed-opens"]').innerText()).toContain('Apriamo domani alle 08:30');
    expect(await tv.locator('[data-testid="closed-opens"]').innerText()).toContain('We open tomorrow at 08:30');
    expect(await seriousViolations(tv)).toEqual([]);
    await tv.screenshot({ path: join(shots, 'lobby-closed.png') });
    await tv.context().close();
  }, 60_000);
});
