import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockTime } from '../../core';
import { launchChromium } from '../support/browser';
import { freePort, PUBLIC_URL, ServerProcess } from '../support/process-server';
import { screenshotDir } from '../support/screenshots';
import { DEMO_PASSWORD, key, removeDir, tempDataDir } from '../support/server';

const shots = screenshotDir();

/**
 * The whole product in real Chromium: a teller on the tablet, the lobby on a 1920×1080 TV, the
 * server as its own process that gets killed and restarted.
 */
describe('teller tablet → lobby screen', () => {
  let server: ServerProcess;
  let browser: Browser;
  let lobby: Page;
  let tablet: Page;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    server = new ServerProcess(await freePort(), dataDir);
    await server.start();
    browser = await launchChromium();
    lobby = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' })).newPage();
    tablet = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT', hasTouch: true })).newPage();
    await lobby.goto(`${server.url}/display/demo`);
    await lobby.locator('[data-testid="counter"]').first().waitFor();
    // The QR code for phones points at the public address, not at the TV's own.
    expect(await lobby.locator('[data-testid="phone-qr"]').getAttribute('alt')).toBe(`${PUBLIC_URL}/display/demo`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    removeDir(dataDir);
  });

  it('a teller logs in, calls A001 and reports a computer fault at counter 2; the lobby shows cause, counter and expected time at once', async () => {
    await tablet.goto(`${server.url}/admin/`);
    await tablet.locator('[data-testid="login-username"]').fill('teller2');
    await tablet.locator('[data-testid="login-password"]').fill(DEMO_PASSWORD);
    await tablet.locator('[data-testid="login-submit"]').click();
    await tablet.locator('[data-testid="pick-counter"][data-counter="2"]').click();
    await tablet.locator('[data-testid="call-next"]').waitFor();

    // A001 is called first: the fault comes while serving (a call under a "counter closed" notice would end it).
    const res = await fetch(`${server.url}/api/branches/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': key() },
      body: JSON.stringify({ service: 'teller' }),
    });
    expect(res.status).toBe(201);
    const { ticket } = (await res.json()) as { ticket: { number: string } };
    expect(ticket.number).toBe('A001');
    await expect.poll(() => lobby.locator('[data-testid="waiting-count"][data-service="teller"]').innerText()).toContain('1');

    await tablet.locator('[data-testid="call-next"]').click();
    await lobby.locator('[data-testid="call"][data-ticket="A001"][data-counter="2"]').waitFor({ timeout: 2000 });
    await expect.poll(() => tablet.locator('[data-testid="current-ticket"]').innerText()).toContain('A001');
    await expect.poll(() => lobby.locator('[data-testid="waiting-count"][data-service="teller"]').innerText()).toContain('0');

    await tablet.locator('[data-testid="report-problem"]').click();
    await tablet.locator('[data-testid="preset"][data-preset="computer-fault"]').waitFor();
    await tablet.screenshot({ path: join(shots, 'tablet-presets.png') });
    await tablet.locator('[data-testid="preset"][data-preset="computer-fault"]').click();
    const postedAt = Date.now();
    await tablet.locator('[data-testid="expected"][data-minutes="10"]').click();

    const notice = lobby.locator('[data-testid="notice"][data-cause="technical_problem"]');
    // Well under a second on an idle machine (the fan-out's own figures are in npm run bench); a
    // test bounds it loosely, so a loaded machine's slowness is not taken for a fault.
    await notice.waitFor({ timeout: 5000 });
    expect(Date.now() - postedAt).toBeLessThan(5000);
    expect(await notice.getAttribute('data-status')).toBe('active');
    await expect.poll(() => notice.locator('[data-testid="notice-scope"]').innerText()).toMatch(/Sportello 2|Counter 2/);
    // Expected end as a clock time in the branch's zone: ten minutes from when it was posted.
    const expected = await notice.locator('[data-testid="notice-expected"]').innerText();
    const candidates = [0, 1, -1].map((d) => clockTime(postedAt + 10 * 60_000 + d * 60_000, 'Europe/Rome'));
    expect(candidates.some((c) => expected.includes(c)), `"${expected}" shows none of ${candidates}`).toBe(true);
    await expect.poll(() => tablet.locator('[data-testid="toast"][data-kind="ok"]').count()).toBeGreaterThan(0);
  });

  it('while the notice is up, more customers wait; the lobby shows A001 still at counter 2', async () => {
    await lobby.locator('[data-testid="call"][data-ticket="A001"][data-counter="2"]').waitFor({ timeout: 2000 });
    // Another ticket waits, so the lobby has a queue to show in the screenshot.
    for (const service of ['teller', 'teller', 'advice']) {
      await fetch(`${server.url}/api/branches/demo/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': key() },
        body: JSON.stringify({ service }),
      });
    }
    await expect.poll(() => lobby.locator('[data-testid="waiting-count"][data-service="teller"]').innerText()).toContain('2');
    await lobby.waitForTimeout(600);
    await lobby.screenshot({ path: join(shots, 'lobby-notice-active.png') });
    await tablet.screenshot({ path: join(shots, 'tablet-counter.png') });
  });

  it('the teller resolves the notice; the lobby shows it resolved', async () => {
    const item = tablet.locator('[data-testid="active-notice"]').first();
    await item.locator('[data-testid="resolve-notice"]').click();
    // Resolving may ask for a confirmation with an optional text.
    const confirm = tablet.locator('[data-testid="confirm-resolve"]');
    if (await confirm.count()) await confirm.click();
    const resolved = lobby.locator('[data-testid="notice"][data-status="resolved"]');
    await resolved.waitFor({ timeout: 2000 });
    expect(await resolved.getAttribute('data-cause')).toBe('technical_problem');
    await lobby.waitForTimeout(600);
    await lobby.screenshot({ path: join(shots, 'lobby-notice-resolved.png') });
  });

  it('the server is killed: the lobby says it is reconnecting, then shows the exact state again', async () => {
    const before = await lobbyFacts(lobby);
    await server.kill();
    const banner = lobby.locator('[data-testid="connection-banner"]');
    await banner.waitFor({ timeout: 5000 });
    expect(await banner.innerText()).toMatch(/\d{2}:\d{2}/);
    // Let the board finish greying out, as a customer would see it.
    await lobby.waitForTimeout(800);
    await lobby.screenshot({ path: join(shots, 'lobby-reconnecting.png') });

    await server.start();
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await lobbyFacts(lobby)).toEqual(before);

    // And it is live again: a new ticket shows up.
    await fetch(`${server.url}/api/branches/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': key() },
      body: JSON.stringify({ service: 'advice' }),
    });
    await expect.poll(() => lobby.locator('[data-testid="waiting-count"][data-service="advice"]').innerText()).toContain('2');

    // The teller's session outlived the restart too (sessions are in the database): the tablet works on.
    await tablet.locator('[data-testid="call-next"]').click();
    await lobby.locator('[data-testid="call"][data-ticket="A002"][data-counter="2"]').waitFor({ timeout: 5000 });
  });
});

/** What a customer reads off the lobby: calls, waiting counts, counters, notices. */
async function lobbyFacts(page: Page) {
  const attrs = (sel: string, names: string[]) =>
    page.locator(sel).evaluateAll((els, ns) => els.map((e) => ns.map((n) => e.getAttribute(n)).join('|')).sort(), names);
  return {
    calls: await attrs('[data-testid="call"]', ['data-ticket', 'data-counter']),
    counters: await attrs('[data-testid="counter"]', ['data-counter', 'data-status']),
    notices: await attrs('[data-testid="notice"]', ['data-cause', 'data-status', 'data-notice-id']),
    waiting: await page.locator('[data-testid="waiting-count"]').allInnerTexts(),
  };
}
