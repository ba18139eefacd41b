import { describe, expect, it } from 'vitest';
import { apply, noticePhase, visibleNotices, RESOLVED_VISIBLE_MS, type BranchEvent } from '../../core';
import { BranchHarness, T0 } from '../support/branch-fixture';

let n = 0;
const id = () => `ticket-${String(++n).padStart(4, '0')}`;

describe('queue', () => {
  it('numbers tickets per service and per day: A001, A002, B001, then A001 again the next day', () => {
    const b = new BranchHarness();
    const numbers = ['teller', 'teller', 'advice'].map((service) => {
      const ticketId = id();
      b.run({ type: 'IssueTicket', ticketId, service });
      return b.state.tickets[ticketId]!.number;
    });
    expect(numbers).toEqual(['A001', 'A002', 'B001']);
    // Yesterday's tickets were served (a number still held is never given twice).
    for (let i = 0; i < 3; i++) b.run({ type: 'CounterAction', counterId: '3', action: i < 2 ? 'call-next' : 'done' });
    for (let i = 0; i < 2; i++) b.run({ type: 'CounterAction', counterId: '4', action: i < 1 ? 'call-next' : 'done' });
    b.tick(24 * 3600_000);
    const next = id();
    b.run({ type: 'IssueTicket', ticketId: next, service: 'teller' });
    expect(b.state.tickets[next]!.number).toBe('A001');
    expect(b.state.today.issued).toEqual({ teller: 1 });
  });

  it('calls the longest-waiting ticket among the services a counter serves, opening the counter', () => {
    const b = new BranchHarness();
    const [a1, b1, a2] = [id(), id(), id()];
    b.run({ type: 'IssueTicket', ticketId: a1, service: 'teller' });
    b.tick(1000).run({ type: 'IssueTicket', ticketId: b1, service: 'advice' });
    b.tick(1000).run({ type: 'IssueTicket', ticketId: a2, service: 'teller' });
    // Counter 4 serves advice and teller: A001 waited longest.
    const d = b.run({ type: 'CounterAction', counterId: '4', action: 'call-next' });
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['CounterOpened', 'TicketCalled']);
    expect(b.state.counters['4']).toMatchObject({ status: 'open', ticketId: a1 });
    expect(b.state.queues.teller).toEqual([a2]);
    expect(b.state.calls[0]).toMatchObject({ number: 'A001', counterId: '4' });
    // Counter 1 serves only teller: A002, not B001.
    b.run({ type: 'CounterAction', counterId: '1', action: 'call-next' });
    expect(b.state.counters['1']!.ticketId).toBe(a2);
    // Counter 4 calls again: A001 is finished, B001 comes.
    const again = b.run({ type: 'CounterAction', counterId: '4', action: 'call-next' });
    expect(again.ok && again.events.map((e) => e.type)).toEqual(['ServiceEnded', 'TicketCalled']);
    expect(b.state.tickets[a1]).toBeUndefined();
    expect(b.state.today.served).toBe(1);
    expect(b.state.calls.map((c) => `${c.number}@${c.counterId}`)).toEqual(['B001@4', 'A002@1']);
  });

  it('refuses what makes no sense, with a reason', () => {
    const b = new BranchHarness();
    expect(b.run({ type: 'CounterAction', counterId: '1', action: 'call-next' })).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'queue_empty' } });
    expect(b.run({ type: 'CounterAction', counterId: '1', action: 'done' })).toMatchObject({ ok: false, error: { code: 'no_current_ticket' } });
    expect(b.run({ type: 'CounterAction', counterId: '9', action: 'open' })).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(b.run({ type: 'IssueTicket', ticketId: id(), service: 'loans' })).toMatchObject({ ok: false, error: { kind: 'invalid', field: 'service' } });
  });

  it('recall, no-show, pause with a time to be back, close', () => {
    const b = new BranchHarness();
    const t = id();
    b.run({ type: 'IssueTicket', ticketId: t, service: 'teller' });
    b.run({ type: 'CounterAction', counterId: '2', action: 'call-next' });
    b.tick(30_000).run({ type: 'CounterAction', counterId: '2', action: 'recall' });
    expect(b.state.tickets[t]!.recalls).toBe(1);
    expect(b.state.calls[0]).toMatchObject({ recall: true, at: T0 + 30_000 });
    b.run({ type: 'CounterAction', counterId: '2', action: 'no-show' });
    expect(b.state.today.noShow).toBe(1);
    expect(b.state.counters['2']!.ticketId).toBeNull();
    b.run({ type: 'PauseCounter', counterId: '2', body: { backInMinutes: 10 } });
    expect(b.state.counters['2']).toMatchObject({ status: 'paused', backAt: b.now + 600_000 });
    b.run({ type: 'CounterAction', counterId: '2', action: 'close' });
    expect(b.state.counters['2']).toMatchObject({ status: 'closed', backAt: null });
    expect(b.state.calls).toEqual([]);
  });
});

describe('notices', () => {
  it('posts from a preset with the teller’s counter as scope and an expected end; updates; resolves', () => {
    const b = new BranchHarness();
    const d = b.run({ type: 'PostNotice', noticeId: 'notice-0001', body: { presetId: 'computer-fault', counterId: '2', expectedInMinutes: 10 } });
    expect(d.ok).toBe(true);
    const posted = b.state.notices[0]!;
    expect(posted).toMatchObject({
      cause: 'technical_problem',
      effect: 'counter_closed',
      scope: { type: 'counters', ids: ['2'] },
      apologise: true,
      startedAt: T0,
      expectedEndAt: T0 + 600_000,
      status: 'active',
    });
    expect(posted.text.it).toContain('ci scusiamo');
    expect(noticePhase(posted, T0 + 599_999)).toBe('active');
    expect(noticePhase(posted, T0 + 600_000)).toBe('overdue');

    b.tick(5 * 60_000).run({ type: 'UpdateNotice', noticeId: 'notice-0001', body: { expectedInMinutes: null } });
    expect(b.state.notices[0]!.expectedEndAt).toBeNull();
    expect(b.state.notices[0]!.updates).toEqual([{ at: T0 + 300_000, expectedEndAt: null }]);

    b.tick(60_000).run({ type: 'ResolveNotice', noticeId: 'notice-0001', body: {} });
    const resolved = b.state.notices[0]!;
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolution).toEqual({ at: T0 + 360_000, text: null, apologise: true });
    expect(visibleNotices(b.state.notices, b.now + RESOLVED_VISIBLE_MS - 1)).toHaveLength(1);
    expect(visibleNotices(b.state.notices, b.now + RESOLVED_VISIBLE_MS)).toHaveLength(0);
    expect(b.run({ type: 'ResolveNotice', noticeId: 'notice-0001', body: {} })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });

  it('needs a text for cause "other" and a counter for a counter preset', () => {
    const b = new BranchHarness();
    expect(b.run({ type: 'PostNotice', noticeId: 'notice-0002', body: { cause: 'other', effect: 'info' } })).toMatchObject({
      ok: false,
      error: { field: 'text' },
    });
    expect(b.run({ type: 'PostNotice', noticeId: 'notice-0003', body: { presetId: 'computer-fault' } })).toMatchObject({
      ok: false,
      error: { field: 'counterId' },
    });
    expect(
      b.run({ type: 'PostNotice', noticeId: 'notice-0004', body: { cause: 'other', effect: 'info', text: { en: 'Lift out of order' }, scope: { type: 'counters', ids: ['7'] } } }),
    ).toMatchObject({ ok: false, error: { field: 'scope.ids.0' } });
    expect(b.run({ type: 'PostNotice', noticeId: 'notice-0005', body: { presetId: 'system-down', expectedEndAt: T0 - 1 } })).toMatchObject({
      ok: false,
      error: { field: 'expectedEndAt' },
    });
  });

  it('drops resolved notices from the live state after a day (the log keeps them)', () => {
    const b = new BranchHarness();
    b.run({ type: 'PostNotice', noticeId: 'notice-0006', body: { presetId: 'system-down' } });
    b.run({ type: 'ResolveNotice', noticeId: 'notice-0006', body: {} });
    b.tick(25 * 3600_000).run({ type: 'PostNotice', noticeId: 'notice-0007', body: { presetId: 'busy-now' } });
    expect(b.state.notices.map((x) => x.id)).toEqual(['notice-0007']);
  });
});

describe('apply', () => {
  it('refuses an event out of sequence and never mutates its input', () => {
    const b = new BranchHarness();
    const frozen = structuredClone(b.state);
    const e = { type: 'CounterOpened', counterId: '1', branchId: 'demo', seq: b.state.seq + 1, at: T0, actor: { role: 'teller' } } as BranchEvent;
    apply(b.state, e);
    expect(b.state).toEqual(frozen);
    expect(() => apply(b.state, { ...e, seq: b.state.seq + 2 })).toThrow(/does not follow/);
  });
});

describe('notices and counters agree', () => {
  it('a counter_closed notice pauses its open counters until the expected end; an update moves that; resolving reopens them', () => {
    const b = new BranchHarness();
    b.run({ type: 'CounterAction', counterId: '2', action: 'open' });
    const d = b.run({ type: 'PostNotice', noticeId: 'notice-0100', body: { presetId: 'computer-fault', counterId: '2', expectedInMinutes: 10 } });
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['NoticePosted', 'CounterPaused']);
    expect(b.state.counters['2']).toMatchObject({ status: 'paused', backAt: T0 + 600_000 });

    b.tick(5 * 60_000).run({ type: 'UpdateNotice', noticeId: 'notice-0100', body: { expectedInMinutes: 15 } });
    expect(b.state.counters['2']!.backAt).toBe(b.now + 15 * 60_000);

    const r = b.run({ type: 'ResolveNotice', noticeId: 'notice-0100', body: {} });
    expect(r.ok && r.events.map((e) => e.type)).toEqual(['NoticeResolved', 'CounterOpened']);
    expect(b.state.counters['2']!.status).toBe('open');
  });

  it('does not reopen a counter that another active notice still closes, nor one closed meanwhile', () => {
    const b = new BranchHarness();
    for (const c of ['1', '2']) b.run({ type: 'CounterAction', counterId: c, action: 'open' });
    b.run({ type: 'PostNotice', noticeId: 'notice-0101', body: { presetId: 'computer-fault', counterId: '1' } });
    b.run({ type: 'PostNotice', noticeId: 'notice-0102', body: { presetId: 'counter-maintenance', counterId: '1' } });
    b.run({ type: 'PostNotice', noticeId: 'notice-0103', body: { presetId: 'computer-fault', counterId: '2' } });
    b.run({ type: 'CounterAction', counterId: '2', action: 'close' });
    const r1 = b.run({ type: 'ResolveNotice', noticeId: 'notice-0101', body: {} });
    expect(r1.ok && r1.events.map((e) => e.type)).toEqual(['NoticeResolved']);
    expect(b.state.counters['1']!.status).toBe('paused');
    const r3 = b.run({ type: 'ResolveNotice', noticeId: 'notice-0103', body: {} });
    expect(r3.ok && r3.events.map((e) => e.type)).toEqual(['NoticeResolved']);
    expect(b.state.counters['2']!.status).toBe('closed');
  });

  it('refuses the same preset twice for the same place, and times beyond 24 hours', () => {
    const b = new BranchHarness();
    b.run({ type: 'PostNotice', noticeId: 'notice-0104', body: { presetId: 'busy-now' } });
    expect(b.run({ type: 'PostNotice', noticeId: 'notice-0105', body: { presetId: 'busy-now' } })).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'duplicate_notice' } });
    // Another counter is another place.
    expect(b.run({ type: 'PostNotice', noticeId: 'notice-0106', body: { presetId: 'long-transaction', counterId: '1' } }).ok).toBe(true);
    expect(b.run({ type: 'PostNotice', noticeId: 'notice-0107', body: { presetId: 'long-transaction', counterId: '3' } }).ok).toBe(true);
    expect(b.run({ type: 'PostNotice', noticeId: 'notice-0108', body: { presetId: 'system-down', expectedEndAt: T0 + 25 * 3600_000 } })).toMatchObject({
      ok: false,
      error: { code: 'too_far_ahead', field: 'expectedEndAt' },
    });
    expect(b.run({ type: 'PauseCounter', counterId: '1', body: { backAt: T0 + 8.64e15 } })).toMatchObject({ ok: false, error: { code: 'too_far_ahead', field: 'backAt' } });
  });

  it('an update that changes nothing adds nothing to the timeline', () => {
    const b = new BranchHarness();
    b.run({ type: 'PostNotice', noticeId: 'notice-0109', body: { presetId: 'system-down' } });
    const text = b.state.notices[0]!.text;
    const d = b.run({ type: 'UpdateNotice', noticeId: 'notice-0109', body: { text, expectedInMinutes: null } });
    expect(d).toEqual({ ok: true, events: [] });
    expect(b.state.notices[0]!.updates).toEqual([]);
  });
});

describe('now serving', () => {
  it('shows only tickets still at a counter: a call leaves on done, no-show, pause that finishes the customer, and close', () => {
    const b = new BranchHarness();
    for (let i = 0; i < 4; i++) b.run({ type: 'IssueTicket', ticketId: `ticket-ns-${i}`, service: 'teller' });
    for (const c of ['1', '2', '3', '4']) b.run({ type: 'CounterAction', counterId: c, action: 'call-next' });
    expect(b.state.calls.map((c) => c.counterId)).toEqual(['4', '3', '2', '1']);
    b.run({ type: 'CounterAction', counterId: '1', action: 'done' });
    b.run({ type: 'CounterAction', counterId: '2', action: 'no-show' });
    b.run({ type: 'PauseCounter', counterId: '3', body: { backInMinutes: 5, finishCurrent: true } });
    expect(b.state.calls.map((c) => c.counterId)).toEqual(['4']);
    b.run({ type: 'CounterAction', counterId: '4', action: 'close' });
    expect(b.state.calls).toEqual([]);
  });
});
