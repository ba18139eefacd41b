import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchConfig } from '../../core';
import { launchChromium } from '../support/browser';
import { PROMISED } from '../support/configs';
import { tellerAndLobby } from '../support/lobby-suite';
import { screenshotDir } from '../support/screenshots';
import { key, loginAs, startTestServer } from '../support/server';

/**
 * The lobby as a customer sees it when something is off: fewer counters than planned with no
 * notice, the promise passed, a call out of turn with its reason, a transfer, and the board's
 * fixed mistakes. Each scene on its own branch, on a 1920×1080 TV, in Italian and English.
 */
describe('lobby: every wait has its cause on screen', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let teller: Awaited<ReturnType<typeof loginAs>>;
  let lobby: Page;
  let n = 0;
  /** Commands are stamped with this clock; a scene moves it back to have tickets issued earlier. */
  let offset = 0;
  const shots = screenshotDir();

  beforeAll(async () => {
    server = await startTestServer({ ticketsPerMinute: 10_000 }, { commandClock: () => Date.now() + offset });
    browser = await launchChromium();
    ({ teller, lobby } = await tellerAndLobby(server, browser, 'causes'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function branch(config: BranchConfig = PROMISED): Promise<string> {
    const id = `causes-${++n}`;
    await server.commands.openBranch(id, { ...config, id, name: 'Filiale Centro — Via Roma 1' }, { role: 'system' });
    return id;
  }
  const issue = async (b: string, service = 'teller') =>
    (await request(server.url).post(`/api/branches/${b}/tickets`).set('Idempotency-Key', key()).send({ service })).body.ticket as { id: string; number: string };
  const act = async (b: string, counter: string, action: string, body: object = {}) => {
    const res = await teller.post(`/api/branches/${b}/counters/${counter}/${action}`).set('Idempotency-Key', key()).send(body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  const post = async (b: string, body: object) => (await teller.post(`/api/branches/${b}/notices`).set('Idempotency-Key', key()).send(body)).body.notice as { id: string };
  const open = async (b: string) => {
    await lobby.goto(`${server.url}/display/${b}`);
    await lobby.locator('bb-now-serving h2').waitFor();
  };
  const text = (testid: string) => lobby.locator(`[data-testid="${testid}"]`).first().innerText();

  it('1 of 4 counters open and 10 waiting, no notice: said beside the waiting count, and no green "No notices"', async () => {
    const b = await branch();
    await act(b, '1', 'open');
    for (let i = 0; i < 10; i++) await issue(b, i % 3 ? 'teller' : 'advice');
    await open(b);
    await expect.poll(() => text('capacity')).toContain('1 sportello aperto su 4');
    expect(await text('capacity')).toContain('1 of 4 counters open');
    expect(await lobby.locator('[data-testid="no-notices"]').count()).toBe(0);
    expect(await text('degraded')).toContain('Servizio ridotto');
    await lobby.screenshot({ path: join(shots, 'causes-capacity-no-notice.png') });
  });

  it('the promise beside the waiting count, and when it is passed, how many wait past it', async () => {
    offset = -20 * 60_000;
    const b = await branch();
    await issue(b);
    await issue(b);
    offset = 0;
    for (const c of ['1', '2', '3', '4']) await act(b, c, 'open');
    await issue(b);
    await open(b);
    const teller = lobby.locator('[data-testid="promise"][data-service="teller"]');
    await expect.poll(() => teller.innerText()).toContain('Promessa: entro 15 min');
    expect(await teller.innerText()).toContain('Our promise: within 15 min');
    expect(await teller.getAttribute('data-status')).toBe('missed');
    expect(await text('promise-missed')).toContain('2 persone attendono da più di 15 min');
    // No promise for advice: nothing claimed.
    expect(await lobby.locator('[data-testid="promise"][data-service="advice"]').count()).toBe(0);
    // All four counters open: capacity is fine, but the promise missed is still "degraded".
    expect(await lobby.locator('[data-testid="capacity"]').count()).toBe(0);
    expect(await text('degraded')).toContain('Cassa: 2 persone attendono da più di 15 min');
    await lobby.screenshot({ path: join(shots, 'causes-promise-passed.png') });
  });

  it('fixed: the reduced-service card stays beside an unrelated notice (a printer at counter 3), and goes when a notice says the same', async () => {
    offset = -20 * 60_000;
    const b = await branch();
    for (let i = 0; i < 3; i++) await issue(b);
    offset = 0;
    for (const c of ['1', '3']) await act(b, c, 'open');
    await open(b);
    const degraded = lobby.locator('bb-notice-board [data-testid="degraded"]');
    await expect.poll(() => degraded.count()).toBe(1);
    // The printer: slower service at one counter. It says nothing of counters 2 and 4 nor of the teller wait.
    const printer = await post(b, { presetId: 'long-transaction', counterId: '3', text: { it: 'La stampante delle ricevute è inceppata.', en: 'The receipt printer is jammed.' } });
    await lobby.locator(`[data-testid="notice"][data-notice-id="${printer.id}"]`).waitFor();
    expect(await degraded.count()).toBe(1);
    await expect.poll(() => degraded.innerText()).toContain('Servizio ridotto');
    const card = await degraded.innerText();
    expect(card).toContain('Servizio ridotto');
    expect(card).toContain('2 sportelli aperti su 4');
    expect(card).toContain('Cassa: 3 persone attendono da più di 15 min');
    // Under the notice, on the same page, both whole (the card drawn smaller, neither cut at the column's foot).
    const notice = lobby.locator('[data-testid="notice"]').first();
    const list = lobby.locator('bb-notice-board .list');
    await expect.poll(async () => {
      const [d, n, l] = await Promise.all([degraded.boundingBox(), notice.boundingBox(), list.boundingBox()]);
      return n!.y + n!.height <= d!.y && d!.y + d!.height <= l!.y + l!.height + 1;
    }).toBe(true);
    expect(await lobby.locator('bb-notice-board bb-notice-card[data-part]').count()).toBe(0);
    await lobby.screenshot({ path: join(shots, 'causes-fixed-degraded-beside-notice.png') });
    // "Short-staffed" for the whole branch (reduced service) says both facts: the card goes.
    await post(b, { presetId: 'short-staffed' });
    await expect.poll(() => degraded.count()).toBe(0);
  });

  it('fixed: no "estimate available soon" while nobody has been served: the longest wait so far instead', async () => {
    offset = -32 * 60_000;
    const b = await branch();
    for (let i = 0; i < 3; i++) await issue(b);
    offset = 0;
    await act(b, '1', 'open');
    await open(b);
    const row = lobby.locator('[data-testid="wait-unknown"]').first();
    const teller = lobby.locator('[data-testid="wait-estimate"][data-service="teller"] [data-testid="wait-unknown"]');
    await expect.poll(() => teller.getAttribute('data-message')).toBe('lobby.estimateNoneLongest');
    expect(await teller.innerText()).toMatch(/Ancora nessuna stima · attesa più lunga ora 3[23] min\s+No estimate yet · longest wait now 3[23] min/);
    expect(await row.innerText()).not.toMatch(/a breve|soon/);
    await lobby.screenshot({ path: join(shots, 'causes-fixed-no-estimate-longest-wait.png') });
    // A ticket just taken, for a service nobody else waits for: why there is no figure, no promise of one.
    const b2 = await branch();
    await act(b2, '1', 'open');
    await issue(b2);
    await open(b2);
    const fresh = lobby.locator('[data-testid="wait-estimate"][data-service="teller"] [data-testid="wait-unknown"]');
    await expect.poll(() => fresh.getAttribute('data-message')).toBe('lobby.estimateNoHistory');
    expect(await fresh.innerText()).toMatch(/Ancora nessuna stima: pochi clienti serviti oggi\s+No estimate yet: too few customers served today/);
  });

  it('fixed: no counter open with people waiting says the longest wait now, on the lobby and on the phone ticket', async () => {
    offset = -21 * 60_000;
    const b = await branch();
    const first = (await request(server.url).post(`/api/branches/${b}/tickets`).set('Idempotency-Key', key()).send({ service: 'teller' })).body as { phone: { path: string } };
    offset = 0;
    await issue(b);
    await open(b);
    const teller = lobby.locator('[data-testid="wait-estimate"][data-service="teller"] [data-testid="wait-unknown"]');
    await expect.poll(() => teller.getAttribute('data-message')).toBe('lobby.estimateNoCounterLongest');
    expect(await teller.innerText()).toMatch(/Nessuno sportello aperto per questo servizio · attesa più lunga ora 2[12] min\s+No counter open for this service · longest wait now 2[12] min/);
    await lobby.screenshot({ path: join(shots, 'causes-fixed-no-counter-longest-wait.png') });
    // The phone of the first ticket says the same, in its reader's language.
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', isMobile: true })).newPage();
    await phone.goto(`${server.url}${first.phone.path}`);
    await expect.poll(() => phone.locator('[data-testid="ticket-estimate"]').innerText(), { timeout: 20_000 }).toMatch(/^No counter open for this service · longest wait now 2[12] min$/);
    await phone.screenshot({ path: join(shots, 'phone-no-counter-longest-wait.png') });
    await phone.context().close();
  });

  it('a call out of turn shows its reason: "A002 → Sportello 2 · su appuntamento / by appointment"', async () => {
    const b = await branch();
    await issue(b);
    const a2 = await issue(b);
    await open(b);
    await act(b, '2', 'call', { ticketId: a2.id, reason: 'appointment' });
    const call = lobby.locator('[data-testid="call"][data-ticket="A002"]');
    await call.waitFor();
    expect(await call.locator('[data-testid="call-why"]').innerText()).toMatch(/su appuntamento\s+by appointment/);
    // Priority is said as one word: nobody's condition is announced to the room.
    const a3 = await issue(b);
    await act(b, '1', 'call', { ticketId: a3.id, reason: 'priority_pregnancy' });
    await expect.poll(() => lobby.locator('[data-testid="call"][data-ticket="A003"] [data-testid="call-why"]').innerText()).toMatch(/precedenza\s+priority/);
    await lobby.waitForTimeout(6500); // past the highlight, as the room sees it most of the time
    await lobby.screenshot({ path: join(shots, 'causes-out-of-turn.png') });
  });

  it('a transfer keeps the number, and the call at the new service says it was transferred', async () => {
    const b = await branch();
    await issue(b);
    await issue(b, 'advice');
    await act(b, '1', 'call-next');
    await open(b);
    await lobby.locator('[data-testid="call"][data-ticket="A001"][data-counter="1"]').waitFor();
    await act(b, '1', 'transfer', { service: 'advice' });
    await act(b, '4', 'call-next');
    const call = lobby.locator('[data-testid="call"][data-ticket="A001"][data-counter="4"]');
    await call.waitFor();
    expect(await call.locator('[data-testid="call-why"]').innerText()).toMatch(/Consulenza · trasferito\s+Advice · transferred/);
    expect(await lobby.locator('[data-testid="call"][data-counter="1"]').count()).toBe(0);
    await lobby.waitForTimeout(6500);
    await lobby.screenshot({ path: join(shots, 'causes-transfer.png') });
  });

  it('fixed: a counter-closed notice no longer takes the customer at that counter off "now serving", during or after', async () => {
    const b = await branch();
    await issue(b);
    await act(b, '2', 'call-next');
    await open(b);
    await lobby.locator('[data-testid="call"][data-ticket="A001"]').waitFor();
    const notice = await post(b, { presetId: 'computer-fault', counterId: '2' });
    await lobby.locator('[data-testid="notice"]').waitFor();
    expect(await lobby.locator('[data-testid="call"][data-ticket="A001"]').count()).toBe(1);
    await lobby.screenshot({ path: join(shots, 'causes-fixed-closed-notice-keeps-call.png') });
    await teller.post(`/api/branches/${b}/notices/${notice.id}/resolve`).set('Idempotency-Key', key()).send({});
    await lobby.locator('[data-testid="notice"][data-status="resolved"]').waitFor();
    expect(await lobby.locator('[data-testid="call"][data-ticket="A001"]').count()).toBe(1);
  });

  it('fixed: all counters closed after a day of service says so, not "No tickets called yet"', async () => {
    const b = await branch();
    for (let i = 0; i < 3; i++) await issue(b);
    for (let i = 0; i < 3; i++) await act(b, '1', 'call-next');
    await act(b, '1', 'close');
    await open(b);
    await expect.poll(() => text('serving-empty')).toContain('Tutti gli sportelli sono chiusi');
    expect(await text('serving-empty')).not.toContain('Nessun biglietto');
    await lobby.screenshot({ path: join(shots, 'causes-fixed-all-closed.png') });
  });

  it('fixed: pausing keeps the customer at the counter, on its tile and on "now serving"', async () => {
    const b = await branch();
    await issue(b);
    await act(b, '3', 'call-next');
    await open(b);
    await act(b, '3', 'pause', { backInMinutes: 10 });
    const tile = lobby.locator('[data-testid="counter"][data-counter="3"]');
    await expect.poll(() => tile.getAttribute('data-status')).toBe('paused');
    expect(await tile.innerText()).toContain('A001');
    expect(await lobby.locator('[data-testid="call"][data-ticket="A001"]').count()).toBe(1);
  });

  it('fixed: an update typed in Italian keeps the English text of the preset and is marked "in Italian"', async () => {
    const b = await branch();
    const notice = await post(b, { presetId: 'network-slow' });
    await open(b);
    await teller.patch(`/api/branches/${b}/notices/${notice.id}`).set('Idempotency-Key', key()).send({ text: { it: 'Il tecnico arriva alle 10:30.' } });
    await expect.poll(() => text('notice-note')).toContain('Il tecnico arriva alle 10:30.');
    const card = await text('notice');
    expect(card).toContain('The network is slow');
    expect(card).toContain('La rete è lenta');
    expect(await text('note-lang')).toMatch(/in Italian/);
    await lobby.screenshot({ path: join(shots, 'causes-fixed-typed-note.png') });
  });

  it('resolved with what the branch does so it does not happen again', async () => {
    const b = await branch();
    const notice = await post(b, { presetId: 'card-reader', counterId: '2' });
    await open(b);
    await teller
      .post(`/api/branches/${b}/notices/${notice.id}/resolve`)
      .set('Idempotency-Key', key())
      .send({ prevention: { it: 'Abbiamo sostituito il lettore.', en: 'We have replaced the reader.' } });
    await expect.poll(() => text('notice-prevention')).toContain('Abbiamo sostituito il lettore.');
    expect(await text('notice-prevention')).toContain('So it does not happen again');
    // Written in every language of the screen: nothing to mark.
    expect(await lobby.locator('[data-testid="notice-prevention"] [data-testid="note-lang"]').count()).toBe(0);
    await lobby.screenshot({ path: join(shots, 'causes-resolved-prevention.png') });
  });

  it('fixed: a prevention written in Italian only (the tablet\'s "Written in") is marked "in Italian" for the English readers, as the closing words are', async () => {
    const b = await branch();
    const notice = await post(b, { presetId: 'card-reader', counterId: '2' });
    await open(b);
    await teller
      .post(`/api/branches/${b}/notices/${notice.id}/resolve`)
      .set('Idempotency-Key', key())
      .send({ text: { it: 'Il lettore funziona di nuovo.' }, prevention: { it: 'Teniamo un lettore di riserva.' } });
    const prevention = lobby.locator('[data-testid="notice-prevention"]');
    await expect.poll(() => prevention.innerText()).toContain('Teniamo un lettore di riserva.');
    expect(await lobby.locator('[data-testid="notice-note"] [data-testid="note-lang"]').innerText()).toMatch(/in Italian/);
    const mark = prevention.locator('[data-testid="note-lang"]');
    expect(await mark.count()).toBe(1);
    expect(await mark.innerText()).toMatch(/in Italian/);
    expect(await mark.innerText()).not.toMatch(/in italiano/);
    await lobby.screenshot({ path: join(shots, 'causes-resolved-prevention-one-language.png') });
  });

  it('fixed: "Called again" no longer pushes the counter name onto two lines', async () => {
    const b = await branch({ ...PROMISED, counters: PROMISED.counters.map((c) => ({ ...c, name: { it: `Sportello ${c.id}0`, en: `Counter ${c.id}0` } })) });
    for (let i = 0; i < 3; i++) await issue(b);
    for (const c of ['1', '2']) await act(b, c, 'call-next');
    await open(b);
    await lobby.locator('[data-testid="call"]').nth(1).waitFor();
    // Counter 1 calls its customer again, and at once counter 2 calls the next: the repeated call,
    // still highlighted, is now a second row, its names side by side beside the tag.
    await act(b, '1', 'recall');
    await act(b, '2', 'call-next');
    await lobby.locator('[data-testid="call"][data-ticket="A003"]').waitFor();
    await lobby.locator('[data-testid="call-recall"]').waitFor();
    // Every name line of every call stays one line: the tag sits beneath the name, not beside it.
    const lines = await lobby.locator('[data-testid="call"] .counter').evaluateAll((els) =>
      els.flatMap((el) =>
        [...el.querySelectorAll('.l0, .l1')].map((line) => {
          const r = document.createRange();
          r.selectNodeContents(line);
          return `${line.textContent}: ${new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size}`;
        }),
      ),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => !l.endsWith(': 1'))).toEqual([]);
    await lobby.screenshot({ path: join(shots, 'causes-fixed-called-again.png') });
  });
});
