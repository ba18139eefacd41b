import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { freePort } from '../support/process-server';
import { removeDir, startTestServer, tempDataDir } from '../support/server';

/**
 * A lobby TV runs for months alone: it reloads itself after a deployment (the heartbeat's
 * version changes) and after an unhandled error; and it is accessible (axe-core).
 */
describe('the lobby looks after itself', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let port: number;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    port = await freePort();
    server = await startTestServer({ port, dataDir, appVersion: 'build-1' });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDir(dataDir);
  });

  const newLobby = async (url: string, viewport = { width: 1920, height: 1080 }): Promise<Page> => {
    const page = await (await browser.newContext({ viewport, locale: 'it-IT' })).newPage();
    await page.goto(url);
    await page.locator('[data-testid="counter"]').first().waitFor();
    return page;
  };

  /** Marks the running page; a reload loses the mark. */
  const mark = (page: Page) => page.evaluate(() => ((window as unknown as { bbMark: number }).bbMark = 1));
  const marked = (page: Page) => page.evaluate(() => (window as unknown as { bbMark?: number }).bbMark === 1).catch(() => false);

  it('reloads when the server comes back with a new version, not when the same version comes back', async () => {
    const lobby = await newLobby(`${server.url}/display/demo`);
    // Let a heartbeat carry the version first.
    await lobby.waitForTimeout(2500);
    await mark(lobby);
    await server.stop();
    server = await startTestServer({ port, dataDir, appVersion: 'build-1' });
    await lobby.waitForTimeout(5000);
    expect(await marked(lobby), 'same version: no reload').toBe(true);

    await server.stop();
    server = await startTestServer({ port, dataDir, appVersion: 'build-2' });
    await expect.poll(() => marked(lobby), { timeout: 15_000 }).toBe(false);
    await lobby.locator('[data-testid="counter"]').first().waitFor();
    await lobby.context().close();
  }, 40_000);

  it('reloads a few seconds after an unhandled error', async () => {
    const lobby = await newLobby(`${server.url}/display/demo`);
    await mark(lobby);
    await lobby.evaluate(() => setTimeout(() => Promise.reject(new Error('a bug in a render'))));
    await expect.poll(() => marked(lobby), { timeout: 12_000 }).toBe(false);
    await lobby.locator('[data-testid="counter"]').first().waitFor();
    await lobby.context().close();
  }, 30_000);

  it('has no serious or critical axe-core violations on the TV and on the phone', async () => {
    const tv = await newLobby(`${server.url}/display/demo`);
    expect(await seriousViolations(tv)).toEqual([]);
    await tv.context().close();
    const phone = await newLobby(`${server.url}/display/demo?lang=en`, { width: 390, height: 844 });
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.context().close();
  });
});
