import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import '../../ui/i18n/parts/public-board';
import '../../ui/i18n/parts/kiosk';
import { t } from '../../ui/i18n/localize';
import { languageName } from '../../admin/console/parts/language-names';
import { join } from 'node:path';
import { seriousViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { screenshotDir } from '../support/screenshots';
import { DEMO_PASSWORD, key, loginAs, startTestServer } from '../support/server';

const shots = screenshotDir();
const shot = (name: string) => join(shots, name);
const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

/**
 * A branch in Italian, English and Portuguese — a language the screens have no fixed words in.
 * The console says so when it is chosen; the kiosk names it in itself and shows the staff's
 * Portuguese with the fixed words in English; the lobby asked for it does the same, labelled.
 */
describe('a branch language without the fixed words: console, kiosk and lobby agree', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    await server.commands.openBranch(
      'lisboa',
      {
        ...DEMO_BRANCH,
        id: 'lisboa',
        name: 'Agência Lisboa',
        languages: ['it', 'en', 'pt'],
        presets: [],
        services: DEMO_BRANCH.services.map((s) => ({ ...s, name: { ...s.name, pt: s.id === 'teller' ? 'Caixa' : 'Aconselhamento' } })),
        // Counter 2's sign has its Portuguese name too (the phone's "your turn" says it, marked pt).
        counters: DEMO_BRANCH.counters.map((c) => (c.id === '2' ? { ...c, name: { ...c.name, pt: 'Balcão 2' } } : c)),
      },
      { role: 'system' },
    );
    const staff = await loginAs(server.url, 'admin');
    const res = await staff.post('/api/branches/lisboa/counters/1/open').set('Idempotency-Key', key()).send({});
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the console warns which languages have no translation of the fixed words', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'it-IT' })).newPage();
    await page.goto(`${server.url}/admin/`);
    await page.locator('[data-testid="login-username"]').fill('admin');
    await page.locator('[data-testid="login-password"]').fill(DEMO_PASSWORD);
    await page.locator('[data-testid="login-submit"]').click();
    await page.waitForURL(/#\/console/);
    await page.locator('[data-testid="nav-new-branch"]').click();
    await page.locator('[data-testid="add-language"]').waitFor();
    expect(await page.locator('[data-testid="languages-untranslated"]').count()).toBe(0);
    await page.locator('[data-testid="add-language"]').selectOption('pt');
    await page.locator('[data-testid="add-language-button"]').click();
    const warn = page.locator('[data-testid="languages-untranslated"]');
    await until(() => warn.count()).toBe(1);
    const ui = await page.evaluate(() => document.documentElement.lang || 'it');
    expect(await warn.innerText()).toContain(languageName('pt', ui.split('-')[0]!));
    await page.context().close();
  });

  it('the kiosk names it in itself; chosen, the staff’s Portuguese shows with the fixed words in English', async () => {
    const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'it-IT' })).newPage();
    await kiosk.goto(`${server.url}/kiosk/lisboa`);
    const pt = kiosk.locator('[data-testid="kiosk-lang"][data-lang="pt"]');
    await pt.waitFor();
    expect((await pt.innerText()).trim()).toMatch(/^Portugu[eê]s$/i);
    await pt.click();
    const teller = kiosk.locator('[data-testid="kiosk-service"][data-service="teller"]');
    await until(() => teller.locator('.name').innerText()).toBe('Caixa');
    expect(await kiosk.locator('h1').innerText()).toBe(t('en', 'kiosk.title'));
    // Marked as what they are, for a screen reader: the fixed words English, the staff's name Portuguese.
    expect(await kiosk.locator('html').getAttribute('lang')).toBe('en');
    expect(await kiosk.locator('.screen').getAttribute('lang')).toBe('en');
    expect(await teller.locator('.name').getAttribute('lang')).toBe('pt');
    await kiosk.context().close();
  });

  it('the lobby asked for pt: service names in Portuguese, the fixed words in English labelled "en"', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pt-PT', isMobile: true })).newPage();
    await phone.goto(`${server.url}/display/lisboa?lang=pt`);
    await phone.locator('bb-now-serving h2').waitFor();
    const title = phone.locator('bb-now-serving h2 [lang]').first();
    expect(await title.getAttribute('lang')).toBe('en');
    expect((await title.textContent())?.trim()).toBe(t('en', 'lobby.nowServing'));
    await until(() => phone.locator('bb-waiting-list li[data-service="teller"] .name .l0').textContent()).toBe('Caixa');
    // The phone's switch offers it too, named in itself.
    expect(await phone.locator('[data-testid="language-switch"] option[value="pt"]').innerText()).toMatch(/^Portugu[eê]s$/i);
    // Marked as what it is: the page English, and nothing English under lang="pt" — only the
    // staff's Portuguese names, the date Intl wrote in Portuguese and the switch's "Português".
    expect(await phone.locator('html').getAttribute('lang')).toBe('en');
    const date = new Intl.DateTimeFormat('pt', { timeZone: DEMO_BRANCH.timezone, weekday: 'long', day: 'numeric', month: 'long' }).format(Date.now());
    const markedPt = await phone.locator('[lang="pt"]').evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ''));
    expect(markedPt.filter((x) => !['Caixa', 'Aconselhamento', 'Balcão 2', date].includes(x) && !/^Portugu[eê]s$/i.test(x))).toEqual([]);
    expect(await phone.locator('[data-testid="language-switch"]').evaluate((s) => s.closest('label')?.getAttribute('lang'))).toBe('en');
    await phone.context().close();
  });

  it('the TV’s pt turn shows the names as its en turn does: a name not typed in pt in English, beside the English fixed words', async () => {
    const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' })).newPage();
    await tv.goto(`${server.url}/display/lisboa`);
    const screen = tv.locator('bb-lobby .screen');
    const counter = tv.locator('bb-counter-tile').first().locator('.name [lang]');
    const teller = tv.locator('bb-waiting-list li[data-service="teller"] .name [lang]');
    // What one turn shows, read within it (the turn is the same before and after reading).
    const turn = async (langs: string) => {
      if ((await screen.getAttribute('data-langs')) !== langs) return null;
      const seen = {
        counter: await counter.evaluateAll((els) => els.map((e) => `${e.getAttribute('lang')}:${e.textContent?.trim()}`)),
        teller: await teller.evaluateAll((els) => els.map((e) => `${e.getAttribute('lang')}:${e.textContent?.trim()}`)),
      };
      return (await screen.getAttribute('data-langs')) === langs ? seen : null;
    };
    await until(() => turn('it en')).toEqual({ counter: ['it:Sportello 1', 'en:Counter 1'], teller: ['it:Cassa', 'en:Teller'] });
    await until(() => turn('it pt')).toEqual({ counter: ['it:Sportello 1', 'en:Counter 1'], teller: ['it:Cassa', 'pt:Caixa'] });
    await tv.screenshot({ path: shot('lobby-pt-turn.png') });
    await tv.context().close();
   }, 60_000);

  it('the TV’s notice card on the pt turn marks each language as what it is: no "in inglês", no English under lang="pt"', async () => {
    const staff = await loginAs(server.url, 'admin');
    const posted = await staff
      .post('/api/branches/lisboa/notices')
      .set('Idempotency-Key', key())
      .send({
        cause: 'technical_problem',
        effect: 'slower_service',
        scope: { type: 'counters', ids: ['1'] },
        text: { it: 'Ci scusiamo: il computer è lento.', en: 'We apologise: the computer is slow.' },
        apologise: true,
      });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    // Typed on a tablet in English only: a note beside the text, marked "in inglese" for the Italian reader.
    const noted = await staff
      .patch(`/api/branches/lisboa/notices/${posted.body.notice.id}`)
      .set('Idempotency-Key', key())
      .send({ text: { en: 'A technician is on the way.' } });
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);

    const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'it-IT' })).newPage();
    await tv.goto(`${server.url}/display/lisboa`);
    const screen = tv.locator('bb-lobby .screen');
    const card = tv.locator('bb-notice-card').first();
    const turn = async (langs: string) => {
      if ((await screen.getAttribute('data-langs')) !== langs) return null;
      const seen = {
        // Every piece of the card with its language: text read as Portuguese must be Portuguese.
        pt: await card.locator('[lang="pt"]').evaluateAll((els) => els.map((e) => e.textContent?.trim())),
        mark: await card.locator('[data-testid="note-lang"] [lang]').evaluateAll((els) => els.map((e) => `${e.getAttribute('lang')}:${e.textContent?.trim()}`)),
        scope: await card.locator('[data-testid="notice-scope"] [lang]').evaluateAll((els) => els.map((e) => `${e.getAttribute('lang')}:${e.textContent?.trim()}`)),
        apology: await card.locator('.apology').count(),
        // And on the whole screen (the reduced-service card, the waits, the counters): only the staff's Portuguese.
        screenPt: (await tv.locator('[lang="pt"]').evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ''))).filter(
          (x) => !['Caixa', 'Aconselhamento', 'Balcão 2'].includes(x),
        ),
      };
      return (await screen.getAttribute('data-langs')) === langs ? seen : null;
    };
    const inItalian = `it:${t('it', 'causes.noteIn', { language: new Intl.DisplayNames(['it'], { type: 'language' }).of('en')! })}`;
    const expected = { pt: [], mark: [inItalian], scope: ['it:Sportello 1', 'en:Counter 1'], apology: 0, screenPt: [] };
    await until(() => turn('it en')).toEqual(expected);
    // The pt reader reads the English words and the English text: it needs no mark, and its
    // text already apologises.
    await until(() => turn('it pt')).toEqual(expected);
    await card.screenshot({ path: shot('lobby-pt-turn-notice.png') });
    await tv.context().close();
  }, 60_000);

  it('the phone ticket (from the kiosk ticket’s QR code) names it in itself too, not "pt"', async () => {
    const res = await fetch(`${server.url}/api/branches/lisboa/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': key() },
      body: JSON.stringify({ service: 'teller' }),
    });
    expect(res.status).toBe(201);
    const { phone: ticket } = (await res.json()) as { phone: { path: string } };
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true })).newPage();
    await phone.goto(`${server.url}${ticket.path}`);
    await phone.locator('[data-testid="ticket-number"]').waitFor();
    const options = phone.locator('header select option');
    await until(() => options.count()).toBe(3);
    expect(await options.allInnerTexts()).toEqual(['Italiano', 'English', expect.stringMatching(/^Portugu[eê]s$/i)]);
    // Chosen, the fixed words are English and marked so, the staff's service name Portuguese and marked so.
    await phone.locator('header select').selectOption('pt');
    const service = phone.locator('section.number .service');
    await until(() => service.innerText()).toBe('Caixa');
    expect(await service.getAttribute('lang')).toBe('pt');
    expect(await phone.locator('section.number .label').innerText()).toBe(t('en', 'kiosk.yourTicket'));
    expect(await phone.locator('main').getAttribute('lang')).toBe('en');
    expect(await phone.locator('html').getAttribute('lang')).toBe('en');
    await phone.screenshot({ path: shot('phone-ticket-pt.png') });

    // Its turn, at counter 2: the sentence in English, the counter's Portuguese name marked pt.
    const staff = await loginAs(server.url, 'admin');
    for (const step of ['open', 'call-next']) {
      const r = await staff.post(`/api/branches/lisboa/counters/2/${step}`).set('Idempotency-Key', key()).send({});
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    }
    const turn = phone.locator('[data-testid="your-turn"] .status');
    await until(() => turn.innerText()).toBe(t('en', 'kiosk.ticket.yourTurn', { counter: 'Balcão 2' }));
    expect(await turn.locator('[lang]').evaluateAll((els) => els.map((e) => `${e.getAttribute('lang')}:${e.textContent}`))).toEqual(['pt:Balcão 2']);
    // The note typed in English (the notice above) reads as the fixed words do: no "(in English)" for it.
    expect(await phone.locator('[data-testid="ticket-notice-note"]').innerText()).toBe('A technician is on the way.');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.screenshot({ path: shot('phone-ticket-pt-your-turn.png') });
    await phone.context().close();
  });
});
