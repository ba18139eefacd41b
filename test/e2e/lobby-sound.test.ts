import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLD_MS } from '../../display/sound/call-announcer';
import { launchChromium } from '../support/browser';
import { openPairedTv, waitForReportedSound } from '../support/paired-tv';
import { key, loginAs, startTestServer } from '../support/server';

type SoundReport = {
  state: string;
  played: { clip: string; endedAt: number }[];
  announced: { key: string; startedAt: number; endedAt: number | null }[];
};

/**
 * Calls people hear, in real Chromium with the kiosk's autoplay flag: a call plays the chime,
 * then the voice in the branch's languages, clip after clip (the audio context reports each one
 * ended); a burst of four calls is announced one by one, each leading "now serving" in turn.
 * Without the flag the browser holds sound back, and the lobby says so.
 */
describe('the lobby speaks its calls', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let kiosk: Browser;
  let lobby: Page;
  let staff: Awaited<ReturnType<typeof loginAs>>;

  const report = (page: Page) => page.evaluate(() => (document.querySelector('bb-lobby') as unknown as { soundReport: SoundReport }).soundReport);
  const post = (path: string, body: object = {}) => staff.post(`/api/branches/demo${path}`).set('Idempotency-Key', key()).send(body);

  beforeAll(async () => {
    server = await startTestServer();
    staff = await loginAs(server.url, 'manager');
    kiosk = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    lobby = await (await kiosk.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' })).newPage();
    await lobby.goto(`${server.url}/display/demo`);
    await lobby.locator('[data-testid="counter"]').first().waitFor();
  }, 60_000);

  afterAll(async () => {
    await kiosk?.close();
    await server?.stop();
  });

  it('a call plays the chime, then the voice in Italian, then in English, in order', async () => {
    await expect.poll(async () => (await report(lobby)).state).toBe('on');
    expect(await lobby.locator('[data-testid="sound-blocked"]').count()).toBe(0);
    expect((await post('/tickets', { service: 'teller' })).status).toBe(201);
    expect((await post('/counters/1/open')).status).toBeLessThan(300);
    expect((await post('/counters/1/call-next')).status).toBe(200);
    await expect.poll(async () => (await report(lobby)).played.length, { timeout: 20_000 }).toBeGreaterThan(6);
    await expect.poll(async () => (await report(lobby)).announced[0]?.endedAt ?? null, { timeout: 20_000 }).not.toBeNull();
    const played = (await report(lobby)).played.map((p) => p.clip);
    // "Numero A 1, sportello 1", then "Ticket A 1, counter 1": Italian "uno" is too short to say
    // alone, so it comes in one breath with the words before it.
    expect(played).toEqual(['chime', 'it:w:ticket l:A n:1', 'it:w:sportello n:1', 'en:w:ticket l:A', 'en:n:1', 'en:w:counter', 'en:n:1']);
    const ends = (await report(lobby)).played.map((p) => p.endedAt);
    for (let i = 1; i < ends.length; i++) expect(ends[i]!).toBeGreaterThan(ends[i - 1]!);
  }, 40_000);

  it('a burst of four calls is announced one by one, each leading "now serving" in turn', async () => {
    for (const c of ['2', '3', '4']) expect((await post(`/counters/${c}/open`)).status).toBeLessThan(300);
    for (let i = 0; i < 4; i++) expect((await post('/tickets', { service: 'teller' })).status).toBe(201);
    const before = (await report(lobby)).announced.length;
    const leaders = new Set<string>();
    const sampling = (async () => {
      for (let i = 0; i < 160; i++) {
        const l = await lobby.locator('[data-testid="call"][data-leading="true"]').getAttribute('data-ticket', { timeout: 200 }).catch(() => null);
        if (l) leaders.add(l);
        await lobby.waitForTimeout(200);
        if (leaders.size >= 4) break;
      }
    })();
    // Four counters call within two seconds.
    await Promise.all(['1', '2', '3', '4'].map((c) => post(`/counters/${c}/call-next`)));
    await expect
      .poll(async () => (await report(lobby)).announced.slice(before).filter((a) => a.endedAt !== null).length, { timeout: 60_000, interval: 500 })
      .toBe(4);
    await sampling;
    const burst = (await report(lobby)).announced.slice(before);
    expect(new Set(burst.map((a) => a.key)).size).toBe(4);
    for (let i = 0; i < 4; i++) {
      const a = burst[i]!;
      // Each holds the large slot at least HOLD_MS, and none starts before the previous ended.
      expect(a.endedAt! - a.startedAt).toBeGreaterThanOrEqual(HOLD_MS - 50);
      if (i > 0) expect(a.startedAt).toBeGreaterThanOrEqual(burst[i - 1]!.endedAt!);
    }
    expect(leaders.size).toBe(4);
    // Every one of them was spoken: four times the chime after the first call's.
    expect((await report(lobby)).played.filter((p) => p.clip === 'chime').length).toBe(5);
  }, 90_000);

  it('without the kiosk flag the browser holds sound back: the lobby says "sound off — tap to enable", and a tap turns it on', async () => {
    const plain = await launchChromium();
    try {
      // A paired TV, so that it says by the server when its sound is blocked: a Playwright
      // evaluation in the page before then would count as a tap (test/support/paired-tv.ts).
      const { page, screenId } = await openPairedTv(server.url, plain, staff, {
        name: 'Sala',
        context: { viewport: { width: 1920, height: 1080 }, locale: 'en-GB' },
      });
      await waitForReportedSound(staff, screenId, 'blocked');
      const sign = page.locator('[data-testid="sound-blocked"]');
      await sign.waitFor({ timeout: 10_000 });
      expect(await sign.innerText()).toContain('Audio disattivato');
      await sign.click();
      await expect.poll(async () => (await report(page)).state).toBe('on');
      expect(await sign.count()).toBe(0);
    } finally {
      await plain.close();
    }
  }, 40_000);
});
