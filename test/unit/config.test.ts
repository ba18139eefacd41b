import { describe, expect, it } from 'vitest';
import {
  apply,
  BranchConfig,
  effectivePresets,
  emptyState,
  presetOrigin,
  presetSources,
  type Actor,
  type BranchEvent,
  type BranchState,
  type ConfigCommand,
  type EventPayload,
  type Preset,
  decide,
} from '../../core';

import { DEMO_BRANCH } from '../../server/seed/demo-branch';

/** Configuration commands, decided and folded the way the server does it: given a branch, when a command, then events and state. */

const T0 = Date.UTC(2026, 11, 1, 9, 0);
const manager: Actor = { role: 'manager', user: 'manager' };
const LIBRARY: Preset[] = DEMO_BRANCH.presets.slice(0, 3);

class Branch {
  state: BranchState = emptyState('centro');
  events: BranchEvent[] = [];
  push(payloads: EventPayload[], actor: Actor = manager): void {
    for (const p of payloads) {
      const e = { ...p, branchId: this.state.branchId, seq: this.state.seq + 1, at: T0, actor } as BranchEvent;
      this.state = apply(this.state, e);
      this.events.push(e);
    }
  }
  when(cmd: ConfigCommand) {
    const d = decide(this.state, cmd, T0);
    if (d.ok) this.push(d.events);
    return d;
  }
}

/** Given: a new branch "Filiale Centro" with two services and three counters. */
function givenCentro(): Branch {
  const b = new Branch();
  b.when({ type: 'CreateBranch', body: { id: 'centro', name: 'Filiale Centro', timezone: 'Europe/Rome', languages: ['it', 'en', 'de'] }, library: LIBRARY });
  b.when({ type: 'UpsertService', serviceId: 'cash', body: { name: { it: 'Cassa', en: 'Teller' }, prefix: 'A', promiseMinutes: 15 } });
  b.when({ type: 'UpsertService', serviceId: 'advice', body: { name: { it: 'Consulenza' }, prefix: 'B' } });
  b.when({ type: 'UpsertCounter', counterId: '1', body: { name: { it: 'Sportello 1' }, services: ['cash'] } });
  b.when({ type: 'UpsertCounter', counterId: '2', body: { name: { it: 'Sportello 2' }, services: ['cash', 'advice'] } });
  b.when({ type: 'UpsertCounter', counterId: '3', body: { name: { it: 'Sportello 3' }, services: ['advice'] } });
  return b;
}

const issue = (b: Branch, service: string, id: string) =>
  b.push([{ type: 'TicketIssued', ticket: { id, service, number: `X${id.slice(-3)}`, day: '2026-12-01' } }], { role: 'kiosk' });

describe('creating a branch', () => {
  it('given nothing, when an admin creates a branch, then it is configured and starts with the library', () => {
    const b = givenCentro();
    expect(b.events[0]).toMatchObject({ type: 'BranchConfigured', presetsFrom: 'library' });
    expect(b.events[1]!.type).toBe('ServiceUpserted');
    expect(b.state.config!.presets.map((p) => p.id)).toEqual(LIBRARY.map((p) => p.id));
    expect(presetOrigin(presetSources(b.state), LIBRARY[0]!.id)).toBe('library');
    expect(b.state.config!.services.find((s) => s.id === 'cash')!.promiseMinutes).toBe(15);
    expect(Object.keys(b.state.counters)).toEqual(['1', '2', '3']);
    // The folded configuration is still a valid one.
    expect(BranchConfig.safeParse(b.state.config).success).toBe(true);
  });

  it('given a branch, when it is created again, then 409 branch_exists', () => {
    const b = givenCentro();
    expect(b.when({ type: 'CreateBranch', body: { id: 'centro', name: 'X', timezone: 'Europe/Rome', languages: ['it'] }, library: [] })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'branch_exists' },
    });
  });

  it('opens with its services and counters in one event when given, refusing a counter of an unknown service', () => {
    const b = new Branch();
    const body = { id: 'nord', name: 'Nord', timezone: 'Europe/Rome', languages: ['it'], services: DEMO_BRANCH.services, counters: DEMO_BRANCH.counters };
    expect(b.when({ type: 'CreateBranch', body, library: LIBRARY })).toMatchObject({ ok: true, events: [{ type: 'BranchConfigured' }] });
    expect(b.state.config!.counters).toHaveLength(4);
    const bad = new Branch().when({ type: 'CreateBranch', body: { ...body, counters: [{ id: '1', name: { it: '1' }, services: ['loans'] }] }, library: [] });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid', field: 'counters.0.services.0' } });
  });
});

describe('branch details', () => {
  it('records only what changed, and nothing when nothing did', () => {
    const b = givenCentro();
    const d = b.when({ type: 'UpdateBranch', body: { name: 'Filiale Centro', languages: ['it', 'en', 'de', 'fr', 'es', 'nl'], address: 'Via Dante 2' } });
    expect(d.ok && d.events).toEqual([{ type: 'BranchDetailsChanged', languages: ['it', 'en', 'de', 'fr', 'es', 'nl'], address: 'Via Dante 2' }]);
    expect(b.state.config!.languages).toHaveLength(6);
    expect(b.when({ type: 'UpdateBranch', body: { address: 'Via Dante 2' } })).toEqual({ ok: true, events: [] });
    b.when({ type: 'UpdateBranch', body: { address: null } });
    expect(b.state.config!.address).toBeUndefined();
  });
});

describe('services and counters', () => {
  it('keeps a prefix unique', () => {
    const b = givenCentro();
    expect(b.when({ type: 'UpsertService', serviceId: 'loans', body: { name: { it: 'Mutui' }, prefix: 'A' } })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'prefix_taken', field: 'prefix' },
    });
  });

  it('sets which counters serve a service: added last in their preference, removed from the others', () => {
    const b = givenCentro();
    b.when({ type: 'UpsertService', serviceId: 'advice', body: { name: { it: 'Consulenza' }, prefix: 'B', counters: ['1', '3'] } });
    const byId = Object.fromEntries(b.state.config!.counters.map((c) => [c.id, c.services]));
    expect(byId).toEqual({ '1': ['cash', 'advice'], '2': ['cash'], '3': ['advice'] });
  });

  it('is idempotent by content: saving the same service twice adds one event', () => {
    const b = givenCentro();
    const n = b.events.length;
    const body = { name: { it: 'Cassa', en: 'Teller' }, prefix: 'A', promiseMinutes: 15 };
    expect(b.when({ type: 'UpsertService', serviceId: 'cash', body })).toEqual({ ok: true, events: [] });
    expect(b.events.length).toBe(n);
  });

  it('renaming keeps the ids, so the history still reads', () => {
    const b = givenCentro();
    issue(b, 'cash', 'ticket-001');
    b.when({ type: 'UpsertService', serviceId: 'cash', body: { name: { it: 'Cassa veloce' }, prefix: 'A' } });
    expect(b.state.tickets['ticket-001']!.service).toBe('cash');
    expect(b.state.config!.services.find((s) => s.id === 'cash')).toEqual({ id: 'cash', name: { it: 'Cassa veloce' }, prefix: 'A' });
  });

  it('given tickets waiting for a service, when it is removed, then 409 service_in_use', () => {
    const b = givenCentro();
    issue(b, 'advice', 'ticket-002');
    b.when({ type: 'UpsertCounter', counterId: '3', body: { name: { it: 'Sportello 3' }, services: ['advice', 'cash'] } });
    expect(b.when({ type: 'RemoveService', serviceId: 'advice' })).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'service_in_use' } });
  });

  it('given a counter serving only that service, when the service is removed, then 409 counter_needs_service', () => {
    const b = givenCentro();
    expect(b.when({ type: 'RemoveService', serviceId: 'advice' })).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'counter_needs_service' } });
    b.when({ type: 'UpsertCounter', counterId: '3', body: { name: { it: 'Sportello 3' }, services: ['advice', 'cash'] } });
    expect(b.when({ type: 'RemoveService', serviceId: 'advice' })).toMatchObject({ ok: true });
    expect(b.state.config!.counters.find((c) => c.id === '2')!.services).toEqual(['cash']);
    expect(b.state.queues.advice).toBeUndefined();
  });

  it('given a ticket at a counter, when the counter is removed, then 409 counter_busy; once done, it goes', () => {
    const b = givenCentro();
    issue(b, 'cash', 'ticket-003');
    b.push([{ type: 'TicketCalled', ticketId: 'ticket-003', counterId: '1' }], { role: 'teller', user: 't' });
    expect(b.when({ type: 'RemoveCounter', counterId: '1' })).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'counter_busy' } });
    b.push([{ type: 'ServiceEnded', ticketId: 'ticket-003', counterId: '1' }], { role: 'teller', user: 't' });
    expect(b.when({ type: 'RemoveCounter', counterId: '1' })).toMatchObject({ ok: true });
    expect(b.state.counters['1']).toBeUndefined();
  });

  it('refuses to leave waiting tickets with no counter that serves them', () => {
    const b = givenCentro();
    issue(b, 'advice', 'ticket-004');
    b.when({ type: 'UpsertCounter', counterId: '2', body: { name: { it: 'Sportello 2' }, services: ['cash'] } });
    expect(b.when({ type: 'RemoveCounter', counterId: '3' })).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'service_unserved' } });
    expect(b.when({ type: 'UpsertCounter', counterId: '3', body: { name: { it: 'Sportello 3' }, services: ['cash'] } })).toMatchObject({
      ok: false,
      error: { code: 'service_unserved' },
    });
  });

  it('names the unknown service a counter was given', () => {
    const b = givenCentro();
    expect(b.when({ type: 'UpsertCounter', counterId: '4', body: { name: { it: '4' }, services: ['cash', 'loans'] } })).toMatchObject({
      ok: false,
      error: { kind: 'invalid', field: 'services.1' },
    });
  });
});

describe('presets: the bank library and the branch', () => {
  const own: Omit<Preset, 'id'> = {
    cause: 'technical_problem',
    effect: 'reduced_service',
    scope: 'counter',
    apologise: true,
    defaultMinutes: 10,
    text: { it: 'Il lettore non funziona.', en: 'The reader is not working.', de: 'Das Lesegerät funktioniert nicht.' },
    resolvedText: { it: 'Il lettore funziona di nuovo.', en: 'The card reader works again.', de: 'Das Lesegerät funktioniert wieder.' },
  };

  it('a branch adds its own preset after the library ones', () => {
    const b = givenCentro();
    b.when({ type: 'UpsertPreset', presetId: 'reader', body: own, source: 'branch' });
    expect(b.state.config!.presets.map((p) => p.id)).toEqual([...LIBRARY.map((p) => p.id), 'reader']);
    expect(presetOrigin(presetSources(b.state), 'reader')).toBe('branch');
  });

  it('a branch overrides a library preset; removing the override brings the library one back', () => {
    const b = givenCentro();
    const id = LIBRARY[0]!.id;
    b.when({ type: 'UpsertPreset', presetId: id, body: own, source: 'branch' });
    expect(b.state.config!.presets[0]).toMatchObject({ id, text: own.text });
    expect(presetOrigin(presetSources(b.state), id)).toBe('override');
    // The head office changes the library: the override still wins here.
    b.when({ type: 'UpsertPreset', presetId: id, body: { ...own, text: { it: 'Nuovo testo.' } }, source: 'library' });
    expect(b.state.config!.presets[0]!.text).toEqual(own.text);
    b.when({ type: 'RemovePreset', presetId: id, source: 'branch' });
    expect(b.state.config!.presets[0]!.text).toEqual({ it: 'Nuovo testo.' });
  });

  it('a branch hides a library preset and restores it', () => {
    const b = givenCentro();
    const id = LIBRARY[1]!.id;
    b.when({ type: 'RemovePreset', presetId: id, source: 'branch' });
    expect(b.state.config!.presets.map((p) => p.id)).not.toContain(id);
    expect(b.when({ type: 'RemovePreset', presetId: id, source: 'branch' })).toEqual({ ok: true, events: [] });
    b.when({ type: 'RestorePreset', presetId: id });
    expect(b.state.config!.presets.map((p) => p.id)).toEqual(LIBRARY.map((p) => p.id));
  });

  it('answers "who changed this preset, when, from what" from the log', () => {
    const b = givenCentro();
    b.when({ type: 'UpsertPreset', presetId: 'reader', body: own, source: 'branch' });
    b.push([{ type: 'PresetUpserted', preset: { id: 'reader', ...own, defaultMinutes: 20 }, source: 'branch' }], { role: 'manager', user: 'giulia' });
    const changes = b.events.filter((e) => e.type === 'PresetUpserted' && e.preset.id === 'reader');
    expect(changes.map((e) => [e.actor.user, e.type === 'PresetUpserted' && e.preset.defaultMinutes])).toEqual([
      ['manager', 10],
      ['giulia', 20],
    ]);
  });

  it('a service preset must name services the branch has', () => {
    const b = givenCentro();
    expect(b.when({ type: 'UpsertPreset', presetId: 'p', body: { ...own, scope: 'service', services: ['loans'] }, source: 'branch' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid', field: 'services.0' },
    });
  });

  it('effectivePresets: library order, overrides in place, hidden ones out, own ones last', () => {
    const p = (id: string, t: string): Preset => ({ ...own, id, text: { it: t } });
    const list = effectivePresets({ library: [p('a', 'A'), p('b', 'B'), p('c', 'C')], branch: [p('x', 'X'), p('b', 'B2')], hidden: ['c'] });
    expect(list.map((x) => `${x.id}:${x.text.it}`)).toEqual(['a:A', 'b:B2', 'x:X']);
  });
});

describe('opening hours', () => {
  it('closed days, then exceptions, then the weekday', async () => {
    const { OpeningHours, hoursOn } = await import('../../core');
    const hours = OpeningHours.parse({
      weekly: { mon: [{ open: '08:30', close: '13:00' }, { open: '14:30', close: '16:00' }], sat: [] },
      closed: [{ date: '2026-12-08', note: 'Immacolata' }],
      exceptions: [{ date: '2026-12-24', intervals: [{ open: '08:30', close: '12:30' }] }],
    });
    expect(hoursOn(hours, '2026-11-30')).toHaveLength(2); // a Monday
    expect(hoursOn(hours, '2026-12-05')).toEqual([]); // Saturday
    expect(hoursOn(hours, '2026-12-08')).toEqual([]);
    expect(hoursOn(hours, '2026-12-24')).toEqual([{ open: '08:30', close: '12:30' }]);
    const overlapping = OpeningHours.safeParse({ weekly: { mon: [{ open: '08:30', close: '13:00' }, { open: '12:00', close: '16:00' }] } });
    expect(overlapping.success || overlapping.error.issues[0]!.path).toEqual(['weekly', 'mon', 1, 'open']);
  });
});

describe('all branches at a glance', () => {
  it('counts waiting, open counters, active notices and the longest wait against its promise', async () => {
    const { branchSummary } = await import('../../core');
    const b = givenCentro();
    issue(b, 'cash', 'ticket-010');
    issue(b, 'advice', 'ticket-011');
    b.push([{ type: 'CounterOpened', counterId: '2' }], { role: 'teller', user: 't' });
    const s = branchSummary(b.state, { total: 2, down: 1 });
    expect(s).toMatchObject({
      id: 'centro',
      name: 'Filiale Centro',
      waiting: 2,
      counters: { open: 1, total: 3 },
      notices: [],
      longestWait: { service: 'cash', since: T0, promiseMinutes: 15 },
      screens: { total: 2, down: 1 },
    });
  });
});

describe("a preset's resolved twin", () => {
  const reader: Omit<Preset, 'id'> = {
    cause: 'technical_problem',
    effect: 'reduced_service',
    scope: 'counter',
    apologise: true,
    defaultMinutes: 10,
    text: { it: 'Il lettore di carte non funziona.', en: 'The card reader is not working.' },
    resolvedText: { it: 'Il lettore di carte funziona di nuovo.', en: 'The card reader works again.' },
  };

  it('given a notice from a preset with a twin, when resolved without text, then the twin is the resolution', () => {
    const b = givenCentro();
    b.when({ type: 'UpsertPreset', presetId: 'reader', body: reader, source: 'branch' });
    const noticeId = 'notice-0001';
    expect(decide(b.state, { type: 'PostNotice', noticeId, body: { presetId: 'reader', counterId: '1' } }, T0)).toMatchObject({ ok: true });
    b.push((decide(b.state, { type: 'PostNotice', noticeId, body: { presetId: 'reader', counterId: '1' } }, T0) as { events: EventPayload[] }).events, { role: 'teller', user: 't' });
    b.push((decide(b.state, { type: 'ResolveNotice', noticeId, body: {} }, T0 + 60_000) as { events: EventPayload[] }).events, { role: 'teller', user: 't' });
    expect(b.state.notices[0]!.resolution).toMatchObject({ text: reader.resolvedText });
  });

  it('a resolution typed in one language is a note beside the twin (the other languages keep theirs); a typed notice text gets no twin', () => {
    const b = givenCentro();
    b.when({ type: 'UpsertPreset', presetId: 'reader', body: reader, source: 'branch' });
    const post = (noticeId: string, text?: Record<string, string>) =>
      b.push((decide(b.state, { type: 'PostNotice', noticeId, body: { presetId: 'reader', counterId: noticeId.endsWith('1') ? '1' : '2', ...(text ? { text } : {}) } }, T0) as { events: EventPayload[] }).events);
    post('notice-0001');
    post('notice-0002', { it: 'Lettore rotto, usate lo sportello 3.' });
    b.push((decide(b.state, { type: 'ResolveNotice', noticeId: 'notice-0001', body: { text: { it: 'Risolto.' } } }, T0) as { events: EventPayload[] }).events);
    b.push((decide(b.state, { type: 'ResolveNotice', noticeId: 'notice-0002', body: {} }, T0) as { events: EventPayload[] }).events);
    expect(b.state.notices.map((n) => n.resolution?.text)).toEqual([reader.resolvedText, null]);
    expect(b.state.notices[0]!.resolution?.note).toEqual({ it: 'Risolto.' });
  });

  it('a service preset takes the services of the branch it names as the scope', () => {
    const b = givenCentro();
    b.when({ type: 'UpsertPreset', presetId: 'advice-slow', body: { ...reader, scope: 'service', services: ['advice'] }, source: 'branch' });
    const d = decide(b.state, { type: 'PostNotice', noticeId: 'notice-0003', body: { presetId: 'advice-slow' } }, T0);
    expect(d.ok && d.events[0]).toMatchObject({ notice: { scope: { type: 'services', ids: ['advice'] } } });
  });
});
