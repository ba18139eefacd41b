import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { screenshotDir } from '../support/screenshots';
import { branchState, type TestServer } from '../support/server';
import { serverAndChromiumPerSuite } from '../support/suite-server';
import { openConsole } from '../support/staff-pages';

const shots = screenshotDir();

/**
 * Opening hours once stored could not be taken back to "none" (open all day) from the console:
 * the API took `hours: null`, the form had no way to send it.
 */
describe('manager console: opening hours can be removed again', () => {
  let server: TestServer;
  let page: Page;
  serverAndChromiumPerSuite(async (s, b) => {
    server = s;
    page = await openConsole(b, s.url, { viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  });

  it('a starting point not saved is put away without writing anything', { timeout: 60_000 }, async () => {
    const before = (await branchState(server.url)).seq;
    await page.goto(`${server.url}/admin/#/console/branch/demo/settings`);
    await page.locator('bb-hours-editor [data-testid="add-hours"]').click();
    await page.locator('bb-hours-editor [data-testid="remove-hours"]').click();
    await page.locator('bb-hours-editor [data-testid="no-hours"]').waitFor();
    expect((await branchState(server.url)).seq).toBe(before);
  });

  it('saved hours are removed: the branch has none stored and the page says it counts as open all day', { timeout: 90_000 }, async () => {
    await page.locator('bb-hours-editor [data-testid="add-hours"]').click();
    await page.locator('bb-hours-editor [data-testid="save-hours"]').click();
    await expect.poll(async () => (await branchState(server.url)).config?.hours?.weekly.mon?.length ?? 0, { timeout: 10_000 }).toBe(2);

    // A fresh page load shows the stored hours with the way back.
    await page.reload();
    const remove = page.locator('bb-hours-editor [data-testid="remove-hours"]');
    await remove.waitFor();
    expect(await remove.textContent()).toContain('open all day');
    expect(await seriousViolations(page)).toEqual([]);
    await remove.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'console-settings-hours-stored.png') });
    await remove.click();
    await expect.poll(async () => (await branchState(server.url)).config?.hours, { timeout: 10_000 }).toBeUndefined();
    await page.locator('bb-hours-editor [data-testid="no-hours"]').waitFor();
    await page.screenshot({ path: join(shots, 'console-settings-hours-removed.png') });

    // And it stays removed after a reload: nothing made up comes back.
    await page.reload();
    await page.locator('bb-hours-editor [data-testid="no-hours"]').waitFor();
    expect(await page.locator('bb-hours-editor tr[data-day]').count()).toBe(0);
  });
});
