import { describe, expect, it } from 'vitest';
import type { Command } from '../../core';
import { spec } from '../support/specification';

/**
 * "The counter tiles and the notice say the same thing": a counter-closed notice and the counter
 * it closes never contradict each other (QA, teller-8 / lobby-c, lobby-d / teller-10 / teller-12).
 */
const MIN = 60_000;
const issue = (ticketId: string): Command => ({ type: 'IssueTicket', ticketId, service: 'teller' });
const act = (counterId: string, action: 'call-next' | 'done' | 'open'): Command => ({ type: 'CounterAction', counterId, action });
const fault = (counterId: string, noticeId = 'notice-cf-2'): Command => ({ type: 'PostNotice', noticeId, body: { presetId: 'computer-fault', counterId, expectedInMinutes: 10 } });
const anyNumber = expect.any(Number) as unknown as number;

describe('calling at a counter a notice says is closed (was: "Open" tile under a "Counter closed" notice)', () => {
  it('given a counter-closed notice on counter 2, when the teller calls next there, then the notice is resolved with the reason, the counter opens, the ticket is called', () => {
    const b = spec()
      .given(issue('ticket-a1'), issue('ticket-a2'), act('2', 'call-next'), fault('2'), { wait: 3 * MIN }, act('2', 'done'))
      .when(act('2', 'call-next'))
      .then([
        expect.objectContaining({ type: 'NoticeResolved', noticeId: 'notice-cf-2', reason: 'counter_reopened' }),
        { type: 'CounterOpened', counterId: '2' },
        { type: 'TicketCalled', ticketId: 'ticket-a2', counterId: '2' },
      ]);
    expect(b.state.counters['2']!.status).toBe('open');
    expect(b.state.notices.find((n) => n.id === 'notice-cf-2')!.status).toBe('resolved');
  });

  it('the same for a specific ticket called, and for "open"', () => {
    spec()
      .given(issue('ticket-a1'), act('2', 'open'), fault('2'))
      .when({ type: 'CallTicket', counterId: '2', body: { ticketId: 'ticket-a1' } })
      .then([
        expect.objectContaining({ type: 'NoticeResolved', noticeId: 'notice-cf-2', reason: 'counter_reopened' }),
        { type: 'CounterOpened', counterId: '2' },
        { type: 'TicketCalled', ticketId: 'ticket-a1', counterId: '2' },
      ]);
    spec()
      .given(act('2', 'open'), fault('2'))
      .when(act('2', 'open'))
      .then([expect.objectContaining({ type: 'NoticeResolved', noticeId: 'notice-cf-2', reason: 'counter_reopened' }), { type: 'CounterOpened', counterId: '2' }]);
  });

  it('a notice that also closes other counters goes on for them: this counter is taken out of it, in the same tap', () => {
    const shared = {
      type: 'PostNotice' as const,
      noticeId: 'notice-cf-23',
      body: { presetId: 'computer-fault', scope: { type: 'counters' as const, ids: ['2', '3'] } },
    };
    spec()
      .given(issue('ticket-a1'), act('2', 'open'), act('3', 'open'), shared)
      .when(act('2', 'call-next'))
      .then([
        { type: 'NoticeUpdated', noticeId: 'notice-cf-23', scope: { type: 'counters', ids: ['3'] }, reason: 'counter_reopened' },
        { type: 'CounterOpened', counterId: '2' },
        { type: 'TicketCalled', ticketId: 'ticket-a1', counterId: '2' },
      ]);
    // Then counter 3 reopening too ends it: it was the last counter it said was closed.
    spec()
      .given(act('2', 'open'), act('3', 'open'), shared, act('2', 'open'))
      .when(act('3', 'open'))
      .then([expect.objectContaining({ type: 'NoticeResolved', noticeId: 'notice-cf-23', reason: 'counter_reopened' }), { type: 'CounterOpened', counterId: '3' }]);
  });

  it('a call reported by another queue system at that counter ends the notice too (a fact: the counter works)', () => {
    spec()
      .given(act('2', 'open'), fault('2'))
      .when({ type: 'IngestTicket', ticketId: 'ext-77', action: 'called', service: 'teller', number: 'A077', counterId: '2' })
      .then([
        expect.objectContaining({ type: 'TicketIssued' }),
        expect.objectContaining({ type: 'NoticeResolved', noticeId: 'notice-cf-2', reason: 'counter_reopened' }),
        { type: 'CounterOpened', counterId: '2' },
        { type: 'TicketCalled', ticketId: 'ext-77', counterId: '2' },
      ]);
  });

  it('a counter with no such notice calls as before', () => {
    spec().given(issue('ticket-a1')).when(act('2', 'call-next')).then([{ type: 'CounterOpened', counterId: '2' }, { type: 'TicketCalled', ticketId: 'ticket-a1', counterId: '2' }]);
  });
});

describe('one return time, and resolving ends only the notice’s own pause (was: "back at 14:14" beside "expected end 14:08", then resolve ended the teller’s break)', () => {
  it('given a notice pausing counter 2 until +10, when the teller pauses it for +15, then the notice’s expected end moves with it', () => {
    const b = spec()
      .given(act('2', 'open'), fault('2'), { wait: MIN })
      .when({ type: 'PauseCounter', counterId: '2', body: { backInMinutes: 15 } })
      .then([
        { type: 'NoticeUpdated', noticeId: 'notice-cf-2', expectedEndAt: anyNumber },
        { type: 'CounterPaused', counterId: '2', backAt: anyNumber },
      ]);
    const back = b.state.counters['2']!.backAt;
    expect(back).toBe(b.now + 15 * MIN);
    expect(b.state.notices[0]!.expectedEndAt).toBe(back);
  });

  it('then resolving the notice leaves the teller’s own pause as it is', () => {
    const { harness: b } = spec().given(act('2', 'open'), fault('2'), { wait: MIN }, { type: 'PauseCounter', counterId: '2', body: { backInMinutes: 15 } }, { wait: MIN });
    const r = b.run({ type: 'ResolveNotice', noticeId: 'notice-cf-2', body: {} });
    expect(r.ok && r.events.map((e) => e.type)).toEqual(['NoticeResolved']);
    expect(b.state.counters['2']).toMatchObject({ status: 'paused', backAt: b.now - MIN + 15 * MIN });
  });

  it('a pause the notice caused still reopens when it is resolved, also after its end was moved', () => {
    const { harness: b } = spec().given(act('2', 'open'), fault('2'), { wait: MIN }, { type: 'UpdateNotice', noticeId: 'notice-cf-2', body: { expectedInMinutes: 20 } });
    expect(b.state.counters['2']).toMatchObject({ status: 'paused', backAt: b.now + 20 * MIN, pausedByNotice: 'notice-cf-2' });
    const r = b.run({ type: 'ResolveNotice', noticeId: 'notice-cf-2', body: {} });
    expect(r.ok && r.events.map((e) => e.type)).toEqual(['NoticeResolved', 'CounterOpened']);
  });

  it('a notice posted while the teller was already paused ends with the counter still paused (the notice did not pause it)', () => {
    const { harness: b } = spec().given(act('2', 'open'), { type: 'PauseCounter', counterId: '2', body: { backInMinutes: 30 } }, fault('2'));
    // One return time: the notice's, the newest word.
    expect(b.state.counters['2']).toMatchObject({ status: 'paused', backAt: b.now + 10 * MIN });
    expect(b.state.notices[0]!.expectedEndAt).toBe(b.now + 10 * MIN);
    expect(b.state.counters['2']!.pausedByNotice).toBeUndefined();
    const r = b.run({ type: 'ResolveNotice', noticeId: 'notice-cf-2', body: {} });
    expect(r.ok && r.events.map((e) => e.type)).toEqual(['NoticeResolved']);
  });
});
