import { describe, expect, it } from 'vitest';
import { capacity, servicePromises } from '../../core';
import { degradedWords, noticesSay } from '../../display/lib/degraded';
import { longestWaits, missingEstimate } from '../../ui/queue/missing-estimate';
import '../../ui/i18n/parts/public-board';
import { PROMISED } from '../support/configs';
import { spec } from '../support/specification';

const MIN = 60_000;

/**
 * What the lobby says when it lacks something: the degraded facts that no notice says (they stay
 * beside an unrelated notice), and a missing wait estimate worded without a promise ("soon") the
 * estimator cannot keep.
 */
describe('the degraded card beside the notices', () => {
  /** Counters 1 and 3 open of 4, three teller tickets waiting 20 min: below plan, promise missed. */
  const given = (...notices: object[]) =>
    spec(PROMISED).given(
      { type: 'IssueTicket', ticketId: 'ticket-a1', service: 'teller' },
      { type: 'IssueTicket', ticketId: 'ticket-a2', service: 'teller' },
      { type: 'IssueTicket', ticketId: 'ticket-a3', service: 'teller' },
      { wait: 20 * MIN },
      { type: 'CounterAction', counterId: '1', action: 'open' },
      { type: 'CounterAction', counterId: '3', action: 'open' },
      ...notices.map((body, i) => ({ type: 'PostNotice', noticeId: `notice-${i}`, body }) as never),
    );
  const words = (h: ReturnType<typeof given>) => {
    const now = h.harness.now;
    const cap = capacity(h.state, now);
    return degradedWords(h.state, cap, servicePromises(h.state, now), h.state.notices, ['en']).map((l) => l.map((x) => x.text).join());
  };

  it('a slower-service notice about one counter (the receipt printer) says neither fact: both stay', () => {
    const h = given({ presetId: 'long-transaction', counterId: '3' });
    expect(h.state.notices).toHaveLength(1);
    expect(words(h)).toEqual(['2 of 4 counters open', 'Teller: 3 people have waited more than 15 min']);
  });

  it('"short-staffed" for the whole branch (reduced service) says both: nothing left to add', () => {
    expect(words(given({ presetId: 'short-staffed' }))).toEqual([]);
  });

  it('a branch-wide slower service says the delay, not the shut counters', () => {
    expect(words(given({ presetId: 'busy-now' }))).toEqual(['2 of 4 counters open']);
  });

  it('closed counters: said by counter-closed notices only when they name every counter not open', () => {
    expect(words(given({ presetId: 'computer-fault', counterId: '2' }))).toEqual(['2 of 4 counters open', 'Teller: 3 people have waited more than 15 min']);
    expect(words(given({ presetId: 'computer-fault', counterId: '2' }, { presetId: 'colleague-late', counterId: '4' }))).toEqual([
      'Teller: 3 people have waited more than 15 min',
    ]);
  });

  it('an outage (service unavailable) or an info notice says neither; a resolved notice says nothing', () => {
    const h = given({ presetId: 'cash-machine' });
    expect(noticesSay(h.state.notices, { kind: 'promise', service: 'teller' }, h.state)).toBe(false);
    expect(noticesSay(h.state.notices, { kind: 'capacity' }, h.state)).toBe(false);
    const staffed = given({ presetId: 'short-staffed' });
    const n = staffed.state.notices[0]!;
    expect(noticesSay([n], { kind: 'capacity' }, staffed.state)).toBe(true);
    expect(noticesSay([{ ...n, status: 'resolved' }], { kind: 'capacity' }, staffed.state)).toBe(false);
    expect(noticesSay([{ ...n, effect: 'info' }], { kind: 'capacity' }, staffed.state)).toBe(false);
  });
});

describe('a missing wait estimate', () => {
  const noHistory = { known: false as const, cause: 'no_history' as const, reasons: [] };

  it('never says "soon": with nobody waiting a minute yet it says why there is no figure', () => {
    expect(missingEstimate(noHistory, 0)).toEqual({ key: 'lobby.estimateNoHistory' });
    expect(missingEstimate(noHistory, 59_999)).toEqual({ key: 'lobby.estimateNoHistory' });
  });

  it('once someone has waited a minute or more, the longest wait so far, in whole minutes', () => {
    expect(missingEstimate(noHistory, MIN)).toEqual({ key: 'lobby.estimateNoneLongest', values: { min: 1 } });
    expect(missingEstimate(noHistory, 32 * MIN + 59_000)).toEqual({ key: 'lobby.estimateNoneLongest', values: { min: 32 } });
  });

  it('no counter for the service: said as it is, and, with people waiting a minute or more, the longest wait now', () => {
    const noCounter = { known: false as const, cause: 'no_counter' as const, reasons: [] };
    expect(missingEstimate(noCounter, 59_999)).toEqual({ key: 'lobby.estimateNoCounter' });
    expect(missingEstimate(noCounter, 40 * MIN)).toEqual({ key: 'lobby.estimateNoCounterLongest', values: { min: 40 } });
  });

  it('the longest wait of each service from the waiting tickets; a service nobody waits for has 0', () => {
    const h = spec(PROMISED).given(
      { type: 'IssueTicket', ticketId: 'ticket-a1', service: 'teller' },
      { wait: 5 * MIN },
      { type: 'IssueTicket', ticketId: 'ticket-a2', service: 'teller' },
      { type: 'IssueTicket', ticketId: 'ticket-b1', service: 'advice' },
      { wait: 3 * MIN },
      { type: 'CounterAction', counterId: '1', action: 'call-next' },
    );
    // A001 was called: A002 has waited longest, 3 min.
    expect(longestWaits(h.state, h.harness.now)).toMatchObject({ teller: 3 * MIN, advice: 3 * MIN });
  });
});
