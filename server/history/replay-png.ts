import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { SESSION_COOKIE } from '../auth/sessions';

/** A capture gives up after this long. */
const CAPTURE_TIMEOUT_MS = 20_000;

/**
 * PNG of a replayed moment, rendered by Chromium exactly as a 1920×1080 lobby TV draws it.
 *
 * Why server-side Chromium and not the browser: a page cannot photograph itself without asking the
 * user to share their screen (getDisplayMedia), and DOM-to-canvas libraries redraw the page
 * their own way (shadow DOM, fonts, filters), which is not proof of what the TV showed. Chromium
 * opens the same replay page with the requester's own session, so it sees no more than they may.
 * One capture at a time; the browser starts on first use and closes when idle.
 */
export class ReplayPng {
  private browser: Promise<Browser> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idle?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly baseUrl: () => string,
    private readonly chromiumPath: string | undefined = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
      (p): p is string => !!p && existsSync(p),
    ),
  ) {}

  get available(): boolean {
    return this.chromiumPath !== undefined;
  }

  capture(branchId: string, at: number, sessionToken: string, lang: string): Promise<Buffer> {
    const run = this.queue.then(() => this.shoot(branchId, at, sessionToken, lang));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    clearTimeout(this.idle);
    const b = this.browser;
    this.browser = null;
    if (b) await (await b).close().catch(() => undefined);
  }

  private async shoot(branchId: string, at: number, sessionToken: string, lang: string): Promise<Buffer> {
    clearTimeout(this.idle);
    const browser = await this.launch();
    const base = this.baseUrl();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: lang });
    try {
      await context.addCookies([{ name: SESSION_COOKIE, value: sessionToken, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/display/${encodeURIComponent(branchId)}?at=${at}&capture=1`, { timeout: CAPTURE_TIMEOUT_MS });
      await page.locator('bb-replay[data-replay-ready]').waitFor({ timeout: CAPTURE_TIMEOUT_MS });
      return await page.screenshot({ type: 'png', timeout: CAPTURE_TIMEOUT_MS });
    } finally {
      await context.close();
      this.idle = setTimeout(() => void this.close(), 60_000);
      this.idle.unref();
    }
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const executablePath = this.chromiumPath;
      if (!executablePath) throw new Error('no Chromium on this server');
      this.browser = import('playwright-core').then(({ chromium }) =>
        chromium.launch({
          executablePath,
          headless: true,
          args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
        }),
      );
      this.browser.catch(() => (this.browser = null));
    }
    return this.browser;
  }
}
