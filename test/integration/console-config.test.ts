import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetOrigin, presetSources } from '../../core';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { branchState, key, loginAs, removeDir, startTestServer } from '../support/server';

/**
 * The console's configuration endpoints, against a real server and database: success, 400
 * naming the field, 401, 403 for a teller and for a manager of another branch, admin allowed,
 * 409 for removals that would break the day, idempotent retry.
 */

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Agent = Awaited<ReturnType<typeof loginAs>>;

let server: TestServer;
let admin: Agent;
let manager: Agent; // demo's manager
let teller: Agent; // demo's teller
let centroManager: Agent; // a manager of another branch

const PRESET = {
  cause: 'technical_problem',
  effect: 'reduced_service',
  scope: 'counter',
  apologise: true,
  defaultMinutes: 10,
  text: { it: 'Il lettore di carte non funziona.', en: 'The card reader is not working.', de: 'Das Kartenlesegerät funktioniert nicht.' },
  resolvedText: { it: 'Il lettore funziona di nuovo.', en: 'The card reader works again.', de: 'Das Kartenlesegerät funktioniert wieder.' },
};

beforeAll(async () => {
  server = await startTestServer();
  [admin, manager, teller] = await Promise.all([loginAs(server.url, 'admin'), loginAs(server.url, 'manager'), loginAs(server.url, 'teller1')]);
  const created = await admin
    .post('/api/branches')
    .set('Idempotency-Key', key())
    .send({ id: 'centro', name: 'Filiale Centro', timezone: 'Europe/Rome', languages: ['it', 'en', 'de'] });
  expect(created.status).toBe(201);
  const giulia = await admin.post('/api/users').set('Idempotency-Key', key()).send({ username: 'giulia', name: 'Giulia Rossi', role: 'manager', branches: ['centro'] });
  expect(giulia.status).toBe(201);
  centroManager = await loginAs(server.url, 'giulia', giulia.body.password);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

/** Every configuration write on a branch, as [label, method, path under /api/branches/<branch>, a valid body]. */
const WRITES: [string, 'put' | 'patch' | 'delete' | 'post', string, object | undefined][] = [
  ['update branch', 'patch', '', { address: 'Via Roma 1, Milano' }],
  ['put service', 'put', '/services/loans', { name: { it: 'Mutui', en: 'Mortgages' }, prefix: 'M', promiseMinutes: 20 }],
  ['put counter', 'put', '/counters/9', { name: { it: 'Sportello 9' }, services: ['teller'] }],
  ['put preset', 'put', '/presets/reader', PRESET],
  ['delete preset', 'delete', '/presets/busy-now', undefined],
  ['restore preset', 'post', '/presets/busy-now/restore', {}],
  ['delete counter', 'delete', '/counters/9', undefined],
  ['delete service', 'delete', '/services/loans', undefined],
];

const send = (agent: Agent | ReturnType<typeof request>, method: string, path: string, body: object | undefined, k = key()) => {
  const req = (agent as unknown as Record<string, (p: string) => request.Test>)[method]!(`/api/branches/demo${path}`).set('Idempotency-Key', k);
  return body === undefined ? req : req.send(body);
};

describe('who may configure a branch', () => {
  it.each(WRITES)('%s: 401 without a session, 403 for a teller and for the manager of another branch; nothing changes', async (_l, method, path, body) => {
    const seq = (await branchState(server.url)).seq;
    const anon = await send(request(server.url), method, path, body);
    expect(anon.status).toBe(401);
    const t = await send(teller, method, path, body);
    expect(t.status).toBe(403);
    expect(t.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const other = await send(centroManager, method, path, body);
    expect(other.status).toBe(403);
    expect((await branchState(server.url)).seq).toBe(seq);
  });

  it.each(WRITES)('%s: the branch manager may (200), in this order', async (_l, method, path, body) => {
    const res = await send(manager, method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ok).toBe(true);
  });

  it('an admin may configure any branch', async () => {
    const res = await admin.put('/api/branches/centro/services/cash').set('Idempotency-Key', key()).send({ name: { it: 'Cassa' }, prefix: 'A', promiseMinutes: 15 });
    expect(res.status).toBe(200);
    expect(res.body.service).toEqual({ id: 'cash', name: { it: 'Cassa' }, prefix: 'A', promiseMinutes: 15 });
  });

  it('only an admin creates a branch', async () => {
    const body = { id: 'nord', name: 'Filiale Nord', timezone: 'Europe/Rome', languages: ['it'] };
    expect((await manager.post('/api/branches').set('Idempotency-Key', key()).send(body)).status).toBe(403);
    expect((await teller.post('/api/branches').set('Idempotency-Key', key()).send(body)).status).toBe(403);
    expect((await request(server.url).post('/api/branches').set('Idempotency-Key', key()).send(body)).status).toBe(401);
  });
});

describe('a new branch', () => {
  it('starts with the bank library (the demo presets), every language given, and is in the log with who made it', async () => {
    const state = await branchState(server.url, 'centro');
    expect(state.config!.languages).toEqual(['it', 'en', 'de']);
    expect(state.config!.presets.map((p) => p.id)).toEqual(DEMO_BRANCH.presets.map((p) => p.id));
    expect(presetOrigin(presetSources(state), 'busy-now')).toBe('library');
    const list = await centroManager.get('/api/branches');
    expect(list.body.branches.map((b: { id: string }) => b.id)).toEqual(['centro']);
    const all = await admin.get('/api/branches');
    expect(all.body.branches.map((b: { id: string }) => b.id)).toEqual(['demo', 'centro']);
  });

  it('400 naming the field; 409 when the id is taken; a retry with the same key is the same reply', async () => {
    const bad = await admin.post('/api/branches').set('Idempotency-Key', key()).send({ id: 'sud', name: 'Sud', timezone: 'Mars/Olympus', languages: ['it'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('timezone');
    const twice = await admin.post('/api/branches').set('Idempotency-Key', key()).send({ id: 'sud', name: 'Sud', timezone: 'Europe/Rome', languages: ['it', 'it'] });
    expect(twice.body.error.field).toBe('languages');
    const k = key();
    const body = { id: 'sud', name: 'Filiale Sud', timezone: 'Europe/Rome', languages: ['it', 'en', 'fr', 'es', 'de', 'nl'] };
    const first = await admin.post('/api/branches').set('Idempotency-Key', k).send(body);
    expect(first.status).toBe(201);
    const again = await admin.post('/api/branches').set('Idempotency-Key', k).send(body);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const taken = await admin.post('/api/branches').set('Idempotency-Key', key()).send(body);
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('branch_exists');
  });
});

describe("the branch's own wording", () => {
  const wording = (w: Record<string, Record<string, string>>) => send(manager, 'patch', '', { display: { wording: w } });

  it('markup or a message the board cannot parse: 400 naming the field and the language, nothing saved', async () => {
    const before = (await branchState(server.url)).config?.display ?? null;
    const cases: [Record<string, Record<string, string>>, string, RegExp][] = [
      [{ it: { 'lobby.counters': 'Gli <b>sportelli</b>' } }, 'display.wording.it.lobby.counters', /markup \(<b>\)/],
      [{ en: { 'lobby.counters': 'Desks<br/>today' } }, 'display.wording.en.lobby.counters', /markup/],
      [{ en: { 'lobby.counters': 'Desks' }, de: { 'lobby.waiting': '{n, plural, one {# Person}}' } }, 'display.wording.de.lobby.waiting', /^display\.wording\.de\.lobby\.waiting: not a valid ICU message \(MISSING_OTHER_CLAUSE\)/],
      [{ fr: { 'lobby.waiting': 'En attente {n' } }, 'display.wording.fr.lobby.waiting', /^display\.wording\.fr\.lobby\.waiting: not a valid ICU message/],
    ];
    for (const [w, field, message] of cases) {
      const res = await wording(w);
      expect([res.status, res.body.error?.code, res.body.error?.field], JSON.stringify(w)).toEqual([400, 'invalid', field]);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await branchState(server.url)).config?.display ?? null).toEqual(before);
  });

  it('plain words, quoted braces, plurals and a lone "<" are saved', async () => {
    const ok = { en: { 'lobby.counters': 'Desks', 'lobby.waiting': "Queue '{'today'}'", 'lobby.moreCalls': '{n, plural, one {# more} other {# more}} (< 5 min)' } };
    const res = await wording(ok);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.branch.display.wording).toEqual(ok);
    expect((await send(manager, 'patch', '', { display: null })).status).toBe(200);
  });
});

describe('services, counters, presets', () => {
  it('400 naming the field', async () => {
    const cases: [string, string, object, string][] = [
      ['put', '/services/x', { name: { it: 'X' }, prefix: 'ab' }, 'prefix'],
      ['put', '/services/x', { name: { it: 'X' }, prefix: 'X', promiseMinutes: 0 }, 'promiseMinutes'],
      ['put', '/services/x', { name: { it: 'X' }, prefix: 'X', counters: ['99'] }, 'counters.0'],
      ['put', '/counters/x', { name: { it: 'X' }, services: [] }, 'services'],
      ['put', '/counters/x', { name: { it: 'X' }, services: ['teller', 'loans'] }, 'services.1'],
      ['put', '/presets/x', { ...PRESET, cause: 'aliens' }, 'cause'],
      ['put', '/presets/x', { ...PRESET, scope: 'service' }, 'services'],
      ['put', '/presets/x', { ...PRESET, resolvedText: {} }, 'resolvedText'],
      ['patch', '', { languages: [] }, 'languages'],
      ['patch', '', { hours: { weekly: { mon: [{ open: '13:00', close: '09:00' }] } } }, 'hours.weekly.mon.0.close'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await send(manager, method, path, body);
      expect([res.status, res.body.error?.field], `${path} ${JSON.stringify(body)}`).toEqual([400, field]);
    }
  });

  it('409 prefix_taken; the same service saved twice adds one event; a retry is replayed', async () => {
    const taken = await send(manager, 'put', '/services/cards', { name: { it: 'Carte' }, prefix: 'A' });
    expect([taken.status, taken.body.error.code, taken.body.error.field]).toEqual([409, 'prefix_taken', 'prefix']);
    const body = { name: { it: 'Carte', en: 'Cards' }, prefix: 'C', promiseMinutes: 10, counters: ['3'] };
    const k = key();
    const first = await send(manager, 'put', '/services/cards', body, k);
    expect(first.body.events).toEqual(['ServiceUpserted']);
    const retry = await send(manager, 'put', '/services/cards', body, k);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const same = await send(manager, 'put', '/services/cards', body);
    expect(same.body.events).toEqual([]);
    const state = await branchState(server.url);
    expect(state.config!.counters.find((c) => c.id === '3')!.services).toEqual(['teller', 'advice', 'cards']);
  });

  it('409 when a removal would break the day: a ticket at the counter, tickets waiting for the service', async () => {
    await manager.put('/api/branches/demo/counters/5').set('Idempotency-Key', key()).send({ name: { it: 'Sportello 5' }, services: ['cards'] });
    const ticket = await request(server.url).post('/api/branches/demo/tickets').set('Idempotency-Key', key()).send({ service: 'cards' });
    expect(ticket.status).toBe(201);
    const waiting = await send(manager, 'delete', '/services/cards', undefined);
    expect([waiting.status, waiting.body.error.code]).toEqual([409, 'service_in_use']);
    expect(waiting.body.error.message).toMatch(/1 tickets wait/);
    await teller.post('/api/branches/demo/counters/5/call-next').set('Idempotency-Key', key()).send({});
    const busy = await send(manager, 'delete', '/counters/5', undefined);
    expect([busy.status, busy.body.error.code]).toEqual([409, 'counter_busy']);
    expect(busy.body.error.message).toContain(ticket.body.ticket.number);
    await teller.post('/api/branches/demo/counters/5/done').set('Idempotency-Key', key()).send({});
    expect((await send(manager, 'delete', '/counters/5', undefined)).status).toBe(200);
    expect((await send(manager, 'delete', '/services/cards', undefined)).status).toBe(200);
    expect((await send(manager, 'delete', '/services/cards', undefined)).status).toBe(404);
  });

  it('a branch preset with its resolved twin: posted by a teller, resolved without text, the lobby gets the twin', async () => {
    const put = await send(manager, 'put', '/presets/reader2', PRESET);
    expect(put.body).toMatchObject({ ok: true, origin: 'branch', preset: { id: 'reader2' } });
    const posted = await teller.post('/api/branches/demo/notices').set('Idempotency-Key', key()).send({ presetId: 'reader2', counterId: '2' });
    expect(posted.status).toBe(201);
    const resolved = await teller.post(`/api/branches/demo/notices/${posted.body.notice.id}/resolve`).set('Idempotency-Key', key()).send({});
    expect(resolved.body.notice.resolution.text).toEqual(PRESET.resolvedText);
  });
});

describe('the bank preset library', () => {
  it('an admin changes it and every branch follows, unless it overrides that preset; managers and tellers may not', async () => {
    const body = { ...PRESET, scope: 'branch', text: { it: 'Rete lenta.', en: 'The network is slow.' } };
    expect((await manager.put('/api/preset-library/network-slow').set('Idempotency-Key', key()).send(body)).status).toBe(403);
    expect((await teller.put('/api/preset-library/network-slow').set('Idempotency-Key', key()).send(body)).status).toBe(403);
    // Centro overrides it first.
    await centroManager.put('/api/branches/centro/presets/network-slow').set('Idempotency-Key', key()).send({ ...body, text: { it: 'Da noi la rete è lenta.' } });
    const res = await admin.put('/api/preset-library/network-slow').set('Idempotency-Key', key()).send(body);
    expect(res.status).toBe(200);
    expect(res.body.branches).toEqual(expect.arrayContaining(['demo', 'centro', 'sud']));
    const [demo, centro] = await Promise.all([branchState(server.url, 'demo'), branchState(server.url, 'centro')]);
    expect(demo.config!.presets.find((p) => p.id === 'network-slow')!.text).toEqual(body.text);
    expect(centro.config!.presets.find((p) => p.id === 'network-slow')!.text).toEqual({ it: 'Da noi la rete è lenta.' });
    const lib = await teller.get('/api/preset-library');
    expect(lib.body.presets.find((p: { id: string }) => p.id === 'network-slow').text).toEqual(body.text);
  });

  it('a removed library preset leaves every branch; a retry reads as success', async () => {
    const k = key();
    const res = await admin.delete('/api/preset-library/cash-delivery').set('Idempotency-Key', k);
    expect(res.status).toBe(200);
    const again = await admin.delete('/api/preset-library/cash-delivery').set('Idempotency-Key', k);
    expect(again.status).toBe(200);
    const centro = await branchState(server.url, 'centro');
    expect(centro.config!.presets.map((p) => p.id)).not.toContain('cash-delivery');
  });
});

describe('OpenAPI', () => {
  it('describes the console paths from the same schemas', async () => {
    const doc = (await request(server.url).get('/api/openapi.json')).body;
    for (const path of ['/api/branches', '/api/branches/{branch}/services/{service}', '/api/preset-library/{preset}', '/api/users/{username}', '/api/screen-pairings', '/api/overview']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/branches/{branch}/services/{service}'].put.requestBody.content['application/json'].schema.properties.promiseMinutes).toBeDefined();
  });
});
