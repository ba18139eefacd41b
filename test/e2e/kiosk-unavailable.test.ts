import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../ui/i18n/parts/kiosk';
import { t } from '../../ui/i18n/localize';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { screenshotDir } from '../support/screenshots';
import { key, loginAs, startTestServer } from '../support/server';

/** Everything here waits for what the page shows, never for a time: generous under a loaded machine. */
const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

/**
 * The kiosk of a branch with nothing to take a ticket for says so, and why, in the branch's
 * languages — not "Tap the service you need" over nothing; and ?lang=en starts it in English,
 * as the lobby and the phone do.
 */
describe('kiosk: nothing open, and ?lang', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof loginAs>>;

  beforeAll(async () => {
    server = await startTestServer();
    staff = await loginAs(server.url, 'manager');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('no counter open: a clear message with the reason, English first under ?lang=en, then the services once a counter opens', { timeout: 90_000 }, async () => {
    const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'it-IT' })).newPage();
    await kiosk.goto(`${server.url}/kiosk/demo?lang=en`);
    const box = kiosk.locator('[data-testid="kiosk-unavailable"]');
    await box.waitFor();
    expect(await box.getAttribute('data-reason')).toBe('no_counter');
    const lines = await box.locator('h2 span').evaluateAll((els) => els.map((e) => ({ lang: e.getAttribute('lang'), text: e.textContent?.trim() })));
    // The asked language first, then the branch's other (the demo shows it and en).
    expect(lines).toEqual([
      { lang: 'en', text: t('en', 'kiosk.noneAvailable') },
      { lang: 'it', text: t('it', 'kiosk.noneAvailable') },
    ]);
    expect(await box.locator('p').innerText()).toContain(t('en', 'kiosk.noCounterOpen'));
    expect(await kiosk.locator('[data-testid="kiosk-lang"][data-lang="en"]').getAttribute('aria-pressed')).toBe('true');
    expect(await kiosk.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await kiosk.locator('h1').count()).toBe(0);
    await kiosk.screenshot({ path: join(screenshotDir(), 'kiosk-no-counter-open.png') });
    expect(await seriousViolations(kiosk)).toEqual([]);

    const res = await staff.post('/api/branches/demo/counters/1/open').set('Idempotency-Key', key()).send({});
    expect(res.status).toBeLessThan(300);
    await until(() => box.count()).toBe(0);
    await until(() => kiosk.locator('h1').innerText()).toBe(t('en', 'kiosk.title'));
    await kiosk.context().close();
  });

  it('closed by a notice, and closed for the day: each said with its reason, no serious axe-core violation', { timeout: 90_000 }, async () => {
    const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'it-IT' })).newPage();
    const box = kiosk.locator('[data-testid="kiosk-unavailable"]');
    // Counter 1 is open (the test before); a notice takes the service away at every counter.
    for (const c of ['2', '3', '4']) expect((await staff.post(`/api/branches/demo/counters/${c}/open`).set('Idempotency-Key', key()).send({})).status).toBeLessThan(300);
    const notice = await staff.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ cause: 'technical_problem', effect: 'service_unavailable', scope: { type: 'services', ids: ['teller', 'advice'] }, text: { it: 'Il sistema è fermo: ci scusiamo.', en: 'The system is down: we apologise.' } });
    expect(notice.status).toBe(201);
    await kiosk.goto(`${server.url}/kiosk/demo`);
    await until(() => box.getAttribute('data-reason')).toBe('notice');
    expect(await seriousViolations(kiosk)).toEqual([]);
    await kiosk.screenshot({ path: join(screenshotDir(), 'kiosk-unavailable-notice.png') });

    // Closed today (a holiday) and outside its hours on any other: the kiosk says when it opens.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    const day = [{ open: '08:00', close: '18:00' }];
    const hours = { weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }, closed: [{ date: today }], exceptions: [] };
    const admin = await loginAs(server.url, 'admin');
    expect((await admin.patch('/api/branches/demo').set('Idempotency-Key', key()).send({ hours })).status, 'hours').toBeLessThan(300);
    await until(() => box.getAttribute('data-reason')).toBe('closed');
    expect(await seriousViolations(kiosk)).toEqual([]);
    await kiosk.screenshot({ path: join(screenshotDir(), 'kiosk-closed.png') });
    await kiosk.context().close();
  });
});
