import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Two animation frames: pending resize observers and the renders they start have run. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** What the lobby's self-fitting parts decided: "now serving"'s packing and the pages of the notices and the waiting list. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const lobby = document.querySelector('bb-lobby')?.shadowRoot;
    const ol = lobby?.querySelector('bb-now-serving')?.shadowRoot?.querySelector('ol');
    const board = lobby?.querySelector('bb-notice-board')?.shadowRoot;
    const cards = [...(board?.querySelectorAll('.list > bb-notice-card') ?? [])].map((c) => `${c.className}:${c.getAttribute('density')}:${c.getAttribute('data-part') ?? ''}`);
    return {
      fits: !ol || ol.scrollHeight <= ol.clientHeight + 1,
      packing: ol ? `${ol.dataset.level}|${ol.getAttribute('style')}|${ol.children.length}` : '',
      cards: cards.join(','),
      waiting: lobby?.querySelector('bb-waiting-list')?.shadowRoot?.querySelector('.pager')?.textContent ?? '',
    };
  });

/**
 * Waits until the lobby has laid itself out: "now serving" fits its space, the notices are
 * paginated, and nothing changes from one check to the next (each check after two animation
 * frames, so a pending measure has run). `estimates`: how many services must show a figure.
 */
export async function lobbySettled(page: Page, { estimates = 0 } = {}): Promise<void> {
  if (estimates > 0) {
    await expect.poll(() => page.locator('[data-testid="wait-estimate"][data-known="true"]').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(estimates);
  }
  let last = '';
  await expect
    .poll(
      async () => {
        await frames(page);
        const now = await layout(page);
        const same = JSON.stringify(now) === last;
        last = JSON.stringify(now);
        return now.fits && same;
      },
      { timeout: 30_000, interval: 100 },
    )
    .toBe(true);
}

/** The languages the TV shows now ("de fr"): the main one and the secondary taking its turn. */
export const shownLanguages = async (page: Page): Promise<string> => (await page.locator('.screen').getAttribute('data-langs')) ?? '';

/** Waits for the secondary language's next turn (display.rotateSeconds, 8 s by default) and for the board to settle in it. */
export async function nextLanguageTurn(page: Page, opts: { estimates?: number } = {}): Promise<string> {
  const before = await shownLanguages(page);
  await expect.poll(() => shownLanguages(page), { timeout: 30_000 }).not.toBe(before);
  await lobbySettled(page, opts);
  return shownLanguages(page);
}

/**
 * Runs `check` within one turn of the secondary language: when the turn changed while it ran
 * (the board re-laid itself out meanwhile), it waits for the board to settle and runs it again.
 */
export async function withinOneTurn<T>(page: Page, check: () => Promise<T>, opts: { estimates?: number } = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const before = await shownLanguages(page);
    let result: T;
    try {
      result = await check();
    } catch (err) {
      if ((await shownLanguages(page)) === before || attempt >= 2) throw err;
      await lobbySettled(page, opts);
      continue;
    }
    if ((await shownLanguages(page)) === before || attempt >= 2) return result;
    await lobbySettled(page, opts);
  }
}
