import { describe, expect, it } from 'vitest';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { noticesTouchingService, serviceAvailability, ticketPlace, waitingFor } from '../../ui/queue/service-facts';
import { BranchHarness } from '../support/branch-fixture';

/** What the kiosk and the phone ticket read from a branch's state (ui/queue/service-facts.ts). */
describe('service facts', () => {
  function branch() {
    const h = new BranchHarness(DEMO_BRANCH);
    return h;
  }

  it('a service is available while a counter serving it is open; else unavailable, no counter', () => {
    const h = branch();
    expect(serviceAvailability(h.state, 'advice')).toEqual({ available: false, reason: 'no_counter' });
    h.run({ type: 'CounterAction', counterId: '4', action: 'open' });
    expect(serviceAvailability(h.state, 'advice')).toEqual({ available: true });
    // Counter 1 serves tellers only.
    h.run({ type: 'CounterAction', counterId: '4', action: 'close' });
    h.run({ type: 'CounterAction', counterId: '1', action: 'open' });
    expect(serviceAvailability(h.state, 'advice').available).toBe(false);
    expect(serviceAvailability(h.state, 'teller').available).toBe(true);
  });

  it('a "service unavailable" notice about the service makes it unavailable with the notice as the reason', () => {
    const h = branch();
    h.run({ type: 'CounterAction', counterId: '4', action: 'open' });
    h.run({
      type: 'PostNotice',
      noticeId: 'notice-advice-1',
      body: { cause: 'technical_problem', effect: 'service_unavailable', scope: { type: 'services', ids: ['advice'] }, text: { en: 'Advice is down' } },
    });
    const a = serviceAvailability(h.state, 'advice');
    expect(a).toMatchObject({ available: false, reason: 'notice', notice: { text: { en: 'Advice is down' } } });
    // Counter 4 serves tellers too: that service is still there.
    expect(serviceAvailability(h.state, 'teller').available).toBe(true);
  });

  it('notices touching a service: branch-wide, about it, or about a counter that serves it; not others', () => {
    const h = branch();
    const post = (noticeId: string, scope: object) =>
      h.run({ type: 'PostNotice', noticeId, body: { cause: 'other', effect: 'info', scope, text: { en: noticeId } } as never });
    post('n-branch-1', { type: 'branch' });
    post('n-advice-1', { type: 'services', ids: ['advice'] });
    post('n-counter-1', { type: 'counters', ids: ['1'] });
    post('n-counter-4', { type: 'counters', ids: ['4'] });
    const ids = (s: string) => noticesTouchingService(h.state, s).map((n) => n.id).sort();
    expect(ids('teller')).toEqual(['n-branch-1', 'n-counter-1', 'n-counter-4']);
    expect(ids('advice')).toEqual(['n-advice-1', 'n-branch-1', 'n-counter-4']);
  });

  it('a ticket’s place: people of its service ahead, then called at its counter, then gone', () => {
    const h = branch();
    for (const id of ['ticket-aa', 'ticket-bb', 'ticket-cc']) h.run({ type: 'IssueTicket', ticketId: id, service: 'teller' });
    h.run({ type: 'IssueTicket', ticketId: 'ticket-dd', service: 'advice' });
    expect(ticketPlace(h.state, 'ticket-cc')).toEqual({ status: 'waiting', ahead: 2 });
    expect(ticketPlace(h.state, 'ticket-dd')).toEqual({ status: 'waiting', ahead: 0 });
    expect(waitingFor(h.state, 'teller')).toBe(3);
    h.run({ type: 'CounterAction', counterId: '1', action: 'call-next' });
    expect(ticketPlace(h.state, 'ticket-aa')).toEqual({ status: 'called', counterId: '1', recalls: 0 });
    expect(ticketPlace(h.state, 'ticket-cc')).toEqual({ status: 'waiting', ahead: 1 });
    h.run({ type: 'CounterAction', counterId: '1', action: 'no-show' });
    expect(ticketPlace(h.state, 'ticket-aa')).toEqual({ status: 'no_show' });
    h.run({ type: 'CancelTicket', ticketId: 'ticket-bb' });
    expect(ticketPlace(h.state, 'ticket-bb')).toEqual({ status: 'gone' });
    expect(ticketPlace(h.state, 'ticket-cc')).toEqual({ status: 'waiting', ahead: 0 });
  });
});
