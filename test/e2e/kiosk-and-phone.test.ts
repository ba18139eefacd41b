import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { freePort, PUBLIC_URL, ServerProcess } from '../support/process-server';
import { screenshotDir } from '../support/screenshots';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import '../../ui/i18n/parts/public-board';
import { t } from '../../ui/i18n/localize';
import { whenArgs } from '../../ui/time/when';
import type { WaitEstimates } from '../../core';
import { connectStream, DEMO_PASSWORD, key, removeDir, tempDataDir } from '../support/server';

const shots = screenshotDir();

/** The QR code's text in a page rendered as a binary PGM (pdftoppm -gray): what a phone's camera reads off the paper. */
function readQr(pgmPath: string): string | null {
  const pgm = readFileSync(pgmPath);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary 8-bit PGM');
  const [w, h] = [Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) rgba.set([grey[i]!, grey[i]!, grey[i]!, 255], i * 4);
  return jsQR(rgba, w, h)?.data ?? null;
}
/** Everything here waits for what the page shows, never for a time: generous under a loaded machine. */
const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

/**
 * Issue 11 in real Chromium: a customer takes a ticket at the kiosk, opens the phone ticket from
 * the QR code's address, watches the place count down as tellers call, and gets "your turn".
 */
describe('kiosk → phone ticket', () => {
  let server: ServerProcess;
  let browser: Browser;
  let kiosk: Page;
  let phone: Page;
  let teller: ReturnType<typeof request.agent>;
  const dataDir = tempDataDir();

  const api = (path: string, body: unknown = {}) =>
    teller.post(`/api/branches/demo${path}`).set('Idempotency-Key', key()).send(body as object);
  const issue = async (service = 'teller') => {
    const res = await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service });
    expect(res.status).toBe(201);
    return res.body as { seq: number; ticket: { id: string; number: string }; phone: { token: string; path: string } };
  };

  beforeAll(async () => {
    server = new ServerProcess(await freePort(), dataDir);
    await server.start();
    teller = request.agent(server.url);
    await teller.post('/api/session').send({ username: 'teller1', password: DEMO_PASSWORD }).expect(200);
    // Counters 1–3 open; three customers served, so today's service times are known.
    for (const c of ['1', '2', '3']) await api(`/counters/${c}/open`).expect(200);
    for (let i = 0; i < 3; i++) {
      await issue();
      await api('/counters/1/call-next').expect(200);
      await api('/counters/1/done').expect(200);
    }
    browser = await launchChromium();
    kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'it-IT', hasTouch: true })).newPage();
    phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', isMobile: true, hasTouch: true })).newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    removeDir(dataDir);
  });

  it('the kiosk offers the open services in the branch’s languages, and says why one is unavailable', async () => {
    await kiosk.goto(`${server.url}/kiosk/demo`);
    const teller = kiosk.locator('[data-testid="kiosk-service"][data-service="teller"]');
    await teller.waitFor();
    expect(await teller.getAttribute('data-available')).toBe('true');
    await until(() => teller.innerText()).toContain('Cassa');
    // Advice is served at counters 3 and 4; close 3 and it has no counter.
    await api('/counters/3/close').expect(200);
    const advice = kiosk.locator('[data-testid="kiosk-service"][data-service="advice"]');
    await until(() => advice.getAttribute('data-available')).toBe('false');
    expect(await advice.innerText()).toContain('nessuno sportello aperto');
    await kiosk.locator('[data-testid="kiosk-lang"][data-lang="en"]').click();
    await until(() => advice.innerText()).toContain('no counter is open');
    await until(() => teller.innerText()).toContain('Teller');
    expect(await seriousViolations(kiosk)).toEqual([]);
    await kiosk.screenshot({ path: join(shots, 'kiosk-portrait.png') });
    await kiosk.setViewportSize({ width: 1280, height: 800 });
    await kiosk.screenshot({ path: join(shots, 'kiosk-landscape.png') });
    await kiosk.setViewportSize({ width: 1080, height: 1920 });
  }, 120_000);

  it('a ticket taken at the kiosk opens on the phone from its QR code and counts down to “your turn”', async () => {
    await issue();
    await issue();
    // A notice about the whole branch touches the teller service: the ticket shows it.
    const posted = await api('/notices', { presetId: 'cash-delivery' }).expect(201);
    const noticeId = (posted.body as { notice: { id: string } }).notice.id;
    await kiosk.locator('[data-testid="kiosk-service"][data-service="teller"]').click();
    const number = await kiosk.locator('[data-testid="kiosk-ticket-number"]').innerText();
    expect(number).toBe('A006');
    await until(() => kiosk.locator('[data-testid="kiosk-ahead"]').getAttribute('data-ahead')).toBe('2');
    await until(() => kiosk.locator('[data-testid="kiosk-estimate"]').innerText()).toContain('Estimated wait');
    const qr = kiosk.locator('[data-testid="kiosk-qr"]');
    const qrUrl = (await qr.getAttribute('data-url')) ?? '';
    expect(qrUrl).toMatch(new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/t/[A-Za-z0-9_-]{22}$`));
    await until(() => kiosk.locator('[data-testid="kiosk-notices"]').innerText()).toContain('Cash delivery in progress');
    expect(await seriousViolations(kiosk)).toEqual([]);
    await kiosk.screenshot({ path: join(shots, 'kiosk-ticket.png') });

    // The printed slip: 80 mm, as Chromium prints it (here to PDF, then to PNG to look at).
    await kiosk.emulateMedia({ media: 'print' });
    const pdf = await kiosk.pdf({ preferCSSPageSize: true, printBackground: true });
    await kiosk.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfPath = join(mkdtempSync(join(tmpdir(), 'branchboard-print-')), 'ticket.pdf');
    writeFileSync(pdfPath, pdf);
    // pdftoppm (poppler-utils; .ci/run installs it) renders it as the paper would look.
    execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdfPath, join(shots, 'kiosk-printed-ticket')]);
    expect(existsSync(join(shots, 'kiosk-printed-ticket.png'))).toBe(true);
    execFileSync('pdftoppm', ['-gray', '-r', '150', '-singlefile', pdfPath, pdfPath.replace(/\.pdf$/, '')]);
    // One page, 80 mm wide (472.4 px at 150 dpi) and 150 mm long, as the print CSS says.
    expect(/\/Type\s*\/Pages[^>]*\/Count 1\b/.test(pdf.toString('latin1'))).toBe(true);
    const size = /^P5\s+(\d+)\s+(\d+)/.exec(readFileSync(pdfPath.replace(/\.pdf$/, '.pgm')).subarray(0, 32).toString('latin1'))!;
    // (pdftoppm rounds a page's pixels up.)
    expect(Math.abs(Number(size[1]) - (80 / 25.4) * 150)).toBeLessThan(1);
    expect(Math.abs(Number(size[2]) - (150 / 25.4) * 150)).toBeLessThan(1);
    // The printed QR code holds the phone ticket's address.
    const printedUrl = readQr(pdfPath.replace(/\.pdf$/, '.pgm'));
    expect(printedUrl).toBe(qrUrl);

    // The phone opens the address the printed QR code holds (on this test server instead of the public one).
    // What it does when the turn comes is watched (the real vibrate and Web Audio still run).
    await phone.context().addInitScript(() => {
      const w = window as unknown as { vibrations: unknown[]; chimes: number };
      w.vibrations = [];
      w.chimes = 0;
      const vibrate = navigator.vibrate?.bind(navigator);
      navigator.vibrate = ((pattern: VibratePattern) => (w.vibrations.push(pattern), vibrate ? vibrate(pattern) : false)) as Navigator['vibrate'];
      const oscillator = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        w.chimes++;
        return oscillator.call(this);
      };
    });
    await phone.goto(printedUrl!.replace(PUBLIC_URL, server.url));
    await until(() => phone.locator('[data-testid="ticket-number"]').innerText()).toBe('A006');
    const ahead = phone.locator('[data-testid="people-ahead"]');
    await until(() => ahead.getAttribute('data-ahead')).toBe('2');
    expect(await ahead.innerText()).toBe('2 people ahead of you');
    await until(() => phone.locator('[data-testid="ticket-estimate"]').getAttribute('data-known')).toBe('true');
    expect(await phone.title()).toBe('Ticket A006');
    expect(await phone.locator('[data-testid="ticket-notices"]').innerText()).toContain('Cash delivery in progress');
    // The teller adds a line (in English only: a note) and a new expected end: the phone says both, as the TV does.
    const updated = await teller
      .patch(`/api/branches/demo/notices/${noticeId}`)
      .set('Idempotency-Key', key())
      .send({ text: { en: 'The van is here: counting takes 20 minutes more.' }, expectedInMinutes: 20 })
      .expect(200);
    const { expectedEndAt, updates } = (updated.body as { notice: { expectedEndAt: number; updates: { at: number }[] } }).notice;
    const at = (moment: number) => whenArgs({ at: moment, now: Date.now(), timeZone: DEMO_BRANCH.timezone })('en');
    const item = phone.locator('[data-testid="ticket-notice"]').first();
    await until(() => item.locator('[data-testid="ticket-notice-note"]').innerText()).toBe('The van is here: counting takes 20 minutes more.');
    expect(await item.locator('[data-testid="ticket-notice-expected"]').innerText()).toBe(t('en', 'lobby.expectedAt', at(expectedEndAt)));
    expect(await item.locator('[data-testid="ticket-notice-updated"]').innerText()).toBe(t('en', 'lobby.updatedAt', at(updates.at(-1)!.at)));
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.screenshot({ path: join(shots, 'phone-ticket-waiting.png'), fullPage: true });
    // Sound on (a tap: browsers allow sound only after one).
    await phone.locator('[data-testid="sound"]').click();
    await until(() => phone.locator('[data-testid="sound"]').getAttribute('aria-pressed')).toBe('true');

    await api('/counters/1/call-next').expect(200);
    await until(() => ahead.getAttribute('data-ahead')).toBe('1');
    await api('/counters/2/call-next').expect(200);
    await until(() => ahead.innerText()).toBe('You are next');
    await api('/counters/1/call-next').expect(200);
    const turn = phone.locator('[data-testid="your-turn"]');
    await turn.waitFor({ timeout: 20_000 });
    expect(await turn.innerText()).toContain('It’s your turn: Counter 1');
    expect(await phone.title()).toBe('▶ Your turn: Counter 1');
    // It vibrated and chimed (two tones) once; called again, it does so again.
    const alerts = () => phone.evaluate(() => { const w = window as unknown as { vibrations: unknown[]; chimes: number }; return { vibrations: w.vibrations.length, chimes: w.chimes }; });
    await until(alerts).toEqual({ vibrations: 1, chimes: 2 });
    expect(await phone.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations[0])).toEqual([300, 150, 300, 150, 600]);
    await api('/counters/1/recall').expect(200);
    await until(alerts).toEqual({ vibrations: 2, chimes: 4 });
    expect(await turn.innerText()).toContain('It’s your turn: Counter 1');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.screenshot({ path: join(shots, 'phone-ticket-your-turn.png'), fullPage: true });
    await api('/counters/1/done').expect(200);
    await until(() => phone.locator('[data-testid="ticket-over"]').getAttribute('data-status')).toBe('done');
  }, 120_000);

  it('the estimate responds to counters closing within one update', async () => {
    for (let i = 0; i < 6; i++) await issue();
    const mine = await issue();
    // Every estimate the server sends, in order (each says the branch seq it was made at): on
    // connect with the snapshot, then with the heartbeat after each change.
    const stream = connectStream(server.url, { branch: 'demo' });
    const heard: WaitEstimates[] = [];
    stream.on('snapshot', (m) => void (m.estimates && heard.push(m.estimates)));
    stream.on('tick', (m) => void (m.estimates && heard.push(m.estimates)));
    try {
      await phone.goto(`${server.url}${mine.phone.path}`);
      const estimate = phone.locator('[data-testid="ticket-estimate"]');
      const shown = () => estimate.evaluate((el) => ({ known: el.getAttribute('data-known'), seq: Number(el.getAttribute('data-seq')), waitSec: Number(el.getAttribute('data-wait-sec')) }));
      // The phone shows an estimate made with this ticket in the queue.
      await until(async () => { const x = await shown(); return x.known === 'true' && x.seq >= mine.seq; }).toBe(true);
      const before = (await shown()).waitSec;
      expect(before).toBeGreaterThan(0);
      // Counters 1 and 2 serve tellers (3 was closed above): close 1, leaving one.
      const closed = (await api('/counters/1/close').expect(200)).body as { seq: number };
      // The very first estimate made after the close already takes it in, and the phone shows it.
      await until(() => heard.some((m) => (m.seq ?? 0) >= closed.seq)).toBe(true);
      const first = heard.find((m) => (m.seq ?? 0) >= closed.seq)!;
      const after = first.tickets?.[mine.ticket.id]?.estimate;
      expect(after?.known && after.waitSec).toBeGreaterThan(1.5 * before);
      await until(async () => { const x = await shown(); return x.seq >= closed.seq ? x.waitSec : 0; }).toBeGreaterThan(1.5 * before);
    } finally {
      stream.disconnect();
    }
    await api('/counters/1/open').expect(200);
  }, 120_000);

  it('“I’m not coming any more” gives the place back', async () => {
    const t = await issue();
    await phone.goto(`${server.url}${t.phone.path}`);
    await phone.locator('[data-testid="cancel"]').click();
    await phone.locator('[data-testid="cancel-yes"]').waitFor();
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.screenshot({ path: join(shots, 'phone-ticket-cancel.png') });
    await phone.locator('[data-testid="cancel-yes"]').click();
    await until(() => phone.locator('[data-testid="ticket-over"]').getAttribute('data-status')).toBe('cancelled');
    const state = (await request(server.url).get('/api/branches/demo/state')).body.state as { queues: Record<string, string[]> };
    expect(state.queues.teller).not.toContain(t.ticket.id);
  }, 120_000);
});
