import { describe, expect, it } from 'vitest';
import { promiseMoments, servicePromises, type WaitEstimate } from '../../core';
import { PROMISED } from '../support/configs';
import { spec } from '../support/specification';
import { T0 } from '../support/branch-fixture';

const MIN = 60_000;

const known = (waitMin: number): WaitEstimate => ({ known: true, waitSec: waitMin * 60, p10Sec: 0, p90Sec: waitMin * 120, usualSec: undefined, reasons: [] });

describe('promise moments', () => {
  it('given tickets waiting, each passes its service promise at issue time + promise; services without one have none', () => {
    const { state } = spec(PROMISED).given(
      { type: 'IssueTicket', ticketId: 'ticket-a1', service: 'teller' },
      { wait: 2 * MIN },
      { type: 'IssueTicket', ticketId: 'ticket-b1', service: 'advice' },
      { type: 'IssueTicket', ticketId: 'ticket-a2', service: 'teller' },
    );
    expect(promiseMoments(state)).toEqual([
      { ticketId: 'ticket-a1', number: 'A001', service: 'teller', passesAt: T0 + 15 * MIN },
      { ticketId: 'ticket-a2', number: 'A002', service: 'teller', passesAt: T0 + 17 * MIN },
    ]);
  });

  it('a called ticket has no promise moment any more', () => {
    const { state } = spec(PROMISED).given(
      { type: 'IssueTicket', ticketId: 'ticket-a1', service: 'teller' },
      { type: 'CounterAction', counterId: '1', action: 'call-next' },
    );
    expect(promiseMoments(state)).toEqual([]);
  });
});

describe('service promise at a moment', () => {
  const given = () =>
    spec(PROMISED).given(
      { type: 'IssueTicket', ticketId: 'ticket-a1', service: 'teller' },
      { wait: 5 * MIN },
      { type: 'IssueTicket', ticketId: 'ticket-a2', service: 'teller' },
    );

  it('is kept while nobody has waited past it, and says when the next ticket will pass it', () => {
    const p = servicePromises(given().state, T0 + 10 * MIN).teller!;
    expect(p).toMatchObject({ promiseMinutes: 15, waiting: 2, passed: 0, longestWaitMs: 10 * MIN, nextPassAt: T0 + 15 * MIN, status: 'kept' });
  });

  it('is missed from the moment the first waiting ticket passes it (the server clock decides, not an event)', () => {
    const { state } = given();
    expect(servicePromises(state, T0 + 15 * MIN - 1).teller!.status).toBe('kept');
    const p = servicePromises(state, T0 + 15 * MIN).teller!;
    expect(p).toMatchObject({ passed: 1, status: 'missed', nextPassAt: T0 + 20 * MIN });
  });

  it('is at risk when a ticket taken now is expected to wait past it: the moment it would pass is now + promise', () => {
    const { state } = given();
    const now = T0 + 6 * MIN;
    expect(servicePromises(state, now, { teller: known(20) }).teller).toMatchObject({ status: 'at_risk', newTicketPassesAt: now + 15 * MIN });
    expect(servicePromises(state, now, { teller: known(10) }).teller).toMatchObject({ status: 'kept', newTicketPassesAt: null });
    expect(servicePromises(state, now, { teller: { known: false, cause: 'no_history', reasons: [] } }).teller!.newTicketPassesAt).toBeNull();
  });

  it('only services with a promise are listed', () => {
    expect(Object.keys(servicePromises(given().state, T0))).toEqual(['teller']);
    expect(servicePromises(spec().given().state, T0)).toEqual({});
  });
});
