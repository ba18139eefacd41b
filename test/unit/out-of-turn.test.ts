import { describe, expect, it } from 'vitest';
import { publicCallReason, OUT_OF_TURN_REASONS } from '../../core';
import { spec } from '../support/specification';

const MIN = 60_000;
const issue = (ticketId: string, service = 'teller') => ({ type: 'IssueTicket' as const, ticketId, service });

describe('a call with its reason and service (reducer)', () => {
  it('the call on "now serving" carries the reason and the ticket’s service', () => {
    const { state } = spec().given(issue('ticket-a1'), issue('ticket-a2'), { type: 'TicketCalled', ticketId: 'ticket-a2', counterId: '2', reason: 'appointment' });
    expect(state.calls[0]).toMatchObject({ number: 'A002', counterId: '2', service: 'teller', reason: 'appointment' });
    expect(state.queues.teller).toEqual(['ticket-a1']);
  });

  it('marks a call that passes someone of another service who came earlier', () => {
    const { state } = spec().given(issue('ticket-b1', 'advice'), issue('ticket-a1'), { type: 'CounterAction', counterId: '1', action: 'call-next' });
    expect(state.calls[0]).toMatchObject({ number: 'A001', passedOthers: true });
    const inOrder = spec().given(issue('ticket-a1'), issue('ticket-b1', 'advice'), { type: 'CounterAction', counterId: '1', action: 'call-next' });
    expect(inOrder.state.calls[0]!.passedOthers).toBeUndefined();
  });

  it('the room hears one "priority" for pregnancy, disability and age', () => {
    expect(OUT_OF_TURN_REASONS.map(publicCallReason)).toEqual(['appointment', 'priority', 'priority', 'priority', 'quick_operation', 'transferred', 'no_show_callback']);
  });
});

describe('transfer (reducer)', () => {
  it('the ticket leaves the counter and waits for its new service at its place by issue time, keeping its number', () => {
    const { state } = spec().given(
      issue('ticket-a1'),
      issue('ticket-b1', 'advice'),
      { wait: MIN },
      issue('ticket-b2', 'advice'),
      { type: 'CounterAction', counterId: '1', action: 'call-next' },
      { type: 'TicketTransferred', ticketId: 'ticket-a1', counterId: '1', service: 'advice', toCounterId: null },
    );
    expect(state.queues.advice).toEqual(['ticket-a1', 'ticket-b1', 'ticket-b2']);
    expect(state.tickets['ticket-a1']).toMatchObject({ number: 'A001', service: 'advice', status: 'waiting', counterId: null });
    expect(state.counters['1']!.ticketId).toBeNull();
    expect(state.calls).toEqual([]);
  });

  it('transferred to a counter, it is assigned to it until called', () => {
    const { state } = spec().given(
      issue('ticket-a1'),
      { type: 'CounterAction', counterId: '1', action: 'call-next' },
      { type: 'TicketTransferred', ticketId: 'ticket-a1', counterId: '1', service: 'teller', toCounterId: '2' },
    );
    expect(state.tickets['ticket-a1']).toMatchObject({ assignedCounterId: '2', transferredAt: expect.any(Number) });
    const called = spec().given(
      issue('ticket-a1'),
      { type: 'CounterAction', counterId: '1', action: 'call-next' },
      { type: 'TicketTransferred', ticketId: 'ticket-a1', counterId: '1', service: 'teller', toCounterId: '2' },
      { type: 'TicketCalled', ticketId: 'ticket-a1', counterId: '2' },
    ).state;
    expect(called.tickets['ticket-a1']!.assignedCounterId).toBeUndefined();
  });
});

describe('no-show kept for the day (reducer)', () => {
  const noShow = () =>
    spec().given(issue('ticket-a1'), issue('ticket-a2'), { type: 'CounterAction', counterId: '1', action: 'call-next' }, { type: 'CounterAction', counterId: '1', action: 'no-show' });

  it('a no-show leaves the queue and the counter, and is kept to undo or call back', () => {
    const { state } = noShow();
    expect(state.tickets['ticket-a1']).toBeUndefined();
    expect(state.noShows?.['ticket-a1']).toMatchObject({ number: 'A001', noShowCounterId: '1' });
    expect(state.today.noShow).toBe(1);
  });

  it('undone back to its counter: called again there, and no longer counted as a no-show', () => {
    const { harness } = noShow();
    harness.push([{ type: 'NoShowUndone', ticketId: 'ticket-a1', counterId: '1', back: 'counter' }]);
    expect(harness.state.counters['1']!.ticketId).toBe('ticket-a1');
    expect(harness.state.calls[0]).toMatchObject({ number: 'A001', counterId: '1' });
    expect(harness.state.noShows).toEqual({});
    expect(harness.state.today.noShow).toBe(0);
  });

  it('undone into the queue: back at its place by issue time', () => {
    const { harness } = noShow();
    harness.push([{ type: 'NoShowUndone', ticketId: 'ticket-a1', counterId: '1', back: 'queue' }]);
    expect(harness.state.queues.teller).toEqual(['ticket-a1', 'ticket-a2']);
    expect(harness.state.tickets['ticket-a1']).toMatchObject({ status: 'waiting', counterId: null, calledAt: null });
  });

  it('called back later: it leaves the no-shows and is at the counter', () => {
    const { harness } = noShow();
    harness.push([{ type: 'TicketCalled', ticketId: 'ticket-a1', counterId: '3', reason: 'no_show_callback' }]);
    expect(harness.state.counters['3']!.ticketId).toBe('ticket-a1');
    expect(harness.state.calls[0]).toMatchObject({ number: 'A001', reason: 'no_show_callback' });
    expect(harness.state.noShows).toEqual({});
  });

  it('the next day they are gone', () => {
    const { harness } = noShow();
    harness.tick(24 * 3600_000).run(issue('ticket-next-day'));
    expect(harness.state.noShows).toEqual({});
  });
});

describe('a paused counter keeps its customer on "now serving" (reducer)', () => {
  it('pausing with the ticket still at the counter keeps the call; closing after finishing takes it off', () => {
    const { harness } = spec().given(issue('ticket-a1'), { type: 'CounterAction', counterId: '2', action: 'call-next' }, { type: 'CounterPaused', counterId: '2', backAt: null });
    expect(harness.state.calls.map((c) => c.number)).toEqual(['A001']);
    harness.push([{ type: 'ServiceEnded', ticketId: 'ticket-a1', counterId: '2' }, { type: 'CounterClosed', counterId: '2' }]);
    expect(harness.state.calls).toEqual([]);
  });
});
