import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ct } from '../../admin/console/i18n/console-strings';
import { t } from '../../ui/i18n/localize';
import { launchChromium } from '../support/browser';
import { freePort, ServerProcess } from '../support/process-server';
import { screenshotDir } from '../support/screenshots';
import { DEMO_PASSWORD, removeDir, tempDataDir } from '../support/server';

const shots = screenshotDir();
const BRANCH = 'filiale-centro';

/** Signs in on /admin/ in a fresh window of its own (its own cookie), as a person at their own computer would. */
async function signIn(browser: Browser, url: string, username: string, password: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const ctx: BrowserContext = await browser.newContext({ viewport, locale: 'it-IT' });
  const page = await ctx.newPage();
  await page.goto(`${url}/admin/`);
  await page.locator('[data-testid="login-username"]').fill(username);
  await page.locator('[data-testid="login-password"]').fill(password);
  await page.locator('[data-testid="login-submit"]').click();
  return page;
}

/**
 * Issue 6's story through the console's UI, in real Chromium against a real server process:
 * head office opens "Filiale Centro" (services, one with a 15-minute promise; three counters;
 * Italian, English, German) and its manager; the manager writes a preset with its resolved twin
 * and adds a teller; the teller posts it from the tablet.
 */
describe('manager console: a new branch from nothing', () => {
  let server: ServerProcess;
  let browser: Browser;
  let admin: Page;
  let manager: Page;
  let managerPassword = '';
  let tellerPassword = '';
  let presetId = '';
  let tablet: Page;
  let tv: Page;
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

  it('head office creates Filiale Centro with the wizard: languages it, en, de; hours; two services, one promising 15 minutes; three counters; its manager', async () => {
    admin = await signIn(browser, server.url, 'admin', DEMO_PASSWORD);
    await admin.waitForURL(/#\/console/);
    await admin.locator('[data-testid="nav-new-branch"]').click();

    await admin.locator('[data-testid="branch-name"]').fill('Filiale Centro');
    expect(await admin.locator('[data-testid="branch-id"]').inputValue()).toBe(BRANCH);
    await admin.locator('[data-testid="branch-address"]').fill('Piazza Duomo 3, Milano');
    await admin.locator('[data-testid="add-language"]').selectOption('de');
    await admin.locator('[data-testid="add-language-button"]').click();
    await expect.poll(() => admin.locator('[data-testid="languages"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-lang')))).toEqual(['it', 'en', 'de']);
    await admin.screenshot({ path: join(shots, 'console-new-branch.png') });
    await admin.locator('[data-testid="save-branch"]').click();

    // Hours: none are made up; asked for, the usual weekday hours are offered; saving goes on to the services.
    await admin.locator('[data-testid="wizard-step"][data-step="hours"]').waitFor();
    await admin.locator('[data-testid="no-hours"]').waitFor();
    expect(await admin.locator('[data-testid="save-hours"]').count()).toBe(0);
    await admin.locator('[data-testid="add-hours"]').click();
    await admin.locator('[data-testid="save-hours"]').click();

    await admin.locator('[data-testid="wizard-step"][data-step="services"]').waitFor();
    await addService(admin, { it: 'Cassa', en: 'Teller', de: 'Kasse' }, 15);
    await addService(admin, { it: 'Consulenza', en: 'Advice', de: 'Beratung' }, null);
    await expect.poll(() => admin.locator('[data-testid="service"]').count()).toBe(2);
    await admin.screenshot({ path: join(shots, 'console-wizard-services.png') });
    // A reload resumes at the next unfinished step (counters), not at Hours.
    await admin.reload();
    await admin.locator('[data-testid="wizard-step"][data-step="counters"]').waitFor();

    await admin.locator('[data-testid="wizard-step"][data-step="counters"]').waitFor();
    for (let n = 1; n <= 3; n++) {
      await admin.locator('[data-testid="add-counter"]').click();
      // A new counter is named "Sportello n / Counter n / Schalter n" and serves every service: fine as it is.
      expect(await admin.locator(`[data-testid="counter-name-de"]`).inputValue()).toBe(`Schalter ${n}`);
      await admin.locator('[data-testid="save-counter"]').click();
      await expect.poll(() => admin.locator('[data-testid="counter"]').count()).toBe(n);
    }
    await admin.locator('[data-testid="wizard-next"]').click();

    await admin.locator('[data-testid="wizard-step"][data-step="manager"]').waitFor();
    await admin.locator('[data-testid="account-name"]').fill('Giulia Bianchi');
    expect(await admin.locator('[data-testid="account-username"]').inputValue()).toBe('giulia.bianchi');
    expect(await admin.locator('[data-testid="account-role"]').inputValue()).toBe('manager');
    await admin.locator('[data-testid="create-account"]').click();
    managerPassword = (await admin.locator('[data-testid="new-password"]').innerText()).trim();
    expect(managerPassword.length).toBeGreaterThanOrEqual(8);
    await admin.screenshot({ path: join(shots, 'console-wizard-manager.png') });
    await admin.locator('[data-testid="wizard-next"]').click();
    await admin.locator('[data-testid="wizard-step"][data-step="done"]').waitFor();

    // What the server now holds: the branch as the wizard built it.
    const state = (await (await fetch(`${server.url}/api/branches/${BRANCH}/state`)).json()) as { state: { config: import('../../core').BranchConfig } };
    const cfg = state.state.config;
    expect(cfg.languages).toEqual(['it', 'en', 'de']);
    expect(cfg.services.map((s) => [s.prefix, s.name.de, s.promiseMinutes ?? null])).toEqual([
      ['A', 'Kasse', 15],
      ['B', 'Beratung', null],
    ]);
    expect(cfg.counters).toHaveLength(3);
    expect(cfg.hours?.weekly.mon).toEqual([
      { open: '08:30', close: '13:30' },
      { open: '14:30', close: '16:00' },
    ]);
    // It starts with the bank's library, not an empty list.
    expect(cfg.presets.length).toBeGreaterThan(0);
  });

  it('the manager writes a preset in Italian, English and German with its resolved twin, watching the lobby preview, and adds a teller', async () => {
    manager = await signIn(browser, server.url, 'giulia.bianchi', managerPassword);
    // One branch: the manager lands on its day.
    await manager.waitForURL(new RegExp(`#/console/branch/${BRANCH}`));
    await manager.locator('[data-testid="nav-presets"]').click();
    await manager.locator('[data-testid="add-preset"]').click();
    await manager.locator('[data-testid="preset-cause"]').selectOption('technical_problem');
    await manager.locator('[data-testid="preset-effect"]').selectOption('slower_service');
    await manager.locator('[data-testid="preset-minutes"]').fill('15');

    const preview = manager.locator('[data-testid="preset-preview"]');
    await manager.locator('[data-testid="preset-text-it"]').fill('Il lettore di carte non funziona: ci scusiamo, lo stiamo sostituendo.');
    // Two languages still missing: the preview says which.
    await expect.poll(() => preview.locator('[data-testid="preview-missing"]').innerText()).toMatch(/inglese e tedesco|tedesco e inglese/);
    // Mid-sentence a language is named as Italian writes it (lower case); alone, as a field's label, capitalised.
    expect(await manager.locator('bb-local-text-field[name="preset-text"] label[for="preset-text-en"] .lang').innerText()).toBe('Inglese');
    await manager.locator('[data-testid="preset-text-en"]').fill('The card reader is not working: we apologise, we are replacing it.');
    await manager.locator('[data-testid="preset-text-de"]').fill('Das Kartenlesegerät funktioniert nicht: Wir entschuldigen uns und tauschen es aus.');
    await expect.poll(() => preview.locator('[data-testid="preview-missing"]').count()).toBe(0);
    // The preview is the lobby's own card, in the three languages, main one first.
    const card = preview.locator('bb-notice-card');
    await expect.poll(() => card.locator('.text > span').evaluateAll((els) => els.map((e) => e.getAttribute('lang')))).toEqual(['it', 'en', 'de']);

    // No resolved twin yet: each language says what the screens really show — their general words, quoted as they read.
    for (const l of ['it', 'en', 'de'] as const) {
      const flag = manager.locator(`[data-testid="missing-preset-resolved-${l}"]`);
      expect(await flag.innerText()).toContain(ct('it', 'text.missingResolvedNone'));
      expect(await flag.locator('[data-testid="resolved-general"]').innerText()).toBe(t(l, 'lobby.resolvedDone'));
      expect(await flag.locator('[data-testid="resolved-general"]').getAttribute('lang')).toBe(l);
    }
    await preview.locator('[data-testid="preview-resolved"]').click();
    await card.locator('[data-testid="notice-resolved-done"]').waitFor();
    await manager.locator('[data-testid="missing-preset-resolved-de"]').scrollIntoViewIfNeeded();
    await manager.screenshot({ path: join(shots, 'console-preset-resolved-empty.png') });
    expect(await preview.locator('[data-testid="preview-missing-resolved"]').innerText()).toBe(ct('it', 'preview.noResolved'));
    await preview.locator('[data-testid="preview-active"]').click();
    await manager.locator('[data-testid="preset-resolved-it"]').fill('Il lettore di carte funziona di nuovo.');
    // In Italian only: the others show it in the other languages.
    await expect.poll(() => manager.locator('[data-testid="missing-preset-resolved-en"]').innerText()).toBe(ct('it', 'text.missingResolvedOther'));
    await manager.locator('[data-testid="preset-resolved-en"]').fill('The card reader works again.');
    await manager.locator('[data-testid="preset-resolved-de"]').fill('Das Kartenlesegerät funktioniert wieder.');
    await preview.locator('[data-testid="preview-resolved"]').click();
    await expect.poll(() => card.locator('article').getAttribute('data-status')).toBe('resolved');
    expect(await card.locator('article').innerText()).toContain('The card reader works again.');
    await manager.screenshot({ path: join(shots, 'console-preset-editor.png') });
    await preview.locator('[data-testid="preview-active"]').click();
    await manager.locator('[data-testid="save-preset"]').click();

    const row = manager.locator('[data-testid="preset-row"]', { hasText: 'Il lettore di carte non funziona' });
    await row.waitFor();
    presetId = (await row.getAttribute('data-preset')) ?? '';
    expect(presetId).not.toBe('');
    await manager.evaluate(() => window.scrollTo(0, 0));
    await manager.screenshot({ path: join(shots, 'console-presets.png') });

    await manager.locator('[data-testid="nav-staff"]').click();
    await manager.locator('[data-testid="add-account"]').click();
    await manager.locator('[data-testid="account-name"]').fill('Marco Rossi');
    // A manager creates tellers only.
    expect(await manager.locator('[data-testid="account-role"] option').allInnerTexts()).toHaveLength(1);
    await manager.locator('[data-testid="create-account"]').click();
    tellerPassword = (await manager.locator('[data-testid="new-password"]').innerText()).trim();
    await manager.locator('[data-testid="account"][data-username="marco.rossi"]').waitFor();
    await manager.screenshot({ path: join(shots, 'console-staff.png') });
  });

  it('the teller signs in on the tablet and posts that preset', async () => {
    tablet = await signIn(browser, server.url, 'marco.rossi', tellerPassword);
    await tablet.locator('[data-testid="pick-counter"]').first().click();
    await tablet.locator('[data-testid="report-problem"]').click();
    await tablet.locator(`[data-testid="preset"][data-preset="${presetId}"]`).click();
    await tablet.locator('[data-testid="expected"]').first().click();
    await expect.poll(async () => {
      const r = (await (await fetch(`${server.url}/api/branches/${BRANCH}/state`)).json()) as { state: { notices: { presetId: string; status: string }[] } };
      return r.state.notices.filter((n) => n.presetId === presetId && n.status === 'active').length;
    }).toBe(1);
  });

  it('a new lobby TV shows a pairing code; paired from the console, it shows the notice in Italian, English and German, then its resolved twin', async () => {
    // A customer waits: the board shows the branch's day at any hour (with nobody waiting, outside
    // the opening hours — its lunch break, 13:30–14:30 — the TV would show "we are closed" instead).
    expect((await takeTicket(server.url, 'cassa')).status).toBe(201);
    tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' })).newPage();
    await tv.goto(`${server.url}/display/`);
    const codeOnScreen = tv.locator('[data-testid="pairing-code"]');
    await expect.poll(async () => (await codeOnScreen.innerText()).trim(), { timeout: 20_000 }).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);
    const code = (await codeOnScreen.innerText()).trim();
    await tv.screenshot({ path: join(shots, 'lobby-pairing-code.png') });

    await manager.locator('[data-testid="nav-screens"]').click();
    await manager.locator('[data-testid="pair-code"]').fill(code);
    await manager.locator('[data-testid="pair-name"]').fill('Sala, sopra la porta');
    await manager.locator('[data-testid="pair-submit"]').click();
    const screen = manager.locator('[data-testid="screen"]');
    await screen.waitFor();

    // The TV claims its token by itself and becomes Filiale Centro's board.
    const notice = tv.locator('[data-testid="notice"]', { hasText: 'Il lettore di carte non funziona' });
    await notice.waitFor({ timeout: 20_000 });
    // Italian stays; English and German take turns in the secondary line (issue 8's rotation).
    const seenLangs = new Set<string>();
    await expect
      .poll(
        async () => {
          for (const l of await notice.locator('.text > span').evaluateAll((els) => els.map((e) => e.getAttribute('lang') ?? ''))) seenLangs.add(l);
          return [...seenLangs].sort();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual(['de', 'en', 'it']);
    expect((await notice.locator('.text > span').evaluateAll((els) => els.map((e) => e.getAttribute('lang'))))[0]).toBe('it');
    // It reports back: the console shows it up.
    await expect.poll(() => screen.getAttribute('data-up'), { timeout: 20_000 }).toBe('true');
    await manager.screenshot({ path: join(shots, 'console-screens.png') });

    await tablet.locator('[data-testid="active-notice"] [data-testid="resolve-notice"]').first().click();
    const confirm = tablet.locator('[data-testid="confirm-resolve"]');
    if (await confirm.count()) await confirm.click();
    const resolved = tv.locator('[data-testid="notice"][data-status="resolved"]');
    await resolved.waitFor({ timeout: 5_000 });
    // The resolved twin in every language: Italian always, the others in turn.
    let shown = '';
    await expect
      .poll(
        async () => {
          shown += await resolved.innerText();
          return ['Il lettore di carte funziona di nuovo.', 'The card reader works again.', 'Das Kartenlesegerät funktioniert wieder.'].filter((t) => !shown.includes(t));
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual([]);
    await tv.screenshot({ path: join(shots, 'lobby-resolved-twin.png') });
  }, 120_000);

  it('the manager reloads the screen from the console; it comes back live', async () => {
    await tv.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));
    await manager.locator('[data-testid="reload-screen"]').click();
    await manager.locator('[data-testid="screen-note"]').waitFor();
    await expect.poll(() => tv.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload ?? false), { timeout: 20_000 }).toBe(false);
    // Back as the same paired screen, live: a ticket taken now shows in its queue.
    await tv.locator('[data-testid="waiting-count"][data-service]').first().waitFor({ timeout: 20_000 });
    expect((await takeTicket(server.url, 'cassa')).status).toBe(201);
    await expect.poll(() => tv.locator('[data-testid="waiting-count"][data-service="cassa"]').innerText()).toContain('2');
  });

  it('the all-branches table shows both branches with their live counts', async () => {
    await admin.locator('[data-testid="nav-branches"]').click();
    const row = admin.locator('[data-testid="branch-row"][data-branch="filiale-centro"]');
    await row.waitFor();
    await admin.locator('[data-testid="branch-row"][data-branch="demo"]').waitFor();
    await expect.poll(() => row.locator('[data-testid="branch-waiting"]').innerText()).toBe('2');
    await takeTicket(server.url, 'consulenza');
    // Live, not on refresh.
    await expect.poll(() => row.locator('[data-testid="branch-waiting"]').innerText()).toBe('3');
    await expect.poll(() => row.locator('[data-testid="branch-screens"]').innerText()).toMatch(/1/);
    await admin.screenshot({ path: join(shots, 'console-all-branches.png') });
  });
});

function takeTicket(url: string, service: string): Promise<Response> {
  return fetch(`${url}/api/branches/${BRANCH}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ service }),
  });
}

async function addService(page: Page, name: Record<string, string>, promise: number | null): Promise<void> {
  await page.locator('[data-testid="add-service"]').click();
  for (const [lang, text] of Object.entries(name)) await page.locator(`[data-testid="service-name-${lang}"]`).fill(text);
  if (promise !== null) {
    await page.locator('[data-testid="service-has-promise"]').check();
    await page.locator('[data-testid="service-promise"]').fill(String(promise));
  }
  await page.locator('[data-testid="save-service"]').click();
  await page.locator('[data-testid="service-form"]').waitFor({ state: 'detached' });
}
