import { describe, expect, it } from 'vitest';
import {
  HistoryProjector,
  causeFigures,
  configDiff,
  emptyHistoryMemory,
  fromLocal,
  isoLocal,
  isoWeek,
  localParts,
  serviceFigures,
  type BranchConfig,
  type BranchEvent,
  type HistoryChanges,
} from '../../core';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { BranchHarness, T0 } from '../support/branch-fixture';

const MIN = 60_000;
const DAY = 86_400_000;
const manager = { role: 'manager' as const, user: 'manager' };

/** Issues a ticket, lets it wait `waitMin`, calls it at `counter` and finishes it. */
function serve(h: BranchHarness, service: 'teller' | 'advice', counter: string, waitMin: number, ticketId = `t-${h.state.seq}-${Math.random().toString(36).slice(2, 8)}`) {
  h.run({ type: 'IssueTicket', ticketId, service });
  h.tick(waitMin * MIN);
  h.run({ type: 'CounterAction', counterId: counter, action: 'call-next' });
  h.tick(MIN);
  h.run({ type: 'CounterAction', counterId: counter, action: 'done' });
  return ticketId;
}

function fold(events: BranchEvent[], p = new HistoryProjector(emptyHistoryMemory('demo'))): { p: HistoryProjector; all: HistoryChanges } {
  const all = p.apply(events);
  return { p, all };
}

describe('history projector', () => {
  it('a notice counts the tickets in its scope that waited while it was active, and their wait beyond usual', () => {
    const h = new BranchHarness();
    // Yesterday, same hour: five teller tickets that each waited 4 minutes — the usual.
    h.now = T0 - DAY;
    for (let i = 0; i < 5; i++) serve(h, 'teller', '1', 4);
    h.now = T0;
    const posted = h.run({ type: 'PostNotice', noticeId: 'notice-fault-2', body: { presetId: 'computer-fault', counterId: '2', expectedInMinutes: 10 } });
    expect(posted.ok).toBe(true);
    h.tick(MIN);
    serve(h, 'teller', '1', 10); // waited under the notice: 6 minutes beyond usual
    serve(h, 'advice', '4', 3); // advice is not served at counter 2: not touched
    h.tick(20 * MIN);
    h.run({ type: 'ResolveNotice', noticeId: 'notice-fault-2', body: {} });
    h.tick(MIN);
    serve(h, 'teller', '1', 2); // issued after it was resolved: not touched

    const { all } = fold(h.events);
    const n = all.notices.find((x) => x.id === 'notice-fault-2')!;
    expect(n).toMatchObject({ cause: 'technical_problem', effect: 'counter_closed', services: ['teller'], touched: 1, touchedCompared: 1, extraWaitMs: 6 * MIN });
    expect(n.postedBy).toEqual({ role: 'teller', user: 'teller1' });
    expect(n.resolvedBy).toEqual({ role: 'teller', user: 'teller1' });
    expect(n.firstExpectedEndAt).toBe(T0 + 10 * MIN);
    expect(n.endedAt! - n.startedAt).toBe(36 * MIN);
    const today = localParts(T0, 'Europe/Rome').day;
    const teller = all.days.find((d) => d.day === today && d.service === 'teller')!;
    expect(teller).toMatchObject({ issued: 2, called: 2, served: 2, touched: 1, extraWaitMs: 6 * MIN });
  });

  it('daily figures: waits as median and P90, no-shows, promise kept, out-of-turn calls by reason', () => {
    const h = new BranchHarness();
    const promised: BranchConfig = { ...DEMO_BRANCH, services: DEMO_BRANCH.services.map((s) => ({ ...s, promiseMinutes: 5 })) };
    h.push([{ type: 'BranchConfigured', config: promised }], manager);
    for (const w of [1, 2, 3, 4, 8]) serve(h, 'teller', '1', w);
    h.run({ type: 'IssueTicket', ticketId: 'ticket-gone', service: 'teller' });
    h.run({ type: 'CounterAction', counterId: '2', action: 'call-next' });
    h.run({ type: 'CounterAction', counterId: '2', action: 'no-show' });
    // Two waiting; the later one is called first, for a reason the teller gave.
    h.run({ type: 'IssueTicket', ticketId: 'ticket-first', service: 'teller' });
    h.run({ type: 'IssueTicket', ticketId: 'ticket-later', service: 'teller' });
    h.push([{ type: 'TicketCalled', ticketId: 'ticket-later', counterId: '1', reason: 'priority_elderly' }]);

    const { all } = fold(h.events);
    const d = all.days.find((x) => x.service === 'teller')!;
    expect(d).toMatchObject({ issued: 8, called: 7, served: 5, noShows: 1, promiseEligible: 7, promiseKept: 6, outOfTurn: { priority_elderly: 1 } });
    const [f] = serviceFigures([{ ...d, branchId: 'demo' }], { by: 'day', perBranch: true, perService: true });
    expect(f!.promiseKeptShare).toBeCloseTo(6 / 7);
    // Waits 0,0,0,1,2,3,4 (+ 8) minutes → sorted 0,0,0,1,2,3,4,8 of… 7 called: 0,0,1,2,3,4,8 → median 2 min, P90 8 min (to the 30 s bucket).
    expect(f!.waitMedianMs).toBe(2 * MIN + 15_000);
    expect(f!.waitP90Ms).toBe(8 * MIN + 15_000);
    const missed = fold(h.events).all.signals.filter((s) => s.type === 'promise.missed');
    expect(missed).toHaveLength(1);
  });

  it('the audit trail has one entry per command, with the counters it touched and config changes as a diff', () => {
    const h = new BranchHarness();
    h.run({ type: 'IssueTicket', ticketId: 'ticket-aaa', service: 'teller' });
    h.tick(1000);
    h.run({ type: 'CounterAction', counterId: '3', action: 'call-next' }); // opens counter 3 and calls: one command, two events
    const renamed = { ...DEMO_BRANCH, services: DEMO_BRANCH.services.map((s) => (s.id === 'teller' ? { ...s, name: { ...s.name, en: 'Cash desk' } } : s)) };
    h.tick(1000);
    h.push([{ type: 'BranchConfigured', config: renamed }], manager);
    const { all } = fold(h.events);
    const call = all.audit.find((a) => a.types.includes('TicketCalled'))!;
    expect(call.types).toEqual(['CounterOpened', 'TicketCalled']);
    expect(call.counters).toEqual(['3']);
    expect(call.changes[1]).toMatchObject({ kind: 'event', type: 'TicketCalled', ticket: 'A001', counter: '3' });
    const config = all.audit.at(-1)!;
    expect(config.actor).toEqual(manager);
    expect(config.changes).toEqual([{ kind: 'config', type: 'BranchConfigured', diff: [{ path: 'services.teller.name.en', op: 'changed', before: 'Teller', after: 'Cash desk' }] }]);
  });

  it('folding in pieces with a JSON checkpoint between gives the same rows as one pass', () => {
    const h = new BranchHarness();
    h.run({ type: 'PostNotice', noticeId: 'notice-busy', body: { presetId: 'busy-now' } });
    for (let i = 0; i < 12; i++) serve(h, i % 3 ? 'teller' : 'advice', i % 2 ? '3' : '4', i);
    const one = fold(h.events).p.memory;
    const cut = Math.floor(h.events.length / 2);
    const first = fold(h.events.slice(0, cut)).p;
    const resumed = new HistoryProjector(JSON.parse(JSON.stringify(first.memory)));
    resumed.apply(h.events.slice(cut - 5)); // overlapping events are skipped
    expect(resumed.memory).toEqual(one);
  });

  it('reports by week and month, per branch and across branches; delays by cause', () => {
    const h = new BranchHarness();
    h.run({ type: 'PostNotice', noticeId: 'notice-one', body: { presetId: 'computer-fault', counterId: '1' } });
    // Served at another counter: a call at counter 1 would end the notice (it says counter 1 is closed).
    serve(h, 'teller', '2', 5);
    h.tick(10 * MIN);
    h.run({ type: 'ResolveNotice', noticeId: 'notice-one', body: { apologise: true } });
    const { all } = fold(h.events);
    const days = [...all.days.map((d) => ({ ...d, branchId: 'demo' })), ...all.days.map((d) => ({ ...d, branchId: 'other' }))];
    const across = serviceFigures(days, { by: 'month', perBranch: false, perService: false });
    expect(across).toHaveLength(1);
    expect(across[0]).toMatchObject({ period: '2026-11', branchId: null, service: null, issued: 2, called: 2 });
    expect(serviceFigures(days, { by: 'week', perBranch: true, perService: false }).map((f) => `${f.period} ${f.branchId}`)).toEqual([
      '2026-W48 demo',
      '2026-W48 other',
    ]);
    const causes = causeFigures(all.notices.map((n) => ({ ...n, branchId: 'demo' })), { by: 'day', perBranch: true }, h.now);
    expect(causes).toEqual([{ period: '2026-11-23', branchId: 'demo', cause: 'technical_problem', notices: 1, minutes: 16, touched: 1, apologies: 1, overran: 1 }]);
  });
});

describe('local time for reports and replays', () => {
  it('a late issue time (ingest: the call came first) moves the wait out of the stand-in: the usual, the notice and the day, counted once', () => {
    const h = new BranchHarness();
    const ingest = (ticketId: string, action: 'issued' | 'called' | 'served', at: number, late = false) =>
      h.run({ type: 'IngestTicket', ticketId, action, service: 'teller', number: ticketId.slice(0, 4).toUpperCase(), counterId: '1', at, ...(late ? { known: true as const } : {}) });
    // Yesterday: five teller tickets that each waited 4 minutes, and one the queue system reported
    // served before issued — 4 minutes too, once its issue came. The usual stays 4 minutes.
    h.now = T0 - DAY;
    h.tick(5 * MIN);
    expect(ingest('ylate', 'served', h.now).ok).toBe(true);
    h.tick(MIN);
    expect(ingest('ylate', 'issued', h.now - 5 * MIN, true).ok).toBe(true);
    for (let i = 0; i < 5; i++) serve(h, 'teller', '1', 4);
    // Today: a notice on counter 2; a ticket called at +20 min whose issue (at +2 min) comes after.
    h.now = T0;
    h.run({ type: 'PostNotice', noticeId: 'notice-fault-2', body: { presetId: 'computer-fault', counterId: '2', expectedInMinutes: 10 } });
    h.tick(20 * MIN);
    ingest('tlate', 'called', h.now);
    h.tick(MIN);
    const fixed = ingest('tlate', 'issued', T0 + 2 * MIN, true);
    expect(fixed.ok && fixed.events.map((e) => e.type)).toEqual(['TicketIssueCorrected']);

    const { all } = fold(h.events);
    const t = all.tickets.find((x) => x.id === 'tlate')!;
    expect(t).toMatchObject({ issuedAt: T0 + 2 * MIN, waitMs: 18 * MIN, notices: ['notice-fault-2'] });
    expect(t.issueInferred).toBeUndefined();
    // 18 minutes against the usual 4 (not a stand-in wait of 0: −4; nor the usual pulled down by yesterday's stand-in).
    expect(all.notices.find((x) => x.id === 'notice-fault-2')).toMatchObject({ touched: 1, touchedCompared: 1, extraWaitMs: 14 * MIN });
    const today = all.days.find((d) => d.day === localParts(T0, 'Europe/Rome').day && d.service === 'teller')!;
    expect(today).toMatchObject({ issued: 1, called: 1, waitSumMs: 18 * MIN, touched: 1, extraWaitMs: 14 * MIN, waitHist: { '36': 1 } });
    const yesterday = all.days.find((d) => d.day === localParts(T0 - DAY, 'Europe/Rome').day && d.service === 'teller')!;
    expect(yesterday).toMatchObject({ called: 6, served: 6, waitSumMs: 24 * MIN, waitHist: { '8': 6 } });
    // Folded in two batches (a checkpoint between the stand-in and its correction): the same rows.
    const split = h.events.findIndex((e) => e.type === 'TicketIssueCorrected' && e.ticketId === 'tlate');
    const p = new HistoryProjector(emptyHistoryMemory('demo'));
    p.apply(h.events.slice(0, split));
    const again = new HistoryProjector(JSON.parse(JSON.stringify(p.memory)));
    again.apply(h.events.slice(split));
    expect(again.memory.days).toEqual(fold(h.events).p.memory.days);
  });

  it('reads a local date and time in the branch zone, across daylight saving', () => {
    expect(fromLocal('2026-12-01T10:14', 'Europe/Rome')).toBe(Date.UTC(2026, 11, 1, 9, 14));
    expect(fromLocal('2026-07-01 10:14:05', 'Europe/Rome')).toBe(Date.UTC(2026, 6, 1, 8, 14, 5));
    // 02:30 on 25 Oct 2026 happens twice in Rome: the first one.
    expect(fromLocal('2026-10-25T02:30', 'Europe/Rome')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(fromLocal('2026-02-30T10:00', 'Europe/Rome')).toBeNull();
    expect(fromLocal('yesterday', 'Europe/Rome')).toBeNull();
    expect(isoLocal(Date.UTC(2026, 11, 1, 9, 14), 'Europe/Rome')).toBe('2026-12-01T10:14:00+01:00');
    expect(isoLocal(Date.UTC(2026, 6, 1, 9, 14), 'America/New_York')).toBe('2026-07-01T05:14:00-04:00');
  });

  it('names ISO weeks', () => {
    expect(isoWeek('2026-12-01')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });

  it('diffs configurations by id', () => {
    const a = { presets: [{ id: 'x', text: { en: 'a' } }, { id: 'y', text: { en: 'b' } }] };
    expect(configDiff(a, { presets: [{ id: 'y', text: { en: 'b' } }] })).toEqual([{ path: 'presets.x', op: 'removed', before: { id: 'x', text: { en: 'a' } } }]);
  });
});
