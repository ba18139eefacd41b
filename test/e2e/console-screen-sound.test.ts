import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { screenshotDir } from '../support/screenshots';
import { openPairedTv, waitForReportedSound } from '../support/paired-tv';
import { DEMO_PASSWORD, key, loginAs, startTestServer } from '../support/server';

type SoundReport = { state: string; played: { clip: string }[] };

/**
 * The console shows, per screen, whether its sound works — as the screen itself reports it over
 * its socket — and sets a screen's own chime and voice: a real paired lobby TV in Chromium
 * (without the kiosk's autoplay flag, so the browser blocks its sound), and the console's
 * screens page in another window.
 */
describe('the console’s screens page: does each screen’s sound work', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let tv: Page;
  let console_: Page;
  let screenId: string;

  const tvSound = () => tv.evaluate(() => (document.querySelector('bb-lobby') as unknown as { soundReport: SoundReport }).soundReport);
  const card = () => console_.locator(`[data-testid="screen"][data-screen="${screenId}"]`);
  const indicator = () => card().locator('[data-testid="screen-sound"]');

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const manager = await loginAs(server.url, 'manager');
    // Nothing is evaluated in the TV before it has reported its sound: see test/support/paired-tv.ts.
    ({ page: tv, screenId } = await openPairedTv(server.url, browser, manager, {
      name: 'Sala d’attesa',
      context: { viewport: { width: 1920, height: 1080 }, locale: 'it-IT' },
    }));
    await waitForReportedSound(manager, screenId, 'blocked');

    console_ = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })).newPage();
    await console_.goto(`${server.url}/admin/`);
    await console_.locator('[data-testid="login-username"]').fill('manager');
    await console_.locator('[data-testid="login-password"]').fill(DEMO_PASSWORD);
    await console_.locator('[data-testid="login-submit"]').click();
    await console_.waitForURL(/#\/console/);
    await console_.goto(`${server.url}/admin/#/console/branch/demo/screens`);
    await card().waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('blocked by the browser: the console says so, and what to do', async () => {
    await tv.locator('[data-testid="sound-blocked"]').waitFor();
    await expect.poll(() => indicator().getAttribute('data-state'), { timeout: 20_000 }).toBe('blocked');
    expect(await indicator().innerText()).toContain('Blocked by the browser');
    expect(await seriousViolations(console_)).toEqual([]);
    await console_.screenshot({ path: join(screenshotDir(), 'console-screen-sound.png') });
  }, 40_000);

  it('a tap on the TV turns it on; after a call has played, the console says it works and when it played', async () => {
    await tv.locator('[data-testid="sound-blocked"]').click();
    await expect.poll(async () => (await tvSound()).state).toBe('on');
    await expect.poll(() => indicator().getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    const staff = await loginAs(server.url, 'manager');
    const post = (path: string, body: object = {}) => staff.post(`/api/branches/demo${path}`).set('Idempotency-Key', key()).send(body);
    expect((await post('/tickets', { service: 'teller' })).status).toBe(201);
    expect((await post('/counters/1/open')).status).toBeLessThan(300);
    expect((await post('/counters/1/call-next')).status).toBe(200);
    await expect.poll(async () => (await tvSound()).played.length, { timeout: 20_000 }).toBeGreaterThan(1);
    await expect.poll(() => indicator().getAttribute('data-state'), { timeout: 20_000 }).toBe('played');
    expect(await indicator().innerText()).toMatch(/Works: last played \d+ s ago/);
  }, 60_000);

  it('chime and voice switched off for this screen from the console: the TV stops its sound, and reports it off', async () => {
    await card().locator('[data-testid="sound-chime"]').selectOption('off');
    await card().locator('[data-testid="sound-voice"]').selectOption('off');
    await card().locator('[data-testid="sound-save"]').click();
    await card().locator('[data-testid="sound-saved"]').waitFor();
    await expect.poll(async () => (await tvSound()).state, { timeout: 10_000 }).toBe('off');
    await expect.poll(() => indicator().getAttribute('data-state'), { timeout: 20_000 }).toBe('off');
    const listed = (await (await loginAs(server.url, 'manager')).get('/api/branches/demo/screens')).body.screens.find((s: { id: string }) => s.id === screenId);
    expect(listed.sound).toEqual({ chime: false, voice: false, volume: null });
    expect(await seriousViolations(console_)).toEqual([]);
  }, 40_000);

  it('back to the branch’s settings, and the branch’s spoken calls off for all its screens: the TV chimes, says nothing', async () => {
    await card().locator('[data-testid="sound-chime"]').selectOption('branch');
    await card().locator('[data-testid="sound-voice"]').selectOption('branch');
    await card().locator('[data-testid="sound-save"]').click();
    await card().locator('[data-testid="sound-saved"]').waitFor();
    await expect.poll(async () => (await tvSound()).state, { timeout: 10_000 }).toBe('on');

    await console_.locator('[data-testid="branch-voice"]').uncheck();
    await console_.locator('[data-testid="branch-sound-save"]').click();
    await console_.locator('[data-testid="branch-sound-saved"]').waitFor();
    const manager = await loginAs(server.url, 'manager');
    const display = (await manager.get('/api/branches')).body.branches.find((b: { id: string }) => b.id === 'demo').display;
    expect(display).toMatchObject({ chime: true, voice: false });

    const before = (await tvSound()).played.length;
    const post = (path: string, body: object = {}) => manager.post(`/api/branches/demo${path}`).set('Idempotency-Key', key()).send(body);
    expect((await post('/tickets', { service: 'teller' })).status).toBe(201);
    expect((await post('/counters/2/open')).status).toBeLessThan(300);
    expect((await post('/counters/2/call-next')).status).toBe(200);
    await expect.poll(async () => (await tvSound()).played.slice(before).map((p) => p.clip), { timeout: 20_000 }).toContain('chime');
    await tv.waitForTimeout(2500);
    expect((await tvSound()).played.slice(before).map((p) => p.clip)).toEqual(['chime']);
    expect(await seriousViolations(console_)).toEqual([]);
  }, 60_000);
});
