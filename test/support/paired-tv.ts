import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import request from 'supertest';
import { key, type loginAs } from './server';

type Staff = Awaited<ReturnType<typeof loginAs>>;

/**
 * A lobby TV in Chromium, paired as a real one is (its token in its storage, /display/ as its
 * address), whose sound state the test reads from the server — from the TV's own reports — and
 * never by evaluating in the page until the TV has reported it.
 *
 * Why: every Playwright evaluation, a locator's polling included, runs as a user gesture
 * (`Runtime.callFunctionOn` with `userGesture: true`), and a gesture before the lobby makes its
 * AudioContext lets that context start. Under load the snapshot can reach the TV after the test's
 * first poll, and then a browser that should block sound did not: the "sound off" sign never came.
 */
export async function openPairedTv(
  url: string,
  browser: Browser,
  manager: Staff,
  opts: { branch?: string; name: string; context?: BrowserContextOptions },
): Promise<{ page: Page; screenId: string }> {
  const branch = opts.branch ?? 'demo';
  const ticket = (await request(url).post('/api/screen-pairings').send({ kind: 'lobby' })).body;
  const paired = await manager.post(`/api/branches/${branch}/screens`).set('Idempotency-Key', key()).send({ code: ticket.code, name: opts.name });
  if (paired.status !== 201) throw new Error(`pairing failed: ${paired.status} ${JSON.stringify(paired.body)}`);
  const { screenToken } = (await request(url).post('/api/screen-pairings/claim').send({ pairingToken: ticket.pairingToken })).body;
  const context = await browser.newContext(opts.context);
  await context.addInitScript((id) => localStorage.setItem('branchboard.screen', JSON.stringify(id)), { screenToken, branchId: branch, name: opts.name });
  const page = await context.newPage();
  await page.goto(`${url}/display/`);
  return { page, screenId: paired.body.screen.id as string };
}

/** The sound state a paired screen last reported to the server ('blocked', 'on', 'played', …), or null. */
export async function reportedSound(manager: Staff, screenId: string, branch = 'demo'): Promise<string | null> {
  const res = await manager.get(`/api/branches/${branch}/screens`);
  const screen = (res.body.screens as { id: string; soundReport: { state: string } | null }[]).find((s) => s.id === screenId);
  return screen?.soundReport?.state ?? null;
}

/** Waits, by the server, until the TV has reported its sound state (so it has made its AudioContext). */
export async function waitForReportedSound(manager: Staff, screenId: string, state: string, branch = 'demo', timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < until) {
    last = await reportedSound(manager, screenId, branch);
    if (last === state) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`screen ${screenId} reported sound ${JSON.stringify(last)}, not "${state}", within ${timeoutMs} ms`);
}
