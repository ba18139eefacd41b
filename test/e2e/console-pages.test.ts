import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES } from '../../admin/console/pages';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { screenshotDir } from '../support/screenshots';
import { key, loginAs, startTestServer } from '../support/server';
import { openConsole } from '../support/staff-pages';

const shots = screenshotDir();

/**
 * Every page of the console's registry (pages.ts), opened by the head office on the demo branch
 * during a working morning: no serious or critical axe-core violation on the page, nor in the
 * forms it opens, and a 1280×800 screenshot of each (`console-page-<page>.png`) to look at.
 */
describe('manager console: every page', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    // A morning under way: two counters open, customers waiting and one being served, a notice up, a TV paired.
    const manager = await loginAs(server.url, 'manager');
    const post = (path: string, body: object = {}) => manager.post(`/api/branches/demo${path}`).set('Idempotency-Key', key()).send(body);
    for (const c of ['1', '2']) expect((await post(`/counters/${c}/open`)).status).toBe(200);
    for (const service of ['teller', 'teller', 'advice', 'teller', 'advice', 'teller']) {
      expect((await post('/tickets', { service })).status).toBe(201);
    }
    expect((await post('/counters/1/call-next')).status).toBe(200);
    expect((await post('/notices', { presetId: 'card-reader', counterId: '2', expectedInMinutes: 20 })).status).toBe(201);
    const pairing = await manager.post('/api/screen-pairings').set('Idempotency-Key', key()).send({ kind: 'lobby' });
    expect(pairing.status).toBe(201);
    expect((await post('/screens', { code: pairing.body.code, name: 'Sala, sopra la porta' })).status).toBe(201);
    expect((await manager.post('/api/users').set('Idempotency-Key', key()).send({ username: 'marco.rossi', name: 'Marco Rossi', role: 'teller', branches: ['demo'] })).status).toBe(201);
    // A long name (the Staff page once grew to 1511 px with it).
    expect((await manager.post('/api/users').set('Idempotency-Key', key()).send({ username: 'gbernasconi', name: 'Giuseppina Maria Alessandra Bernasconi-Ferraris', role: 'teller', branches: ['demo'] })).status).toBe(201);

    browser = await launchChromium();
    page = await openConsole(browser, server.url, { viewport: { width: 1280, height: 800 }, locale: 'it-IT' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens a page by its address and waits until it has drawn and its requests have settled. */
  async function open(id: string, area: 'bank' | 'branch', tag: string): Promise<void> {
    await page.goto(`${server.url}/admin/${area === 'bank' ? `#/console/${id}` : `#/console/branch/demo/${id}`}`);
    await page.locator(tag).waitFor();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('main [role="status"]', { hasText: /Caricamento|Loading/ }).count()).toBe(0);
  }

  for (const p of PAGES.filter((x) => x.id !== 'setup')) {
    it(`${p.id}: no serious axe-core violation; screenshot`, async () => {
      await open(p.id, p.area, p.tag);
      await page.screenshot({ path: join(shots, `console-page-${p.id}.png`) });
      expect(await seriousViolations(page)).toEqual([]);
      expect(await overflowing(page)).toEqual([]);
    });
  }

  it('setup (the new-branch wizard on an existing branch): no serious axe-core violation', async () => {
    await open('setup', 'branch', 'bb-setup-page');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('audit: says in words who added the teller, and who paired the screen', async () => {
    await open('audit', 'branch', 'bb-audit-page');
    const said = page.locator('[data-testid="audit-sentence"]');
    await expect.poll(() => said.allInnerTexts()).toEqual(
      expect.arrayContaining([
        'Account creato: Marco Rossi (marco.rossi), Operatore di sportello',
        'Schermo abbinato: Sala, sopra la porta',
        // The queue in the branch's words, not event names and JSON.
        'Biglietto A004 preso per Cassa',
        'A001 chiamato a Sportello 1',
        'Sportello 2 aperto',
        'Avviso pubblicato: Problema tecnico',
      ]),
    );
    const row = page.locator('[data-testid="audit-row"]', { hasText: 'Account creato: Marco Rossi' });
    expect(await row.innerText()).toContain('manager');
    // No internals for a manager: no event names (TicketIssued, BranchConfigured), no JSON, no epoch ms.
    const table = await page.locator('[data-testid="audit-table"]').innerText();
    expect(table).not.toMatch(/\b[A-Z][a-z]+[A-Z][A-Za-z]*\b/);
    expect(table).not.toMatch(/[{}"]|\d{12,}/);
    expect(table).toContain('Configurazione della filiale');
    expect(await page.locator('[data-testid="audit-type"] option').allInnerTexts()).toEqual(expect.arrayContaining(['Biglietto preso', 'Sportello in pausa', 'Avviso pubblicato']));
  });

  it('integrations: a key for the queue system is made (its secret shown once), listed and revoked', async () => {
    await open('integrations', 'branch', 'bb-integrations-page');
    await page.locator('[data-testid="token-name"]').fill('Eliminacode sala');
    await page.locator('[data-testid="token-create"]').click();
    const secret = (await page.locator('[data-testid="token-secret"]').innerText()).trim();
    expect(secret).toMatch(/^bbi_/);
    const row = page.locator('[data-testid="token"]', { hasText: 'Eliminacode sala' });
    await row.waitFor();
    await page.screenshot({ path: join(shots, 'console-page-integrations-secret.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-testid="token-done"]').click();
    await expect.poll(() => page.locator('[data-testid="token-secret"]').count()).toBe(0);

    await row.locator('[data-testid="token-revoke"]').click();
    await row.locator('[data-testid="token-revoke-confirm"]').click();
    await expect.poll(() => row.getAttribute('data-revoked')).toBe('true');
    const refused = await fetch(`${server.url}/api/branches/demo/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: '{"events":[]}' });
    expect(refused.status).toBe(401);
  });

  const forms: [string, string, string, string][] = [
    ['services', 'bb-services-page', 'add-service', 'service-form'],
    ['counters', 'bb-counters-page', 'add-counter', 'counter-form'],
    ['presets', 'bb-presets-page', 'add-preset', 'preset-form'],
    ['staff', 'bb-staff-page', 'add-account', 'account-form'],
  ];
  for (const [id, tag, button, form] of forms) {
    it(`${id}: the form "${button}" opens has no serious axe-core violation; screenshot`, async () => {
      await open(id, 'branch', tag);
      await page.locator(`[data-testid="${button}"]`).click();
      await page.locator(`[data-testid="${form}"]`).waitFor();
      await page.screenshot({ path: join(shots, `console-page-${id}-form.png`) });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('presets: in the editor’s half of the page, "About [10] minutes" stays in its column (it ran under the apology checkbox)', async () => {
    await open('presets', 'branch', 'bb-presets-page');
    // The form may be open still from the test before (the same address does not reload the page).
    if (!(await page.locator('[data-testid="preset-form"]').count())) await page.locator('[data-testid="add-preset"]').click();
    const minutes = page.locator('[data-testid="preset-minutes"]');
    await minutes.waitFor();
    const [row, column] = await minutes.evaluate((input) => {
      const words = input.closest('.inline')!.getBoundingClientRect();
      const field = input.closest('fieldset')!.getBoundingClientRect();
      return [words.right, field.right];
    });
    expect(row).toBeLessThanOrEqual(column + 0.5);
  });
});

/**
 * What makes the page wider than the 1280 px window: an element reaching past its right edge,
 * through every shadow root (a scroll box of its own, like a wide table's, is allowed).
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const name = (e: Element) => `${e.localName}${e.id ? `#${e.id}` : ''}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}`;
    const walk = (root: Document | ShadowRoot) => {
      for (const e of root.querySelectorAll('*')) {
        const box = e.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 1) found.push(`${name(e)} reaches ${Math.round(box.right)} px`);
        if (e.shadowRoot) walk(e.shadowRoot);
      }
    };
    walk(document);
    if (document.documentElement.scrollWidth > width) found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    return found.slice(0, 10);
  });
}
