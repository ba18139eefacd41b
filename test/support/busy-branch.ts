import request from 'supertest';
import type { BranchConfig } from '../../core';
import type { RunningServer } from '../../server/app';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { key, loginAs } from './server';

/**
 * A busy branch, as the lobby must hold it without overflowing: three services (two with a
 * promise), four counters (three open, one closed by a notice), three notices — one per effect
 * weight, with an apology and texts in every language it shows — calls at three counters (one a
 * recall), a dozen waiting, some past the promise, fewer counters open than planned, and nine
 * customers served this morning, so the wait estimates have figures (and reasons).
 *
 * `shift(ms)` moves the server's command clock (the test server's `commandClock`), so tickets
 * are issued in the past and the promise can already be missed.
 */
/**
 * A fixed-offset zone where it is now about midday: the busy branch's morning (served up to an
 * hour ago) must be the same local day as now, or at 00:00–00:50 the estimator rightly has no
 * service times for "today" and the board shows no figures (these tests failed every night then).
 */
function middayZone(now = new Date()): string {
  const hoursAhead = Math.max(-12, Math.min(14, 12 - now.getUTCHours()));
  // IANA's Etc zones count the other way round: Etc/GMT-3 is three hours ahead of UTC.
  return hoursAhead === 0 ? 'Etc/UTC' : `Etc/GMT${hoursAhead > 0 ? '-' : '+'}${Math.abs(hoursAhead)}`;
}

export const BUSY_BRANCH: BranchConfig = {
  ...DEMO_BRANCH,
  timezone: middayZone(),
  name: 'Filiale Centro — Via Roma 1',
  services: [
    { id: 'teller', prefix: 'A', name: { it: 'Cassa', en: 'Teller', de: 'Kasse', fr: 'Caisse' }, promiseMinutes: 15 },
    { id: 'advice', prefix: 'B', name: { it: 'Consulenza', en: 'Advice', de: 'Beratung', fr: 'Conseil' } },
    { id: 'loans', prefix: 'C', name: { it: 'Mutui e prestiti', en: 'Mortgages and loans', de: 'Kredite', fr: 'Prêts immobiliers' }, promiseMinutes: 30 },
  ],
  counters: [
    { id: '1', name: { it: 'Sportello 1', en: 'Counter 1', de: 'Schalter 1', fr: 'Guichet 1' }, services: ['teller'] },
    { id: '2', name: { it: 'Sportello 2', en: 'Counter 2', de: 'Schalter 2', fr: 'Guichet 2' }, services: ['teller', 'loans'] },
    { id: '3', name: { it: 'Sportello 3', en: 'Counter 3', de: 'Schalter 3', fr: 'Guichet 3' }, services: ['teller', 'advice'] },
    { id: '4', name: { it: 'Sportello 4', en: 'Counter 4', de: 'Schalter 4', fr: 'Guichet 4' }, services: ['advice', 'loans'] },
  ],
};

const NOTICES = [
  {
    cause: 'technical_problem',
    effect: 'counter_closed',
    scope: { type: 'counters', ids: ['2'] },
    apologise: true,
    expectedInMinutes: 25,
    text: {
      it: 'Il computer dello sportello 2 si è guastato: il tecnico è in arrivo.',
      en: 'The computer at counter 2 has failed: a technician is on the way.',
      de: 'Der Computer an Schalter 2 ist ausgefallen: ein Techniker ist unterwegs.',
      fr: 'L’ordinateur du guichet 2 est en panne : un technicien arrive.',
    },
  },
  {
    cause: 'staff_shortage',
    effect: 'slower_service',
    scope: { type: 'branch' },
    apologise: true,
    expectedInMinutes: 60,
    text: {
      it: 'Oggi siamo in meno: l’attesa è più lunga del solito.',
      en: 'We are short-staffed today: waits are longer than usual.',
      de: 'Heute sind wir weniger: die Wartezeit ist länger als sonst.',
      fr: 'Nous sommes moins nombreux aujourd’hui : l’attente est plus longue.',
    },
  },
  {
    cause: 'cash_logistics',
    effect: 'info',
    scope: { type: 'services', ids: ['teller'] },
    apologise: false,
    expectedInMinutes: 15,
    text: {
      it: 'Consegna del contante in corso alla cassa.',
      en: 'Cash delivery in progress at the teller.',
      de: 'Bargeldlieferung an der Kasse.',
      fr: 'Livraison d’espèces en cours à la caisse.',
    },
  },
];

/** `served`: nine customers served earlier this morning, so the estimates have figures; else none yet ("estimate available soon"). */
export async function openBusyBranch(server: RunningServer, id: string, languages: string[], shift: (ms: number) => void, { served = true } = {}): Promise<string> {
  await server.commands.openBranch(id, { ...BUSY_BRANCH, id, languages }, { role: 'system' });
  const staff = await loginAs(server.url, 'admin');
  const post = async (path: string, body: object = {}) => {
    const res = await staff.post(`/api/branches/${id}${path}`).set('Idempotency-Key', key()).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const issue = async (service: string) => {
    const res = await request(server.url).post(`/api/branches/${id}/tickets`).set('Idempotency-Key', key()).send({ service });
    if (res.status !== 201) throw new Error(`ticket: ${res.status} ${JSON.stringify(res.body)}`);
  };
  // The morning so far: customers served at three counters, so the wait estimates have a history.
  if (served) await serveMorning(post, issue, shift);
  else for (const c of ['1', '3', '4']) await post(`/counters/${c}/open`);
  // Taken 25 minutes ago: past the teller's promise.
  shift(-25 * 60_000);
  for (const s of ['teller', 'teller', 'teller', 'advice', 'loans']) await issue(s);
  shift(0);
  await post('/counters/2/open');
  for (const s of ['teller', 'advice', 'teller', 'loans', 'teller', 'advice', 'teller', 'loans', 'teller', 'advice', 'teller']) await issue(s);
  for (const c of ['1', '3', '4']) await post(`/counters/${c}/call-next`);
  await post('/counters/3/recall');
  for (const n of NOTICES) await post('/notices', n);
  return id;
}

async function serveMorning(post: (path: string) => Promise<unknown>, issue: (service: string) => Promise<void>, shift: (ms: number) => void): Promise<void> {
  shift(-60 * 60_000);
  for (const s of ['teller', 'teller', 'advice', 'loans', 'teller', 'teller', 'advice', 'loans', 'teller']) await issue(s);
  shift(-58 * 60_000);
  for (const c of ['1', '3', '4']) await post(`/counters/${c}/open`);
  for (let round = 0; round < 3; round++) {
    shift((-56 + round * 9) * 60_000);
    for (const c of ['1', '3', '4']) await post(`/counters/${c}/call-next`);
    shift((-50 + round * 9) * 60_000);
    for (const c of ['1', '3', '4']) await post(`/counters/${c}/done`);
  }
}
