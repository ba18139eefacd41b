import { describe, expect, it } from 'vitest';
import { apologyDefault, longTransactionAfterSec, longTransactionAt, endLongTransaction, promiseDuring, LONG_TRANSACTION_DEFAULT_SEC } from '../../core';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { PROMISED } from '../support/configs';
import { spec } from '../support/specification';

const MIN = 60_000;

describe('apology offered on resolve', () => {
  it('the promise missed while the notice was up (a ticket called late): pre-ticked, whatever the cause', () => {
    const { state, harness } = spec(PROMISED).given(
      { type: 'PostNotice', noticeId: 'notice-busy-1', body: { presetId: 'busy-now' } },
      { type: 'IssueTicket', ticketId: 'ticket-a1', service: 'teller' },
      { wait: 20 * MIN },
      { type: 'CounterAction', counterId: '1', action: 'call-next' },
    );
    const n = state.notices[0]!;
    expect(n.cause).toBe('high_demand');
    expect(promiseDuring(state, n, harness.now)).toBe('missed');
    expect(apologyDefault(state, n, harness.now)).toBe(true);
  });

  it('someone still waiting past the promise at resolve time: pre-ticked', () => {
    const { state, harness } = spec(PROMISED).given(
      { type: 'PostNotice', noticeId: 'notice-busy-1', body: { presetId: 'busy-now' } },
      { type: 'IssueTicket', ticketId: 'ticket-a1', service: 'teller' },
      { wait: 16 * MIN },
    );
    expect(apologyDefault(state, state.notices[0]!, harness.now)).toBe(true);
  });

  it('waits within the promise: not pre-ticked, even for a technical problem (an apology for a normal wait reads as insincere)', () => {
    const { state, harness } = spec(PROMISED).given(
      { type: 'PostNotice', noticeId: 'notice-net-1', body: { presetId: 'network-slow' } },
      { type: 'IssueTicket', ticketId: 'ticket-a1', service: 'teller' },
      { wait: 5 * MIN },
      { type: 'CounterAction', counterId: '1', action: 'call-next' },
    );
    expect(promiseDuring(state, state.notices[0]!, harness.now)).toBe('kept');
    expect(apologyDefault(state, state.notices[0]!, harness.now)).toBe(false);
  });

  it('a late call before the notice went up does not count against it', () => {
    const { state, harness } = spec(PROMISED).given(
      { type: 'IssueTicket', ticketId: 'ticket-a1', service: 'teller' },
      { wait: 20 * MIN },
      { type: 'CounterAction', counterId: '1', action: 'call-next' },
      { wait: MIN },
      { type: 'PostNotice', noticeId: 'notice-busy-1', body: { presetId: 'busy-now' } },
    );
    expect(apologyDefault(state, state.notices[0]!, harness.now)).toBe(false);
  });

  it('no promise to judge by: the branch’s own disservice (technical, staff late, staff shortage) is pre-ticked; high demand is not', () => {
    const { state, harness } = spec(DEMO_BRANCH).given(
      { type: 'PostNotice', noticeId: 'notice-net-1', body: { presetId: 'network-slow' } },
      { type: 'PostNotice', noticeId: 'notice-late-1', body: { presetId: 'colleague-late', counterId: '2' } },
      { type: 'PostNotice', noticeId: 'notice-busy-1', body: { presetId: 'busy-now' } },
    );
    expect(state.notices.map((n) => [n.cause, apologyDefault(state, n, harness.now)])).toEqual([
      ['technical_problem', true],
      ['staff_late', true],
      ['high_demand', false],
    ]);
  });

  it('a notice about a counter judges the services that counter serves', () => {
    // Counter 4 serves advice (no promise) and teller (15 min): the teller promise decides.
    const { state, harness } = spec(PROMISED).given({ type: 'PostNotice', noticeId: 'notice-cf-4', body: { presetId: 'computer-fault', counterId: '4' } });
    expect(promiseDuring(state, state.notices[0]!, harness.now)).toBe('kept');
  });
});

describe('long transaction', () => {
  it('is 2.5 × the usual service time (at least 5 minutes more), or 20 minutes without history', () => {
    expect(longTransactionAfterSec(undefined)).toBe(LONG_TRANSACTION_DEFAULT_SEC);
    expect(longTransactionAfterSec(240)).toBe(600);
    expect(longTransactionAfterSec(120)).toBe(420);
  });

  it('given a customer at a counter past that, the counter has a long transaction; announced once a notice is up', () => {
    const { harness } = spec().given({ type: 'IssueTicket', ticketId: 'ticket-a1', service: 'teller' }, { type: 'CounterAction', counterId: '2', action: 'call-next' });
    const calledAt = harness.now;
    expect(longTransactionAt(harness.state, '2', calledAt + 10 * MIN - 1, { teller: 240 })).toBeNull();
    expect(longTransactionAt(harness.state, '2', calledAt + 10 * MIN, { teller: 240 })).toEqual({
      counterId: '2',
      ticketId: 'ticket-a1',
      number: 'A001',
      service: 'teller',
      since: calledAt,
      afterSec: 600,
      announced: false,
    });
    expect(longTransactionAt(harness.state, '2', calledAt + 19 * MIN)).toBeNull();
    harness.tick(20 * MIN).run({ type: 'PostNotice', noticeId: 'notice-long-2', body: { presetId: 'long-transaction', counterId: '2' } });
    expect(longTransactionAt(harness.state, '2', harness.now)?.announced).toBe(true);
    expect(endLongTransaction(harness.state, '2')).toEqual([{ type: 'NoticeResolved', noticeId: 'notice-long-2', text: null, apologise: false }]);
    expect(endLongTransaction(harness.state, '1')).toEqual([]);
  });

  it('an idle counter has none', () => {
    expect(longTransactionAt(spec().given().state, '1', Date.now())).toBeNull();
  });
});

describe('usual service time per service (for the long-transaction prompt)', () => {
  it('is the median of recent services once five were served; transfers and no-shows do not count', async () => {
    const { ServiceTimes } = await import('../../core');
    const b = spec().given().harness;
    const times = new ServiceTimes();
    for (const [i, minutes] of [3, 4, 5, 6, 30].entries()) {
      b.run({ type: 'IssueTicket', ticketId: `ticket-st-${i}`, service: 'teller' });
      b.run({ type: 'CounterAction', counterId: '1', action: 'call-next' });
      b.tick(minutes * MIN).run({ type: 'CounterAction', counterId: '1', action: 'done' });
    }
    b.run({ type: 'IssueTicket', ticketId: 'ticket-st-x', service: 'teller' });
    b.run({ type: 'CounterAction', counterId: '1', action: 'call-next' });
    b.tick(90 * MIN).run({ type: 'CounterAction', counterId: '1', action: 'no-show' });
    for (const e of b.events) times.observe(e);
    expect(times.usual()).toEqual({ teller: 5 * 60 });
  });
});
