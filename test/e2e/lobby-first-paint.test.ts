import type { Browser, WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { key, type TestServer } from '../support/server';
import { serverAndChromiumPerSuite } from '../support/suite-server';

/**
 * The lobby draws its branch from the snapshot in its page (server/http/lobby-page.ts) before
 * its WebSocket is up (issue 9), and stays honest about it: with the stream held back, the board
 * is live at first, turns stale after the usual silence, and once the stream is let through it
 * catches up with what happened meanwhile.
 */
describe('the lobby paints from its page, then follows the stream', () => {
  let server: TestServer;
  let browser: Browser;
  serverAndChromiumPerSuite((s, b) => ((server = s), (browser = b)));

  const takeTicket = async () => {
    const res = await fetch(`${server.url}/api/branches/demo/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': key() },
      body: JSON.stringify({ service: 'teller' }),
    });
    expect(res.status).toBe(201);
  };

  it('without a WebSocket the board is drawn from the page; stale after the silence; exact once the stream comes', async () => {
    await takeTicket();
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' })).newPage();
    // Hold every WebSocket of the page: connected to the server only when we say so.
    const held: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => void held.push(ws));
    await page.goto(`${server.url}/display/demo`);
    const board = page.locator('bb-lobby main');
    const waiting = page.locator('[data-testid="waiting-count"][data-service="teller"]');
    await expect.poll(() => board.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    expect(await waiting.innerText()).toContain('1');
    await expect.poll(() => held.length, { timeout: 20_000 }).toBeGreaterThan(0); // it did try to connect

    // The branch moves on while the stream is held: the board must not pass for live for long.
    await takeTicket();
    await expect.poll(() => board.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('true');
    expect(await waiting.innerText()).toContain('1');

    for (const ws of held) ws.connectToServer();
    await page.unrouteAll();
    await expect.poll(() => board.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    await expect.poll(() => waiting.innerText(), { timeout: 20_000 }).toContain('2');
    await page.context().close();
  });
});
