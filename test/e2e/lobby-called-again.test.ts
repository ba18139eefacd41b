import { join } from 'node:path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchConfig } from '../../core';
import { hashPassword } from '../../server/auth/passwords';
import { Users } from '../../server/auth/users';
import { launchChromium } from '../support/browser';
import { PROMISED } from '../support/configs';
import { screenshotDir } from '../support/screenshots';
import { key, loginAs, startTestServer } from '../support/server';

/**
 * Issue 7's bug "The 'Called again' badge pushes the counter name onto two lines", where it
 * happens: the badge used to sit in its own column at the end of the call's row, so a long
 * counter name ("Guichet des prêts 1", "Sportello prestiti 1") was squeezed onto two lines, in
 * landscape at 1280×720, 1920×1080 and 4K with French names, and on a TV on its side with
 * Italian or German ones too (found by measuring 180 layouts: five screen sizes, three pairs of
 * languages, short and long names, two to four calls; with the badge back in its column these
 * three fail). The badge now sits beneath the name.
 */
describe('lobby: "Called again" keeps the counter name on one line', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let teller: Awaited<ReturnType<typeof loginAs>>;
  let n = 0;
  const shots = screenshotDir();

  beforeAll(async () => {
    server = await startTestServer({ ticketsPerMinute: 10_000 });
    await new Users(server.sql).create({ username: 'recall', name: 'Teller', role: 'teller', branches: ['*'] }, await hashPassword('recall-pass'), Date.now());
    teller = await loginAs(server.url, 'recall', 'recall-pass');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const names: Record<string, (id: string) => string> = {
    it: (id) => `Sportello prestiti ${id}`,
    en: (id) => `Loans desk ${id}`,
    fr: (id) => `Guichet des prêts ${id}`,
    nl: (id) => `Leningenloket ${id}`,
    de: (id) => `Kreditschalter ${id}`,
  };

  const cases: { width: number; height: number; languages: string[] }[] = [
    { width: 1920, height: 1080, languages: ['fr', 'nl'] },
    { width: 1280, height: 720, languages: ['fr', 'nl'] },
    { width: 1080, height: 1920, languages: ['it', 'en'] },
  ];

  for (const c of cases) {
    it(`${c.width}×${c.height}, ${c.languages.join(' + ')}, long counter names`, async () => {
      const id = `recall-${++n}`;
      const config: BranchConfig = {
        ...PROMISED,
        id,
        name: 'Filiale Centro',
        languages: c.languages,
        counters: PROMISED.counters.map((k) => ({ ...k, name: Object.fromEntries(c.languages.map((l) => [l, names[l]!(k.id)])) })),
      };
      await server.commands.openBranch(id, config, { role: 'system' });
      for (let i = 0; i < 4; i++) await request(server.url).post(`/api/branches/${id}/tickets`).set('Idempotency-Key', key()).send({ service: 'teller' });
      const act = async (counter: string, action: string) =>
        expect((await teller.post(`/api/branches/${id}/counters/${counter}/${action}`).set('Idempotency-Key', key()).send({})).status).toBeLessThan(300);
      await act('1', 'call-next');
      await act('2', 'call-next');

      const page: Page = await (await browser.newContext({ viewport: { width: c.width, height: c.height }, locale: 'it-IT' })).newPage();
      await page.goto(`${server.url}/display/${id}`);
      await page.locator('[data-testid="call"]').nth(1).waitFor();
      // Counter 1 calls its customer again, and counter 2 the next one at once.
      await act('1', 'recall');
      await act('2', 'call-next');
      const badge = page.locator('[data-testid="call"][data-counter="1"] [data-testid="call-recall"]');
      await badge.waitFor();

      const lines = await page.locator('[data-testid="call"] .counter').evaluateAll((els) =>
        els.flatMap((el) =>
          [...el.querySelectorAll('.l0, .l1')].map((line) => {
            const r = document.createRange();
            r.selectNodeContents(line);
            return `${line.textContent}: ${new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size} line(s)`;
          }),
        ),
      );
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.filter((l) => !l.endsWith(': 1 line(s)'))).toEqual([]);
      expect(await badge.isVisible()).toBe(true);
      await page.screenshot({ path: join(shots, `lobby-called-again-${c.width}x${c.height}-${c.languages.join('-')}.png`) });
      await page.context().close();
    });
  }
});
