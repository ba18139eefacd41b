import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { freePort, ServerProcess } from '../support/process-server';
import { screenshotDir } from '../support/screenshots';
import { DEMO_PASSWORD, key, removeDir, tempDataDir } from '../support/server';

const shots = screenshotDir();

/** WCAG contrast ratio of two opaque `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, b] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => Number(x) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** What a customer reads off the lobby: calls, waiting counts, counters, notices and their words. */
async function lobbyFacts(page: Page) {
  const attrs = (sel: string, names: string[]) =>
    page.locator(sel).evaluateAll((els, ns) => els.map((e) => ns.map((n) => e.getAttribute(n)).join('|')).sort(), names);
  return {
    calls: await attrs('[data-testid="call"]', ['data-ticket', 'data-counter']),
    counters: await attrs('[data-testid="counter"]', ['data-counter', 'data-status']),
    notices: await attrs('[data-testid="notice"]', ['data-cause', 'data-status', 'data-notice-id']),
    // The same words; a card drawn more compact to fit its column puts the languages on one line.
    noticeTexts: (await page.locator('[data-testid="notice"]').allInnerTexts()).map((t) => t.replace(/\s*(·|\n)\s*/g, ' ').trim()),
    waiting: await page.locator('[data-testid="waiting-count"]').allInnerTexts(),
  };
}

/**
 * Time travel in real Chromium: a manager opens the lobby of a past moment and sees what the live
 * lobby showed then, drawn by the lobby's own components from the log; and opens the delay report.
 */
describe('replay and reports', () => {
  let server: ServerProcess;
  let browser: Browser;
  let manager: BrowserContext;
  const dataDir = tempDataDir();
  const api = async (path: string, body: object, cookie = '') => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': key(), ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  let tellerCookie = '';

  beforeAll(async () => {
    server = new ServerProcess(await freePort(), dataDir);
    await server.start();
    browser = await launchChromium();
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'teller2', password: DEMO_PASSWORD }),
    });
    tellerCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    manager = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' });
    const ok = await manager.request.post(`${server.url}/api/session`, { data: { username: 'manager', password: DEMO_PASSWORD } });
    expect(ok.status()).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    removeDir(dataDir);
  });

  let moment = 0;
  let live: Awaited<ReturnType<typeof lobbyFacts>>;

  it('the replayed lobby shows exactly what the live lobby showed at that moment', async () => {
    const lobby = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' })).newPage();
    await lobby.goto(`${server.url}/display/demo`);
    await lobby.locator('[data-testid="counter"]').first().waitFor();

    const notice = await api('/api/branches/demo/notices', { presetId: 'computer-fault', counterId: '2', expectedInMinutes: 10 }, tellerCookie);
    expect(notice.status).toBe(201);
    for (const service of ['teller', 'teller', 'advice', 'teller']) expect((await api('/api/branches/demo/tickets', { service })).status).toBe(201);
    expect((await api('/api/branches/demo/counters/1/call-next', {}, tellerCookie)).status).toBe(200);
    await lobby.locator('[data-testid="call"][data-ticket="A001"][data-counter="1"]').waitFor({ timeout: 3000 });
    await lobby.locator('[data-testid="notice"][data-status="active"]').waitFor();
    await lobby.waitForTimeout(800); // the estimates follow a change by 250 ms

    // The moment: what the live lobby shows now, in facts and in pixels.
    moment = Date.now();
    live = await lobbyFacts(lobby);
    await lobby.screenshot({ path: join(shots, 'replay-live-at-the-moment.png') });

    // The day goes on: the fault is fixed, more calls.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await api(`/api/branches/demo/notices/${notice.body.notice.id}/resolve`, { apologise: true }, tellerCookie)).status).toBe(200);
    expect((await api('/api/branches/demo/counters/3/call-next', {}, tellerCookie)).status).toBe(200);
    await lobby.locator('[data-testid="notice"][data-status="resolved"]').waitFor({ timeout: 3000 });
    expect(await lobbyFacts(lobby)).not.toEqual(live);

    const page = await manager.newPage();
    await page.goto(`${server.url}/display/demo?at=${moment}`);
    await page.locator('bb-replay[data-replay-ready]').waitFor({ timeout: 10_000 });
    expect(await lobbyFacts(page)).toEqual(live);
    const title = await page.locator('[data-testid="replay-title"]').innerText();
    expect(title).toMatch(/^Riproduzione — \S+ \d{1,2} \S+, \d{2}:\d{2}:\d{2}$/);
    // The address now names the moment in the branch's local time, to bookmark or send.
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('at')!)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    await page.screenshot({ path: join(shots, 'replay-banner.png') });
    // The banner's controls readable on its yellow (the lobby's dark colour scheme made the speed
    // select and the moment field dark grey under navy text), and the page axe-clean.
    expect(await seriousViolations(page)).toEqual([]);
    for (const testid of ['replay-speed', 'replay-pick']) {
      const [fg, bg] = await page.locator(`[data-testid="${testid}"]`).evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]);
      expect(contrast(fg, bg), `${testid}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }

    // Step to the next event: the resolution.
    await page.locator('[data-testid="replay-next"]').click();
    await page.locator('[data-testid="notice"][data-status="resolved"]').waitFor({ timeout: 5000 });
    await page.locator('[data-testid="replay-prev"]').click();
    await page.locator('[data-testid="notice"][data-status="active"]').waitFor({ timeout: 5000 });

  }, 60_000);

  it('the moment exports as a PNG, rendered by the server\'s Chromium with the manager\'s session', async () => {
    const png = await manager.request.get(`${server.url}/api/branches/demo/replay.png?at=${moment}`, { timeout: 30_000 });
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    const bytes = await png.body();
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    writeFileSync(join(shots, 'replay-export.png'), bytes);
  }, 60_000);

  it('nobody without a staff session can replay: the public page says so and shows no board', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'it-IT' })).newPage();
    await page.goto(`${server.url}/display/demo?at=${moment}`);
    await page.locator('[data-testid="replay-staff-only"]').waitFor({ timeout: 5000 });
    expect(await page.locator('[data-testid="notice"]').count()).toBe(0);
    expect(await page.locator('[data-testid="counter"]').count()).toBe(0);
  });

  it('the manager opens the delay history and the report with its chart', async () => {
    const page = await manager.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`${server.url}/admin/#/console/branch/demo/delays`);
    const row = page.locator('[data-testid="delay-row"][data-cause="technical_problem"]');
    await row.waitFor({ timeout: 10_000 });
    // A001 and A002 waited under it and have been called; A003 still waits (counted when it is called).
    expect(await row.locator('[data-testid="delay-touched"]').innerText()).toBe('2');
    await page.screenshot({ path: join(shots, 'console-delay-history.png'), fullPage: true });

    // A ticket called out of turn (an appointment): the report says why in the console's language.
    const late = await api('/api/branches/demo/tickets', { service: 'teller' });
    expect((await api('/api/branches/demo/counters/4/open', {}, tellerCookie)).status).toBe(200);
    expect((await api('/api/branches/demo/counters/4/call', { ticketId: late.body.ticket.id, reason: 'appointment' }, tellerCookie)).status).toBe(200);

    await page.goto(`${server.url}/admin/#/console/branch/demo/reports`);
    await expect.poll(() => page.locator('[data-testid="figures-row"][data-service="teller"]').first().innerText(), { timeout: 10_000 }).toContain('Appuntamento 1');
    expect(await page.locator('[data-testid="figures-row"]').allInnerTexts()).not.toContainEqual(expect.stringContaining('appointment'));
    const chart = page.locator('[data-testid="cause-chart"]');
    await chart.waitFor({ timeout: 10_000 });
    // Chart.js has drawn on the canvas: some of its pixels are not blank.
    await expect
      .poll(() => chart.evaluate((c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0)))
      .toBe(true);
    await page.locator('[data-testid="cause-row"][data-cause="technical_problem"]').waitFor();
    await page.screenshot({ path: join(shots, 'console-reports.png'), fullPage: true });

    await page.goto(`${server.url}/admin/#/console/branch/demo/audit`);
    await page.locator('[data-testid="audit-row"]').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(shots, 'console-audit.png'), fullPage: true });
  }, 60_000);
});
