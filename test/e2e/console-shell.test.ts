import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { freePort, ServerProcess } from '../support/process-server';
import { screenshotDir } from '../support/screenshots';
import { DEMO_PASSWORD, removeDir, tempDataDir } from '../support/server';

const shots = screenshotDir();

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/admin/`);
  await page.locator('[data-testid="login-username"]').fill(username);
  await page.locator('[data-testid="login-password"]').fill(DEMO_PASSWORD);
  await page.locator('[data-testid="login-submit"]').click();
}

/** The console's shell in real Chromium: who lands where after signing in, and the way to a counter. */
describe('manager console shell', () => {
  let server: ServerProcess;
  let browser: Browser;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    server = new ServerProcess(await freePort(), dataDir);
    await server.start();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    removeDir(dataDir);
  });

  it('a manager lands on the console, sees the branch live, and opens the teller view of a counter', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT' })).newPage();
    await signIn(page, server.url, 'manager');
    await page.waitForURL(/#\/console/);
    const counters = page.locator('[data-testid="today-counter"]');
    await expect.poll(() => counters.count()).toBe(4);
    await expect.poll(() => page.locator('[data-testid="stream-status"]').innerText()).toMatch(/In diretta|Live/);
    // Nav links are real links with the page marked as current.
    expect(await page.locator('[data-testid="nav-today"]').getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: join(shots, 'console-today.png') });

    await page.locator('[data-testid="today-counter"][data-counter="2"] [data-testid="open-counter-view"]').click();
    await page.waitForURL(/#\/counter\/demo\/2/);
    // The tablet's app, at that counter, already signed in.
    await page.locator('[data-testid="call-next"]').waitFor();
    expect(await page.locator('[data-testid="change-counter"]').innerText()).toMatch(/2/);
    await page.context().close();
  });

  it("the console's own sign-in: a wrong password is said and cleared, the right one opens the console; a session ended elsewhere comes back to it", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT' })).newPage();
    await page.goto(`${server.url}/admin/#/console`);
    await page.locator('[data-testid="login-username"]').fill('manager');
    await page.locator('[data-testid="login-password"]').fill('not-the-password');
    await page.locator('[data-testid="login-submit"]').click();
    await expect.poll(() => page.locator('bb-console-app [data-testid="login-error"]').innerText()).toContain('Nome utente o password errati.');
    expect(await page.locator('[data-testid="login-password"]').inputValue()).toBe('');
    await page.locator('[data-testid="login-password"]').fill(DEMO_PASSWORD);
    await page.locator('[data-testid="login-submit"]').click();
    await page.locator('[data-testid="today-counter"]').first().waitFor();

    // Signed out from another window: the next request finds the session gone, the console says so.
    await page.evaluate(() => fetch('/api/session', { method: 'DELETE' }));
    await page.locator('[data-testid="nav-staff"]').click();
    await expect.poll(() => page.locator('bb-console-app [data-testid="login-error"]').innerText(), { timeout: 10_000 }).toContain('La sessione è scaduta');
    await page.context().close();
  });

  it('a teller still lands on the counter picker', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT' })).newPage();
    await signIn(page, server.url, 'teller1');
    await page.locator('[data-testid="pick-counter"]').first().waitFor();
    expect(page.url()).not.toMatch(/console/);
    await page.context().close();
  });

  it('the sign-in pages of the tablet and the console load without an error in the browser console (no 401, no missing favicon)', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT' })).newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    for (const path of ['/admin/', '/admin/#/console']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('[data-testid="login-username"]').waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
