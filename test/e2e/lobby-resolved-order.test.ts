import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../ui/i18n/localize';
import '../../ui/i18n/parts/public-board';
import { launchChromium } from '../support/browser';
import { PROMISED } from '../support/configs';
import { tellerAndLobby } from '../support/lobby-suite';
import { screenshotDir } from '../support/screenshots';
import { key, loginAs, startTestServer } from '../support/server';

const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

/**
 * After a resolve, what is true now comes first: "Reduced service: 1 of 4 counters open" does
 * not wait ten minutes behind the resolved card, and the resolved card speaks of the problem as
 * over — never the notice's present tense ("a colleague is working to fix it") under "Resolved".
 */
describe('lobby: the resolved notice after what is true now', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let teller: Awaited<ReturnType<typeof loginAs>>;
  let lobby: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    ({ teller, lobby } = await tellerAndLobby(server, browser, 'order'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const send = async (path: string, body: object = {}) => {
    const res = await teller.post(`/api/branches/order${path}`).set('Idempotency-Key', key()).send(body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };

  it('1 of 4 counters open after a resolve: the reduced service shows, before the resolved card, which says it is over', async () => {
    await server.commands.openBranch('order', { ...PROMISED, id: 'order', name: 'Filiale Centro' }, { role: 'system' });
    await send('/counters/1/open');
    const notice = (await send('/notices', { presetId: 'computer-fault', counterId: '2' })).notice as { id: string; text: Record<string, string> };
    await send(`/notices/${notice.id}/resolve`);

    await lobby.goto(`${server.url}/display/order`);
    const board = lobby.locator('bb-notice-board');
    const resolved = board.locator('[data-testid="notice"][data-status="resolved"]');
    await resolved.waitFor();
    const degraded = board.locator('[data-testid="degraded"]');
    await until(() => degraded.count()).toBe(1);
    expect(await degraded.innerText()).toContain(t('it', 'causes.reducedService'));
    // Above the resolved card, on the same page.
    const [d, r] = await Promise.all([degraded.boundingBox(), resolved.boundingBox()]);
    expect(d!.y + d!.height).toBeLessThanOrEqual(r!.y);

    const card = await resolved.innerText();
    expect(card).toContain(t('it', 'lobby.resolvedDone'));
    expect(card).not.toContain(notice.text.it!);
    expect(card).not.toContain(notice.text.en!);
    await lobby.screenshot({ path: join(screenshotDir(), 'lobby-resolved-after-degraded.png') });
  });

  it('?lang=de: a notice without German shows in English, not the branch’s Italian; the counter keeps its sign’s name', async () => {
    const notice = (await send('/notices', { presetId: 'computer-fault', counterId: '3' })).notice as { id: string; text: Record<string, string> };
    expect(notice.text.de).toBeUndefined();
    await lobby.goto(`${server.url}/display/order?lang=de`);
    const card = lobby.locator(`[data-testid="notice"][data-notice-id="${notice.id}"]`);
    await card.waitFor();
    await until(() => card.locator('.text').first().innerText()).toBe(notice.text.en!);
    expect(await card.innerText()).not.toContain(notice.text.it!);
    expect(await card.locator('[data-testid="notice-scope"]').innerText()).toContain('Sportello 3');
  });
});
