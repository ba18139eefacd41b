/**
 * Where the lobby's first live paint goes: a Chromium trace of cold loads of /display/<branch>,
 * summed by kind of main-thread work (script compile and run, style, layout, paint, HTML parse)
 * and the resource timings of the page and its scripts. `npx tsx test/bench/paint-trace.ts [runs]`
 * (builds nothing: run `npx vite build` first). An aid to the paint bench (test/bench/paint.ts).
 */
import { join } from 'node:path';
import { launchChromium } from '../support/browser';
import { openDemoBranch, startTestServer } from '../support/server';

const runs = Number(process.argv[2] ?? 5);
const server = await startTestServer({ logLevel: 'silent', distDir: join(import.meta.dirname, '..', '..', 'dist') } as never);
const branch = await openDemoBranch(server, 'trace-0');
const browser = await launchChromium();
const TOP = new Set(['EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'v8.compile', 'EventDispatch', 'RunMicrotasks', 'v8.run']);
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink.user_timing', 'loading'] });
  await page.goto(`${server.url}/display/${branch}?run=${i}`, { waitUntil: 'commit' });
  const live = (await (
    await page.waitForFunction(() => {
      const main = document.querySelector('bb-lobby')?.shadowRoot?.querySelector('main[aria-busy="false"]');
      return main && main.querySelector('*') ? performance.now() : false;
    }, undefined, { polling: 'raf', timeout: 15_000 })
  ).jsonValue()) as number;
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    marks: performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`).join(', '),
    nav: (() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return { responseStart: n.responseStart, responseEnd: n.responseEnd, domInteractive: n.domInteractive, dcl: n.domContentLoadedEventEnd }; })(),
    res: performance.getEntriesByType('resource').map((r) => { const t = r as PerformanceResourceTiming; return `${t.name.split('/').pop()} ${t.startTime.toFixed(0)}→${t.responseEnd.toFixed(0)} (${t.transferSize} B)`; }),
  }));
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: { name: string; ph: string; dur?: number; ts: number; tid: number; args?: { data?: { url?: string } } }[] };
  const navStart = trace.traceEvents.find((e) => e.name === 'navigationStart')?.ts;
  // The page's own renderer thread: the one that ran the lobby's script.
  const mainTids = new Set(trace.traceEvents.filter((e) => e.name === 'v8.evaluateModule' || (e.name === 'EvaluateScript' && /display-/.test(e.args?.data?.url ?? ''))).map((e) => e.tid));
  if (process.env.TIMELINE && navStart) {
    // The renderer's main thread, top-level slices of 2 ms or more, in order (ms after navigation start).
    let end = 0;
    for (const e of trace.traceEvents.filter((x) => mainTids.has(x.tid) && x.ph === 'X' && (x.dur ?? 0) >= 1000 && (x.ts - navStart) < live * 1000 + 20_000).sort((a, b) => a.ts - b.ts)) {
      if (e.ts < end) continue;
      end = e.ts + e.dur!;
      console.log(`    ${((e.ts - navStart) / 1000).toFixed(0).padStart(5)} +${(e.dur! / 1000).toFixed(1).padStart(5)} ${e.name} ${e.args?.data?.url?.split('/').pop() ?? ''}`);
    }
  }
  const sums: Record<string, number> = {};
  const tops: string[] = [];
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !TOP.has(e.name) || !e.dur || e.dur < 1000) continue;
    sums[e.name] = (sums[e.name] ?? 0) + e.dur / 1000;
    if (e.dur > 8000) tops.push(`${e.name}${e.args?.data?.url ? ' ' + e.args.data.url.split('/').pop() : ''} @${navStart ? ((e.ts - navStart) / 1000).toFixed(0) : '?'} ${(e.dur / 1000).toFixed(1)}ms`);
  }
  console.log(`run ${i}: live ${live.toFixed(0)} ms, fcp ${timing.fcp?.toFixed(0)}, nav ${JSON.stringify(timing.nav)}, marks ${timing.marks}`);
  console.log('  resources:', timing.res.join('; '));
  console.log('  sums (ms, events ≥1 ms, nested counted twice):', Object.entries(sums).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  console.log('  long:', tops.join('; '));
  await context.close();
}
await browser.close();
await server.stop();
process.exit(0);
