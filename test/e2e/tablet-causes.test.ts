import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/passwords';
import { Users } from '../../server/auth/users';
import { launchChromium } from '../support/browser';
import { PROMISED } from '../support/configs';
import { screenshotDir } from '../support/screenshots';
import { branchState, key, loginAs, startTestServer } from '../support/server';

/**
 * The teller's tablet tells them what the room has not been told: waits past the promise with the
 * likely cause and its preset in one tap, a transaction far longer than usual; and it no longer
 * calls a late counter "paused until", nor silently finishes the customer when pausing.
 */
describe('tablet: causes the room should hear', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let tablet: Page;
  let lobby: Page;
  let offset = 0;
  const shots = screenshotDir();
  const B = 'causes-tablet';

  beforeAll(async () => {
    server = await startTestServer({ ticketsPerMinute: 10_000 }, { commandClock: () => Date.now() + offset });
    const users = new Users(server.sql);
    await users.create({ username: 'setup', name: 'Setup', role: 'teller', branches: ['*'] }, await hashPassword('setup-pass'), Date.now());
    await users.create({ username: 'anna', name: 'Anna', role: 'teller', branches: [B] }, await hashPassword('anna-pass'), Date.now());
    const setup = await loginAs(server.url, 'setup', 'setup-pass');
    const act = (counter: string, action: string, body: object = {}) =>
      setup.post(`/api/branches/${B}/counters/${counter}/${action}`).set('Idempotency-Key', key()).send(body);
    // Twenty-five minutes ago: three customers came, the first went to counter 1, which then paused for 10 minutes.
    offset = -25 * 60_000;
    await server.commands.openBranch(B, { ...PROMISED, id: B, name: 'Filiale Centro' }, { role: 'system' });
    for (let i = 0; i < 3; i++) await request(server.url).post(`/api/branches/${B}/tickets`).set('Idempotency-Key', key()).send({ service: 'teller' });
    await act('1', 'call-next');
    await act('1', 'pause', { backInMinutes: 10 });
    offset = 0;

    browser = await launchChromium();
    tablet = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', hasTouch: true })).newPage();
    lobby = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' })).newPage();
    await lobby.goto(`${server.url}/display/${B}`);
    await tablet.goto(`${server.url}/admin/`);
    await tablet.locator('[data-testid="login-username"]').fill('anna');
    await tablet.locator('[data-testid="login-password"]').fill('anna-pass');
    await tablet.locator('[data-testid="login-submit"]').click();
    await tablet.locator('[data-testid="pick-counter"][data-counter="1"]').click();
    await tablet.locator('[data-testid="call-next"]').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('fixed: the counter badge says the counter is late once its "back at" has passed (was: "Paused until" forever)', async () => {
    const status = tablet.locator('[data-testid="counter-status"]');
    await expect.poll(() => status.innerText()).toMatch(/^Late: was due back at \d\d:\d\d$/);
  });

  it('waits past the promise with no notice: the alert names the likely cause (the late counter) and posts its preset in one tap', async () => {
    const alert = tablet.locator('[data-testid="promise-alert"][data-service="teller"]');
    await alert.waitFor();
    expect(await alert.getAttribute('data-cause')).toBe('counter_late');
    expect(await alert.innerText()).toMatch(/Teller: waits have passed the 15-minute promise/);
    expect(await alert.locator('[data-testid="likely-cause"]').innerText()).toMatch(/Likely cause: Counter 1 was due back at \d\d:\d\d/);
    await tablet.screenshot({ path: join(shots, 'causes-tablet-alerts.png') });
    await alert.locator('[data-testid="post-suggested"]').click();
    await expect.poll(() => tablet.locator('[data-testid="promise-alert"]').count()).toBe(0);
    const posted = (await branchState(server.url, B)).notices.find((n) => n.presetId === 'colleague-late');
    expect(posted).toMatchObject({ status: 'active', scope: { type: 'counters', ids: ['1'] } });
  });

  it('a customer at the counter far longer than usual: "Operation longer than usual — tell the room?"; one tap posts long_transaction, which ends with the service', async () => {
    const prompt = tablet.locator('[data-testid="long-transaction"]');
    await prompt.waitFor();
    expect(await prompt.innerText()).toMatch(/A001 has been at your counter for 2\d min/);
    await prompt.locator('[data-testid="long-post"]').click();
    await expect.poll(() => prompt.count()).toBe(0);
    await lobby.locator('[data-testid="notice"][data-cause="long_transaction"]').waitFor();
    await lobby.screenshot({ path: join(shots, 'causes-long-transaction-lobby.png') });
    await tablet.locator('[data-testid="done"]').click();
    await expect
      .poll(async () => (await branchState(server.url, B)).notices.find((n) => n.cause === 'long_transaction')?.status)
      .toBe('resolved');
  });

  it('fixed: pausing with a customer at the counter asks whether they stay; keeping them keeps the ticket at the counter', async () => {
    await tablet.locator('[data-testid="call-next"]').click();
    await expect.poll(() => tablet.locator('[data-testid="current-ticket"]').getAttribute('data-ticket')).toBe('A002');
    // The colleague is here: calling at counter 1 ends its "colleague late" notice, and the toast says so (QA teller-8).
    await expect.poll(() => tablet.locator('[data-testid="toast"][data-kind="ok"]').last().innerText()).toMatch(/A002.*notice resolved/);
    await tablet.screenshot({ path: join(shots, 'causes-tablet-call-ends-notice.png') });
    expect((await branchState(server.url, B)).notices.find((n) => n.presetId === 'colleague-late')).toMatchObject({ status: 'resolved', resolution: { at: expect.any(Number) } });
    await lobby.locator('[data-testid="notice"][data-status="resolved"][data-cause="staff_late"]').waitFor();
    await tablet.locator('[data-testid="pause"]').click();
    await tablet.locator('[data-testid="pause-minutes"][data-minutes="5"]').click();
    const ask = tablet.locator('[data-testid="pause-ask"]');
    await ask.waitFor();
    expect(await ask.innerText()).toContain('A002 is still at your counter');
    await tablet.screenshot({ path: join(shots, 'causes-tablet-pause-ask.png') });
    await ask.locator('[data-testid="pause-keep"]').click();
    await expect.poll(async () => (await branchState(server.url, B)).counters['1']).toMatchObject({ status: 'paused', ticketId: expect.any(String) });
    expect(await tablet.locator('[data-testid="current-ticket"]').getAttribute('data-ticket')).toBe('A002');
  });

  it('a no-show can be undone for a few minutes', async () => {
    await tablet.locator('[data-testid="open"]').click();
    await tablet.locator('[data-testid="no-show"]').click();
    const undo = tablet.locator('[data-testid="undo-no-show"]');
    await undo.waitFor();
    expect(await undo.innerText()).toContain('A002');
    await undo.click();
    await expect.poll(() => tablet.locator('[data-testid="current-ticket"]').getAttribute('data-ticket')).toBe('A002');
  });

  it('a specific ticket called with its reason, then transferred: the lobby shows why, and the same number', async () => {
    await request(server.url).post(`/api/branches/${B}/tickets`).set('Idempotency-Key', key()).send({ service: 'teller' });
    await tablet.locator('[data-testid="call-specific"]').click();
    await tablet.locator('[data-testid="call-ticket"][data-ticket="A004"]').click();
    await tablet.locator('[data-testid="call-reason"][data-reason="appointment"]').click();
    await expect.poll(() => tablet.locator('[data-testid="current-ticket"]').getAttribute('data-ticket')).toBe('A004');
    await lobby.locator('[data-testid="call"][data-ticket="A004"] [data-testid="call-why"]').waitFor();
    expect(await lobby.locator('[data-testid="call"][data-ticket="A004"] [data-testid="call-why"]').innerText()).toMatch(/su appuntamento/);
    await tablet.locator('[data-testid="transfer"]').click();
    await tablet.locator('[data-testid="transfer-service"][data-service="advice"]').click();
    await expect.poll(async () => Object.values((await branchState(server.url, B)).tickets).find((x) => x.number === 'A004')?.service).toBe('advice');
    await tablet.screenshot({ path: join(shots, 'causes-tablet-moves.png') });
  });
});
