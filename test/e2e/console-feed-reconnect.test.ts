import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openTestSql, type TestServer } from '../support/server';
import { openConsole } from '../support/staff-pages';
import { serverAndChromiumPerSuite } from '../support/suite-server';

/**
 * The server lets a staff feed go when its database fails the feed's overview (a PostgreSQL
 * failover): Socket.IO does not reconnect a socket the server closed, so the console stayed "not
 * connected" until reloaded. It asks again by itself, and is live once the database answers.
 */
describe('manager console: a feed the server let go comes back by itself', () => {
  let server: TestServer;
  let page: Page;
  serverAndChromiumPerSuite(async (s, b) => {
    server = s;
    page = await openConsole(b, s.url, { viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  });

  it('not connected while the database fails the overview; live again once it answers, without a reload', { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/admin/#/console/branches`);
    const status = page.locator('[data-testid="feed-status"]');
    await expect.poll(() => status.getAttribute('class'), { timeout: 20_000 }).toContain('ok');

    let attempts = 0;
    server.stream.io.of('/staff').on('connection', () => attempts++);
    const sql = await openTestSql(server.dataDir);
    try {
      // The overview reads the screens: without their table every new feed is let go.
      await sql.run('ALTER TABLE screens RENAME TO screens_away');
      server.stream.io.of('/staff').disconnectSockets(true);
      await expect.poll(() => status.getAttribute('class'), { timeout: 20_000 }).toContain('warn');
      // It keeps asking (and is let go again) while the database fails: 1 s, then 2 s later.
      await expect.poll(() => attempts, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
      expect(await status.getAttribute('class')).toContain('warn');
    } finally {
      await sql.run('ALTER TABLE screens_away RENAME TO screens');
      await sql.close();
    }
    // Back within the retry's cap, no reload.
    await expect.poll(() => status.getAttribute('class'), { timeout: 45_000 }).toContain('ok');
  });
});
