import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './server';

/** The staff app's login form at /admin/, filled in and sent (the demo's password unless told). */
export async function signIn(page: Page, url: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${url}/admin/`);
  await page.locator('[data-testid="login-username"]').fill(username);
  await page.locator('[data-testid="login-password"]').fill(password);
  await page.locator('[data-testid="login-submit"]').click();
}

/** A page in a context of its own, signed in to the manager console (the admin unless told), once it shows. */
export async function openConsole(browser: Browser, url: string, context: BrowserContextOptions, username = 'admin'): Promise<Page> {
  const page = await (await browser.newContext(context)).newPage();
  await signIn(page, url, username);
  await page.waitForURL(/#\/console/);
  return page;
}

/** A teller's tablet in a context of its own (touch), signed in and at `counter`, once it can call. */
export async function openTablet(browser: Browser, url: string, context: BrowserContextOptions, username: string, counter: string): Promise<Page> {
  const page = await (await browser.newContext({ hasTouch: true, ...context })).newPage();
  await signIn(page, url, username);
  await page.locator(`[data-testid="pick-counter"][data-counter="${counter}"]`).click();
  await page.locator('[data-testid="call-next"]').waitFor();
  return page;
}
