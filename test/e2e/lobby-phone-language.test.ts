import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../ui/i18n/localize';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { screenshotDir } from '../support/screenshots';
import { key, loginAs, startTestServer } from '../support/server';

const PUBLIC_URL = 'https://queue.example-bank.it';

/**
 * The phone view (/display/<branch> at phone width) follows the browser's language and has an
 * on-screen switch: a labelled select naming each language in itself. The choice shows at once,
 * stays in the address (?lang=) and for the next visit, and the screen-reader announcements of
 * calls and new notices speak it. The TV's QR code keeps the branch's address and the language it was asked for.
 */
describe('the phone view speaks the reader’s language', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof loginAs>>;
  const post = async (path: string, body: object = {}) => {
    const res = await staff.post(`/api/branches/demo${path}`).set('Idempotency-Key', key()).send(body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  };

  beforeAll(async () => {
    server = await startTestServer({ publicUrl: PUBLIC_URL });
    staff = await loginAs(server.url, 'manager');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const title = (page: Page) => page.locator('bb-now-serving h2').evaluate((h) => h.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  /** What the call announcement (aria-live) says now, and in which language. */
  const spoken = (page: Page) =>
    page.locator('bb-now-serving [aria-live]').evaluate((el) => ({ text: el.textContent?.trim() ?? '', lang: el.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang }));

  /** What the notice announcement (aria-live) says now, and in which language. */
  const noticeSpoken = (page: Page) =>
    page.locator('[data-testid="notice-announce"]').evaluate((el) => ({ text: el.textContent?.trim() ?? '', lang: el.getAttribute('lang') ?? '' }));

  it('follows the browser, and the switch changes the language at once, in the address and for the next visit', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', hasTouch: true, isMobile: true });
    const phone = await context.newPage();
    await phone.goto(`${server.url}/display/demo`);
    await phone.locator('[data-testid="counter"]').first().waitFor();
    expect(await title(phone)).toBe(t('de', 'lobby.nowServing'));
    const select = phone.locator('[data-testid="language-switch"]');
    expect(await select.inputValue()).toBe('de');
    // Each language named in itself, the branch's own first.
    expect(await select.locator('option').allInnerTexts()).toEqual(['Italiano', 'English', 'Français', 'Español', 'Deutsch', 'Nederlands']);
    // Labelled, so a screen reader says what it is.
    expect(await phone.getByLabel('Sprache').count()).toBe(1);
    expect(await seriousViolations(phone)).toEqual([]);

    await select.selectOption('en');
    await expect.poll(() => title(phone)).toBe(t('en', 'lobby.nowServing'));
    expect(await phone.locator('html').getAttribute('lang')).toBe('en');
    expect(new URL(phone.url()).searchParams.get('lang')).toBe('en');
    expect(await phone.getByLabel('Language').count()).toBe(1);

    // A call is announced to screen readers in the chosen language.
    await post('/tickets', { service: 'teller' });
    await post('/counters/1/open');
    await post('/counters/1/call-next');
    await expect.poll(async () => (await spoken(phone)).text, { timeout: 20_000 }).toContain('Counter 1');
    expect((await spoken(phone)).lang).toBe('en');

    // Switched again: the next call is said in Italian.
    await select.selectOption('it');
    await expect.poll(() => title(phone)).toBe(t('it', 'lobby.nowServing'));
    await post('/tickets', { service: 'teller' });
    await post('/counters/2/open');
    await post('/counters/2/call-next');
    await expect.poll(async () => (await spoken(phone)).text, { timeout: 20_000 }).toContain('Sportello 2');
    expect((await spoken(phone)).lang).toBe('it');
    // A new notice is announced too, in the same language: its cause and its text.
    await post('/notices', { presetId: 'computer-fault', counterId: '2' });
    await expect.poll(async () => (await noticeSpoken(phone)).text, { timeout: 20_000 }).toContain(t('it', 'common.cause.technical_problem'));
    expect((await noticeSpoken(phone)).text).toContain('Guasto al computer');
    expect((await noticeSpoken(phone)).lang).toBe('it');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.screenshot({ path: join(screenshotDir(), 'phone-language-switch.png') });

    // The next visit, from the QR code (no ?lang=), opens in the language chosen.
    await phone.goto(`${server.url}/display/demo`);
    await phone.locator('[data-testid="counter"]').first().waitFor();
    expect(await title(phone)).toBe(t('it', 'lobby.nowServing'));
    await context.close();
  }, 60_000);

  it('the TV’s QR code holds the branch’s public address, and the language the TV was asked for', async () => {
    const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' })).newPage();
    const qrOf = async () => {
      const src = (await tv.locator('[data-testid="phone-qr"]').getAttribute('src')) ?? '';
      return new URL(new URL(src, server.url).searchParams.get('url')!);
    };
    await tv.goto(`${server.url}/display/demo`);
    await tv.locator('[data-testid="phone-qr"]').waitFor();
    let url = await qrOf();
    expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC_URL}/display/demo`);
    expect(url.searchParams.get('lang')).toBeNull();

    await tv.goto(`${server.url}/display/demo?lang=fr`);
    await tv.locator('[data-testid="phone-qr"]').waitFor();
    url = await qrOf();
    expect(`${url.origin}${url.pathname}`).toBe(`${PUBLIC_URL}/display/demo`);
    expect(url.searchParams.get('lang')).toBe('fr');
    await tv.context().close();
  }, 60_000);
});
