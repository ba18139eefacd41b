import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { branchState, type TestServer } from '../support/server';
import { serverAndChromiumPerSuite } from '../support/suite-server';
import { openTablet } from '../support/staff-pages';

/**
 * The tablet's dialogs and drawers in real Chromium: the shared bb-dialog keeps focus inside
 * and gives it back, Escape asks to close; "Other…" posts a typed notice; a notice's drawers
 * update its end and resolve it.
 */
describe('tablet dialogs', () => {
  let server: TestServer;
  let tablet: Page;
  serverAndChromiumPerSuite(async (s, b) => {
    server = s;
    tablet = await openTablet(b, s.url, { viewport: { width: 1280, height: 800 }, locale: 'en-GB' }, 'teller3', '3');
  });

  /** Whether the focused element (through shadow roots) lies inside the open dialog. */
  const focusInDialog = () =>
    tablet.evaluate(() => {
      let a: Element | null = document.activeElement;
      const path: Element[] = [];
      while (a) {
        path.push(a);
        a = a.shadowRoot?.activeElement ?? null;
      }
      const dialog = document.querySelector('bb-teller-app')?.shadowRoot?.querySelector('bb-teller-branch')?.shadowRoot
        ?.querySelector('bb-preset-picker')?.shadowRoot?.querySelector('bb-dialog');
      return { inside: path.some((e) => e === dialog || dialog?.contains(e)) || path.some((e) => e.getRootNode() === dialog?.shadowRoot), name: path.at(-1)?.getAttribute('data-testid') ?? path.at(-1)?.tagName };
    });

  it('has no serious or critical axe-core violations, on the counter and in the dialog', async () => {
    expect(await seriousViolations(tablet)).toEqual([]);
    await tablet.locator('[data-testid="report-problem"]').click();
    await tablet.locator('[data-testid="preset"]').first().waitFor();
    expect(await seriousViolations(tablet)).toEqual([]);
    await tablet.keyboard.press('Escape');
    await expect.poll(() => tablet.locator('bb-dialog[open]').count()).toBe(0);
  });

  it('the dialog keeps Tab inside, closes on Escape and gives focus back to the button that opened it', async () => {
    const report = tablet.locator('[data-testid="report-problem"]');
    await report.click();
    await tablet.locator('[data-testid="preset"]').first().waitFor();
    // The page language follows the tablet's: English here.
    expect(await tablet.locator('bb-dialog h2').innerText()).toBe('Report a problem');
    for (let i = 0; i < 40; i++) {
      await tablet.keyboard.press('Tab');
      expect((await focusInDialog()).inside, `after ${i + 1} Tabs`).toBe(true);
    }
    await tablet.keyboard.press('Shift+Tab');
    expect((await focusInDialog()).inside).toBe(true);
    await tablet.keyboard.press('Escape');
    await expect.poll(() => tablet.locator('bb-dialog[open]').count()).toBe(0);
    await expect.poll(async () => (await focusInDialog()).name).toBe('report-problem');
  });

  it('"Other…" refuses an empty text beside the field, then posts the typed one', async () => {
    await tablet.locator('[data-testid="report-problem"]').click();
    await tablet.locator('[data-testid="preset-other"]').click();
    // The text field has the focus, ready to type.
    await expect.poll(async () => (await focusInDialog()).name).toBe('other-text');
    await tablet.locator('[data-testid="expected"][data-minutes="15"]').click();
    await expect.poll(() => tablet.locator('bb-other-notice-form [role="alert"]').count()).toBe(1);
    await tablet.locator('[data-testid="other-text"]').fill('The printer is jammed');
    await expect.poll(() => tablet.locator('bb-other-notice-form [role="alert"]').count()).toBe(0);
    await tablet.locator('[data-testid="other-effect"][data-effect="info"]').click();
    await tablet.locator('[data-testid="expected"][data-minutes="15"]').click();
    await expect.poll(() => tablet.locator('bb-dialog[open]').count()).toBe(0);
    const notice = (await branchState(server.url)).notices.find((n) => n.cause === 'other');
    expect(notice).toMatchObject({ effect: 'info', text: { en: 'The printer is jammed' }, scope: { type: 'counters', ids: ['3'] } });
  });

  it('a notice’s drawers: a new end in one tap, then resolved with a closing message and no apology', async () => {
    const item = tablet.locator('[data-testid="active-notice"]').first();
    const id = await item.getAttribute('data-notice-id');
    await item.locator('[data-testid="update-notice"]').click();
    await item.locator('[data-testid="expected"][data-minutes="30"]').click();
    await expect.poll(() => item.locator('bb-notice-update-form').count()).toBe(0);
    const updated = (await branchState(server.url)).notices.find((n) => n.id === id)!;
    expect(updated.expectedEndAt! - Date.now()).toBeGreaterThan(28 * 60_000);

    await item.locator('[data-testid="resolve-notice"]').click();
    await item.locator('[data-testid="resolve-text"]').fill('Printer fixed');
    await item.locator('[data-testid="confirm-resolve"]').click();
    await tablet.locator(`[data-testid="resolved-notice"][data-notice-id="${id}"]`).waitFor();
    const resolved = (await branchState(server.url)).notices.find((n) => n.id === id)!;
    // Typed in the tablet's language only: a note marked with its language, the other languages keep theirs.
    expect(resolved.resolution).toMatchObject({ note: { en: 'Printer fixed' }, apologise: false });
  });
});
