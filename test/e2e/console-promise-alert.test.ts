import { join } from 'node:path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { screenshotDir } from '../support/screenshots';
import { branchState, DEMO_PASSWORD, key, loginAs, startTestServer } from '../support/server';

/**
 * The demo out of the box: Cassa promises 15 minutes. When its waits pass the promise and no
 * notice explains it, the manager's console says so on the branch's day, with the likely cause
 * and the preset to post; one tap posts it and the alert goes.
 */
describe('manager console: the promise alert', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let offset = 0;
  const shots = screenshotDir();

  beforeAll(async () => {
    server = await startTestServer({ ticketsPerMinute: 10_000 }, { commandClock: () => Date.now() + offset });
    expect((await branchState(server.url)).config!.services.find((s) => s.id === 'teller')!.promiseMinutes).toBe(15);
    const teller = await loginAs(server.url, 'teller1');
    const act = (counter: string, action: string, body: object = {}) => teller.post(`/api/branches/demo/counters/${counter}/${action}`).set('Idempotency-Key', key()).send(body);
    // Twenty-five minutes ago: three customers for Cassa; counter 1 served the first, then paused for 10 minutes.
    offset = -25 * 60_000;
    for (let i = 0; i < 3; i++) expect((await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' })).status).toBe(201);
    expect((await act('1', 'call-next')).status).toBe(200);
    expect((await act('1', 'pause', { backInMinutes: 10 })).status).toBe(200);
    offset = 0;

    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT' })).newPage();
    await page.goto(`${server.url}/admin/`);
    await page.locator('[data-testid="login-username"]').fill('manager');
    await page.locator('[data-testid="login-password"]').fill(DEMO_PASSWORD);
    await page.locator('[data-testid="login-submit"]').click();
    await page.waitForURL(/#\/console\/branch\/demo\/today/);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the day page shows the alert with its likely cause and suggested preset; one tap posts it', async () => {
    const alert = page.locator('bb-today-page [data-testid="promise-alert"][data-service="teller"]');
    await alert.waitFor();
    expect(await alert.getAttribute('data-cause')).toBe('counter_late');
    expect(await alert.innerText()).toMatch(/Cassa.*15/);
    expect(await alert.locator('[data-testid="likely-cause"]').innerText()).toMatch(/Sportello 1/);
    // Counter 1's "back at" has passed: the day says it is late, not "paused until" a time gone by.
    expect(await page.locator('[data-testid="today-counter"][data-counter="1"] [data-testid="counter-late"]').innerText()).toMatch(/In ritardo: doveva riaprire alle \d\d:\d\d/);
    await page.screenshot({ path: join(shots, 'console-page-today-alert.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await alert.locator('[data-testid="post-suggested"]').click();
    await expect.poll(() => page.locator('bb-today-page [data-testid="promise-alert"]').count()).toBe(0);
    const posted = (await branchState(server.url)).notices.find((n) => n.presetId === 'colleague-late');
    expect(posted).toMatchObject({ status: 'active', scope: { type: 'counters', ids: ['1'] } });
    // Posted by the manager, in the branch's log.
    const events = await server.store.readSince('demo', 0, 10_000);
    expect(events.find((e) => e.type === 'NoticePosted')!.actor).toEqual({ role: 'manager', user: 'manager' });
  });
});
