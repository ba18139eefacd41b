import { describe, expect, it } from 'vitest';
import { UNDO_NO_SHOW_MS, type Command } from '../../core';
import { PROMISED } from '../support/configs';
import { spec } from '../support/specification';

const MIN = 60_000;
const issue = (ticketId: string, service = 'teller'): Command => ({ type: 'IssueTicket', ticketId, service });
const callNext = (counterId: string): Command => ({ type: 'CounterAction', counterId, action: 'call-next' });
const act = (counterId: string, action: 'done' | 'no-show' | 'open' | 'close'): Command => ({ type: 'CounterAction', counterId, action });

describe('call a specific ticket', () => {
  it('given A001 and A002 waiting, when counter 2 calls A002 by appointment, then it is called with that reason', () => {
    spec()
      .given(issue('ticket-a1'), issue('ticket-a2'), act('2', 'open'))
      .when({ type: 'CallTicket', counterId: '2', body: { ticketId: 'ticket-a2', reason: 'appointment' } })
      .then([{ type: 'TicketCalled', ticketId: 'ticket-a2', counterId: '2', reason: 'appointment' }]);
  });

  it('out of turn without a reason is refused, naming the field', () => {
    spec()
      .given(issue('ticket-a1'), issue('ticket-a2'))
      .when({ type: 'CallTicket', counterId: '2', body: { ticketId: 'ticket-a2' } })
      .thenFails({ code: 'reason_required', field: 'reason', kind: 'invalid' });
  });

  it('the ticket the counter would call next needs no reason, and a given one is not shown (it would mislead)', () => {
    spec()
      .given(issue('ticket-a1'), issue('ticket-a2'))
      .when({ type: 'CallTicket', counterId: '2', body: { ticketId: 'ticket-a1', reason: 'quick_operation' } })
      .then([
        { type: 'CounterOpened', counterId: '2' },
        { type: 'TicketCalled', ticketId: 'ticket-a1', counterId: '2' },
      ]);
  });

  it('finishes the customer at the counter first', () => {
    spec()
      .given(issue('ticket-a1'), issue('ticket-a2'), issue('ticket-a3'), callNext('2'))
      .when({ type: 'CallTicket', counterId: '2', body: { ticketId: 'ticket-a3', reason: 'priority_elderly' } })
      .then([
        { type: 'ServiceEnded', ticketId: 'ticket-a1', counterId: '2' },
        { type: 'TicketCalled', ticketId: 'ticket-a3', counterId: '2', reason: 'priority_elderly' },
      ]);
  });

  it('a ticket at another counter, an unknown one, or one transferred to another counter cannot be called', () => {
    const given = spec().given(issue('ticket-a1'), issue('ticket-a2'), callNext('1'));
    given.when({ type: 'CallTicket', counterId: '2', body: { ticketId: 'ticket-a1', reason: 'appointment' } }).thenFails({ code: 'ticket_at_counter' });
    given.when({ type: 'CallTicket', counterId: '2', body: { ticketId: 'ticket-zz', reason: 'appointment' } }).thenFails({ code: 'unknown_ticket', field: 'ticketId' });
    spec()
      .given(issue('ticket-a1'), callNext('1'), act('3', 'open'), { type: 'TransferTicket', counterId: '1', body: { toCounterId: '3' } })
      .when({ type: 'CallTicket', counterId: '2', body: { ticketId: 'ticket-a1', reason: 'transferred' } })
      .thenFails({ code: 'assigned_elsewhere' });
  });

  it('a no-show called back later is called with the reason "called back after a no-show"', () => {
    spec()
      .given(issue('ticket-a1'), issue('ticket-a2'), callNext('1'), act('1', 'no-show'), callNext('1'), { wait: 30 * MIN })
      .when({ type: 'CallTicket', counterId: '3', body: { ticketId: 'ticket-a1' } })
      .then([
        { type: 'CounterOpened', counterId: '3' },
        { type: 'TicketCalled', ticketId: 'ticket-a1', counterId: '3', reason: 'no_show_callback' },
      ]);
  });
});

describe('transfer', () => {
  it('given A001 at counter 1, when it is transferred to advice, then it waits there before B001 who came later, keeping its number', () => {
    const b = spec()
      .given(issue('ticket-a1'), issue('ticket-b1', 'advice'), callNext('1'))
      .when({ type: 'TransferTicket', counterId: '1', body: { service: 'advice' } })
      .then([{ type: 'TicketTransferred', ticketId: 'ticket-a1', counterId: '1', service: 'advice', toCounterId: null }]);
    expect(b.state.queues.advice).toEqual(['ticket-a1', 'ticket-b1']);
    expect(b.state.tickets['ticket-a1']!.number).toBe('A001');
    // Counter 4 (advice first) calls it next; the lobby is told it was transferred.
    expect(b.run(callNext('4'))).toMatchObject({ ok: true, events: [{ type: 'CounterOpened' }, { type: 'TicketCalled', ticketId: 'ticket-a1', reason: 'transferred' }] });
  });

  it('to a counter: only that counter calls it, before later tickets; others skip it', () => {
    const b = spec()
      .given(issue('ticket-a1'), issue('ticket-a2'), callNext('1'), act('4', 'open'))
      .when({ type: 'TransferTicket', counterId: '1', body: { toCounterId: '4' } })
      .then([{ type: 'TicketTransferred', ticketId: 'ticket-a1', counterId: '1', service: 'teller', toCounterId: '4' }]);
    expect(b.run(callNext('2'))).toMatchObject({ ok: true, events: [{ type: 'CounterOpened' }, { type: 'TicketCalled', ticketId: 'ticket-a2' }] });
    expect(b.run(callNext('4'))).toMatchObject({ ok: true, events: [{ type: 'TicketCalled', ticketId: 'ticket-a1', reason: 'transferred' }] });
  });

  it('to a counter that does not serve its service: it takes that counter’s service', () => {
    const config = { ...PROMISED, counters: PROMISED.counters.map((c) => (c.id === '4' ? { ...c, services: ['advice'] } : c)) };
    spec(config)
      .given(issue('ticket-a1'), callNext('1'), act('4', 'open'))
      .when({ type: 'TransferTicket', counterId: '1', body: { toCounterId: '4' } })
      .then([{ type: 'TicketTransferred', ticketId: 'ticket-a1', counterId: '1', service: 'advice', toCounterId: '4' }]);
  });

  it('refuses what makes no sense', () => {
    const given = spec().given(issue('ticket-a1'), callNext('1'));
    given.when({ type: 'TransferTicket', counterId: '2', body: { service: 'advice' } }).thenFails({ code: 'no_current_ticket' });
    given.when({ type: 'TransferTicket', counterId: '1', body: { service: 'teller' } }).thenFails({ code: 'nothing_to_transfer', field: 'service' });
    given.when({ type: 'TransferTicket', counterId: '1', body: { toCounterId: '1' } }).thenFails({ code: 'same_counter', field: 'toCounterId' });
    given.when({ type: 'TransferTicket', counterId: '1', body: { toCounterId: '9' } }).thenFails({ code: 'unknown_counter', field: 'toCounterId' });
    given.when({ type: 'TransferTicket', counterId: '1', body: { service: 'loans' } }).thenFails({ code: 'unknown_service', field: 'service' });
  });

  it('to a closed counter: refused (nobody would call it), naming the field; once it is open, accepted', () => {
    const given = spec().given(issue('ticket-a1'), callNext('1'));
    given.when({ type: 'TransferTicket', counterId: '1', body: { toCounterId: '3' } }).thenFails({ kind: 'conflict', code: 'counter_closed', field: 'toCounterId' });
    spec()
      .given(issue('ticket-a1'), callNext('1'), act('3', 'open'), act('3', 'close'))
      .when({ type: 'TransferTicket', counterId: '1', body: { toCounterId: '3' } })
      .thenFails({ code: 'counter_closed', field: 'toCounterId' });
    spec()
      .given(issue('ticket-a1'), callNext('1'), act('3', 'open'))
      .when({ type: 'TransferTicket', counterId: '1', body: { toCounterId: '3' } })
      .then([{ type: 'TicketTransferred', ticketId: 'ticket-a1', counterId: '1', service: 'teller', toCounterId: '3' }]);
  });
});

describe('undo a no-show', () => {
  const noShow = () => spec().given(issue('ticket-a1'), issue('ticket-a2'), callNext('1'), act('1', 'no-show'));

  it('within a few minutes, with the counter free: back at the counter', () => {
    noShow()
      .when({ type: 'UndoNoShow', counterId: '1', body: {} }, UNDO_NO_SHOW_MS)
      .then([{ type: 'NoShowUndone', ticketId: 'ticket-a1', counterId: '1', back: 'counter' }]);
  });

  it('with the next customer already at the counter: back at its place in the queue', () => {
    const b = spec()
      .given(issue('ticket-a1'), issue('ticket-a2'), issue('ticket-a3'), callNext('1'), act('1', 'no-show'), callNext('1'))
      .when({ type: 'UndoNoShow', counterId: '1', body: { ticketId: 'ticket-a1' } }, MIN)
      .then([{ type: 'NoShowUndone', ticketId: 'ticket-a1', counterId: '1', back: 'queue' }]);
    expect(b.state.queues.teller).toEqual(['ticket-a1', 'ticket-a3']);
  });

  it('after the window: refused, and the teller calls it back instead', () => {
    noShow().when({ type: 'UndoNoShow', counterId: '1', body: {} }, UNDO_NO_SHOW_MS + 1).thenFails({ code: 'undo_too_late' });
  });

  it('nothing to undo', () => {
    spec().given().when({ type: 'UndoNoShow', counterId: '1', body: {} }).thenFails({ code: 'unknown_no_show' });
  });
});

describe('pause keeps the customer (was: silently finished them)', () => {
  it('given A001 at counter 2, when it pauses, then only the pause: the ticket stays at the counter and on now serving', () => {
    const b = spec()
      .given(issue('ticket-a1'), callNext('2'))
      .when({ type: 'PauseCounter', counterId: '2', body: { backInMinutes: 10 } })
      .then([{ type: 'CounterPaused', counterId: '2', backAt: expect.any(Number) as unknown as number }]);
    expect(b.state.counters['2']!.ticketId).toBe('ticket-a1');
    expect(b.state.calls.map((c) => c.number)).toEqual(['A001']);
  });

  it('finishing first is the teller’s explicit choice', () => {
    spec()
      .given(issue('ticket-a1'), callNext('2'))
      .when({ type: 'PauseCounter', counterId: '2', body: { backInMinutes: null, finishCurrent: true } })
      .then([
        { type: 'ServiceEnded', ticketId: 'ticket-a1', counterId: '2' },
        { type: 'CounterPaused', counterId: '2', backAt: null },
      ]);
  });
});

describe('a counter-closed notice and "now serving" (was: the call vanished for good)', () => {
  it('the customer at the counter stays on now serving while the notice is up, and after it is resolved', () => {
    const b = spec().given(issue('ticket-a1'), callNext('2')).harness;
    b.run({ type: 'PostNotice', noticeId: 'notice-cf-2', body: { presetId: 'computer-fault', counterId: '2' } });
    expect(b.state.counters['2']).toMatchObject({ status: 'paused', ticketId: 'ticket-a1' });
    expect(b.state.calls.map((c) => c.number)).toEqual(['A001']);
    b.tick(5 * MIN).run({ type: 'ResolveNotice', noticeId: 'notice-cf-2', body: {} });
    expect(b.state.counters['2']).toMatchObject({ status: 'open', ticketId: 'ticket-a1' });
    expect(b.state.calls.map((c) => c.number)).toEqual(['A001']);
  });
});

describe('typed words in one language (was: they replaced the other languages)', () => {
  const posted = () => spec().given({ type: 'PostNotice', noticeId: 'notice-net-1', body: { presetId: 'network-slow' } }).harness;

  it('an update typed in Italian only is a note beside the preset text, which keeps its English', () => {
    const b = posted();
    const before = b.state.notices[0]!.text;
    const d = b.tick(MIN).run({ type: 'UpdateNotice', noticeId: 'notice-net-1', body: { text: { it: 'Il tecnico arriva alle 10:30' } } });
    expect(d).toMatchObject({ ok: true, events: [{ type: 'NoticeUpdated', note: { it: 'Il tecnico arriva alle 10:30' } }] });
    expect(b.state.notices[0]).toMatchObject({ text: before, note: { it: 'Il tecnico arriva alle 10:30' } });
  });

  it('an update in every language replaces the text (and clears an earlier note)', () => {
    const b = posted();
    b.run({ type: 'UpdateNotice', noticeId: 'notice-net-1', body: { text: { it: 'Nota' } } });
    b.run({ type: 'UpdateNotice', noticeId: 'notice-net-1', body: { text: { it: 'Rete di nuovo veloce a breve', en: 'Network fast again soon' } } });
    expect(b.state.notices[0]).toMatchObject({ text: { en: 'Network fast again soon' }, note: null });
  });

  it('a closing text typed in one language is a note; the resolution keeps every language; with a prevention line', () => {
    const b = posted();
    const d = b.tick(10 * MIN).run({
      type: 'ResolveNotice',
      noticeId: 'notice-net-1',
      body: { text: { it: 'Rete ripristinata' }, prevention: { it: 'Abbiamo sostituito il router', en: 'We have replaced the router' } },
    });
    expect(d).toMatchObject({ ok: true, events: [{ type: 'NoticeResolved', text: null, note: { it: 'Rete ripristinata' }, prevention: { en: 'We have replaced the router' } }] });
    expect(b.state.notices[0]!.resolution).toMatchObject({ text: null, note: { it: 'Rete ripristinata' }, prevention: { it: 'Abbiamo sostituito il router' }, apologise: true });
  });
});

describe('apology on resolve follows the promise', () => {
  it('waits within the promise: resolving without saying gives no apology, even for a branch preset that apologised', () => {
    const b = spec(PROMISED).given({ type: 'PostNotice', noticeId: 'notice-net-1', body: { presetId: 'network-slow' } }, issue('ticket-a1'), { wait: 3 * MIN }, callNext('1')).harness;
    expect(b.state.notices[0]!.apologise).toBe(true);
    const d = b.run({ type: 'ResolveNotice', noticeId: 'notice-net-1', body: {} });
    expect(d).toMatchObject({ ok: true, events: [{ type: 'NoticeResolved', apologise: false }] });
  });
});

describe('long transaction notice ends with the service', () => {
  for (const [how, cmd] of [
    ['done', act('2', 'done')],
    ['no-show', act('2', 'no-show')],
    ['call-next', callNext('2')],
    ['transfer', { type: 'TransferTicket', counterId: '2', body: { service: 'advice' } } as Command],
  ] as const) {
    it(`posted for counter 2, it is resolved when the customer leaves (${how})`, () => {
      const b = spec()
        .given(issue('ticket-a1'), issue('ticket-a2'), callNext('2'), { wait: 25 * MIN }, { type: 'PostNotice', noticeId: 'notice-long-2', body: { presetId: 'long-transaction', counterId: '2' } })
        .harness;
      const d = b.run(cmd);
      expect(d.ok && d.events.map((e) => e.type)).toContain('NoticeResolved');
      expect(b.state.notices[0]).toMatchObject({ status: 'resolved', resolution: { apologise: false } });
    });
  }
});
