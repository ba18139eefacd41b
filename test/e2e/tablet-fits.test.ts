import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { screenshotDir } from '../support/screenshots';
import { branchState, key, loginAs, type TestServer } from '../support/server';
import { serverAndChromiumPerSuite } from '../support/suite-server';
import { openTablet } from '../support/staff-pages';

const shots = screenshotDir();

/** Labels that spill out of their buttons: text wider than the box. */
function overflowing(buttons: Locator): Promise<string[]> {
  return buttons.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => (e as HTMLElement).innerText));
}

/**
 * What a QA pass found on a 1180×820 landscape tablet in French: the header wrapped "Se
 * déconnecter" and cut the branch's name; the Update drawer's durations spilled out of their
 * buttons and said "+10 min" for "10 minutes from now"; "Back in…" opened below the fold; the
 * transfer menu offered closed counters like open ones; a typed update never showed on the
 * tablet's own card, and was labelled with the tablet's language whatever it was written in.
 */
describe('tablet at 1180×820, in French', () => {
  let server: TestServer;
  let tablet: Page;
  serverAndChromiumPerSuite(async (s, b) => {
    server = s;
    tablet = await openTablet(b, s.url, { viewport: { width: 1180, height: 820 }, locale: 'fr-FR' }, 'teller3', '3');
    await tablet.locator('[data-testid="lang"]').selectOption('fr');
    await tablet.locator('[data-testid="logout"]', { hasText: 'Se déconnecter' }).waitFor();
  });

  it('the header: "Se déconnecter" on one line, the branch name whole', { timeout: 90_000 }, async () => {
    const logout = tablet.locator('[data-testid="logout"]');
    const lines = await logout.evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
    });
    expect(lines).toBe(1);
    const name = tablet.locator('[data-testid="branch-name"]');
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await tablet.screenshot({ path: join(shots, 'tablet-fr-1180-header.png'), clip: { x: 0, y: 0, width: 1180, height: 70 } });
    expect(await seriousViolations(tablet)).toEqual([]);
  });

  it('the transfer menu marks a closed counter and does not offer it', { timeout: 90_000 }, async () => {
    const manager = await loginAs(server.url, 'manager');
    expect((await manager.post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'teller' })).status).toBe(201);
    expect((await manager.post('/api/branches/demo/counters/1/open').set('Idempotency-Key', key()).send({})).status).toBe(200);
    await tablet.locator('[data-testid="call-next"]').click();
    await expect.poll(async () => (await branchState(server.url)).counters['3']?.ticketId ?? null).not.toBeNull();
    await tablet.locator('[data-testid="transfer"]').click();
    const closed = tablet.locator('[data-testid="transfer-counter"][data-counter="2"]');
    expect(await closed.getAttribute('data-status')).toBe('closed');
    expect(await closed.isDisabled()).toBe(true);
    expect(await closed.innerText()).toContain('Fermé');
    const open = tablet.locator('[data-testid="transfer-counter"][data-counter="1"]');
    expect(await open.isDisabled()).toBe(false);
    await tablet.screenshot({ path: join(shots, 'tablet-fr-transfer-menu.png') });
    expect(await seriousViolations(tablet)).toEqual([]);
    await tablet.locator('[data-testid="transfer"]').click();
  });

  it('"Back in…" opens in view, its choices inside their buttons', { timeout: 90_000 }, async () => {
    await tablet.locator('[data-testid="pause"]').click();
    const choices = tablet.locator('[data-testid="pause-minutes"]');
    await choices.first().waitFor();
    await expect.poll(() => choices.evaluateAll((els) => els.every((e) => e.getBoundingClientRect().bottom <= innerHeight))).toBe(true);
    expect(await overflowing(choices)).toEqual([]);
    // It counts from now, and says so.
    expect(await choices.first().innerText()).toBe('dans 5 min');
    await tablet.screenshot({ path: join(shots, 'tablet-fr-pause.png') });
    expect(await seriousViolations(tablet)).toEqual([]);
    await tablet.locator('[data-testid="pause"]').click();
  });

  it('the Update drawer: durations inside their buttons, said "dans 10 min"; a text typed in Italian is sent as Italian and shows on the card', { timeout: 90_000 }, async () => {
    const manager = await loginAs(server.url, 'manager');
    expect((await manager.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ presetId: 'card-reader', counterId: '3', expectedInMinutes: 20 })).status).toBe(201);
    const card = tablet.locator('[data-testid="active-notice"]').first();
    await card.waitFor();
    await card.locator('[data-testid="update-notice"]').click();
    const durations = card.locator('[data-testid="expected"]');
    await durations.first().waitFor();
    expect(await overflowing(durations)).toEqual([]);
    expect(await durations.allInnerTexts()).toContain('dans 10 min');
    await tablet.screenshot({ path: join(shots, 'tablet-fr-update-drawer.png') });
    expect(await seriousViolations(tablet)).toEqual([]);

    const lang = card.locator('[data-testid="update-notice-lang"]');
    expect(await lang.inputValue()).toBe('fr');
    await lang.selectOption('it');
    await card.locator('[data-testid="update-notice-text"]').fill('Il tecnico arriva tra dieci minuti.');
    await card.locator('[data-testid="update-notice-save"]').click();
    await expect.poll(async () => (await branchState(server.url)).notices.find((n) => n.status === 'active')?.note ?? null).toEqual({ it: 'Il tecnico arriva tra dieci minuti.' });
    const note = tablet.locator('[data-testid="active-notice"] [data-testid="notice-note"]').first();
    await expect.poll(() => note.innerText()).toContain('Il tecnico arriva tra dieci minuti.');
    expect(await note.getAttribute('lang')).toBe('it');
    expect(await note.innerText()).toMatch(/italien/i);
    await tablet.screenshot({ path: join(shots, 'tablet-fr-notice-note.png') });
    expect(await seriousViolations(tablet)).toEqual([]);
  });

  it('the Resolved drawer asks what language its closing message is written in, and sends it as that language', { timeout: 90_000 }, async () => {
    const card = tablet.locator('[data-testid="active-notice"]').first();
    const id = await card.getAttribute('data-notice-id');
    await card.locator('[data-testid="resolve-notice"]').click();
    const lang = card.locator('[data-testid="resolve-lang"]');
    expect(await lang.inputValue()).toBe('fr');
    await lang.selectOption('it');
    await card.locator('[data-testid="resolve-text"]').fill('Lettore sostituito, grazie della pazienza.');
    await card.locator('[data-testid="resolve-prevention"]').fill('Teniamo un lettore di scorta.');
    await tablet.screenshot({ path: join(shots, 'tablet-fr-resolve-drawer.png') });
    expect(await seriousViolations(tablet)).toEqual([]);
    await card.locator('[data-testid="confirm-resolve"]').click();
    await expect.poll(async () => (await branchState(server.url)).notices.find((n) => n.id === id)?.resolution ?? null).toMatchObject({
      note: { it: 'Lettore sostituito, grazie della pazienza.' },
      prevention: { it: 'Teniamo un lettore di scorta.' },
    });
  });
});
