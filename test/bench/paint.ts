/**
 * Live data painted after navigation, in Chromium on loopback: from navigation start until the
 * lobby shows the branch's counters from a live stream (not greyed out). Reference: the first
 * contentful paint of the same page's HTML shell (what the browser needs before any script).
 */
import { launchChromium } from '../support/browser';
import { pct } from './lib/http';
import { fmt, ratio, type Row } from './lib/report';

export async function livePaint(url: string, branch: string, runs = 10): Promise<{ live: number[]; fcp: number[] }> {
  const browser = await launchChromium();
  const live: number[] = [];
  const fcp: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A fresh context each time: nothing cached, as a screen after a power cut.
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      await page.goto(`${url}/display/${branch}?run=${i}`, { waitUntil: 'commit' });
      const at = await page.waitForFunction(
        () => {
          const main = document.querySelector('bb-lobby')?.shadowRoot?.querySelector('main[aria-busy="false"]');
          return main && main.querySelector('*') ? performance.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 15_000 },
      );
      live.push((await at.jsonValue()) as number);
      fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { live, fcp };
}

export function paintRows(r: { live: number[]; fcp: number[] }): Row[] {
  return [
    {
      what: 'lobby: navigation → live data painted, p50 / max (ms)',
      value: `${fmt(pct(r.live, 50))} / ${fmt(Math.max(...r.live))}`,
      reference: `${fmt(pct(r.fcp, 50))} / ${fmt(Math.max(...r.fcp))}`,
      ratio: ratio(pct(r.live, 50), pct(r.fcp, 50)),
      note: `target ≤ 300 ms; reference: first contentful paint of the HTML shell; ${r.live.length} cold loads in Chromium`,
    },
  ];
}
