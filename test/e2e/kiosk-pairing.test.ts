import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { screenshotDir } from '../support/screenshots';
import { branchState, DEMO_PASSWORD, key, loginAs, startTestServer } from '../support/server';

/**
 * A ticket kiosk paired like a lobby TV: /kiosk/ on first start shows a code; the manager types
 * it with a name in the console's screens page; the kiosk becomes the branch's dispenser, and
 * the tickets it takes are the named kiosk's in the log (and counted per kiosk).
 */
describe('kiosk pairing', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let kiosk: Page;
  let console_: Page;
  const shots = screenshotDir();

  beforeAll(async () => {
    server = await startTestServer();
    const teller = await loginAs(server.url, 'teller1');
    expect((await teller.post('/api/branches/demo/counters/1/open').set('Idempotency-Key', key()).send({})).status).toBe(200);
    browser = await launchChromium();
    kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'it-IT' })).newPage();
    console_ = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT' })).newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('on first start the kiosk shows a pairing code, in its language and in English', async () => {
    await kiosk.goto(`${server.url}/kiosk/`);
    const code = kiosk.locator('[data-testid="pairing-code"]');
    await expect.poll(async () => (await code.innerText()).trim(), { timeout: 30_000 }).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);
    expect(await kiosk.locator('h1').allInnerTexts()).toEqual(['Abbina questo chiosco', 'Pair this kiosk']);
    // The code on one line across the portrait screen, the dark ground to the bottom.
    const box = await code.evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      return { lines: new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size, right: el.getBoundingClientRect().right, host: el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).host.getBoundingClientRect().height : 0 };
    });
    expect(box.lines).toBe(1);
    expect(box.right).toBeLessThanOrEqual(1080);
    expect(box.host).toBeGreaterThanOrEqual(1920);
    await kiosk.screenshot({ path: join(shots, 'kiosk-pairing-code.png') });
    expect(await seriousViolations(kiosk)).toEqual([]);
  });

  it('the manager pairs and names it in the screens page; it becomes the branch kiosk and its tickets are its own', async () => {
    const code = (await kiosk.locator('[data-testid="pairing-code"]').innerText()).trim();
    await console_.goto(`${server.url}/admin/`);
    await console_.locator('[data-testid="login-username"]').fill('manager');
    await console_.locator('[data-testid="login-password"]').fill(DEMO_PASSWORD);
    await console_.locator('[data-testid="login-submit"]').click();
    await console_.locator('[data-testid="nav-screens"]').click();
    await console_.locator('[data-testid="pair-code"]').fill(code);
    await console_.locator('[data-testid="pair-name"]').fill('Chiosco ingresso');
    await console_.locator('[data-testid="pair-submit"]').click();
    const card = console_.locator('[data-testid="screen"]', { hasText: 'Chiosco ingresso' });
    await card.waitFor();
    expect(await card.innerText()).toContain('Totem biglietti');

    // The kiosk claims its token by itself and opens the branch's dispenser.
    await kiosk.waitForURL(/\/kiosk\/demo$/, { timeout: 30_000 });
    await kiosk.locator('[data-testid="kiosk-service"][data-service="teller"][data-available="true"]').click();
    await kiosk.locator('[data-testid="kiosk-ticket-number"]').waitFor();
    const number = (await kiosk.locator('[data-testid="kiosk-ticket-number"]').innerText()).trim();

    const screens = (await (await loginAs(server.url, 'manager')).get('/api/branches/demo/screens')).body.screens as { id: string; name: string; kind: string }[];
    const paired = screens.find((s) => s.name === 'Chiosco ingresso')!;
    expect(paired.kind).toBe('kiosk');
    const events = await server.store.readSince('demo', 0, 10_000);
    const issued = events.find((e) => e.type === 'TicketIssued' && e.ticket.number === number)!;
    expect(issued.actor).toEqual({ role: 'kiosk', user: paired.id });
    expect((await branchState(server.url)).queues.teller).toHaveLength(1);

    // Restarted (same storage), it opens the dispenser straight away, paired.
    await kiosk.goto(`${server.url}/kiosk/`);
    await kiosk.waitForURL(/\/kiosk\/demo$/);
    await kiosk.locator('[data-testid="kiosk-service"]').first().waitFor();
  });
});
