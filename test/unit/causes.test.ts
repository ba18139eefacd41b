import { describe, expect, it } from 'vitest';
import { capacity, likelyCause, likelyCauses, promiseAlerts, promiseAlertsForCounter, withinOpeningHours, type Command } from '../../core';
import { T0 } from '../support/branch-fixture';
import { PROMISED, PROMISED_WITH_HOURS } from '../support/configs';
import { spec } from '../support/specification';

const MIN = 60_000;
const open = (counterId: string): Command => ({ type: 'CounterAction', counterId, action: 'open' });
const issue = (n: number, service = 'teller'): Command => ({ type: 'IssueTicket', ticketId: `ticket-${service}-${n}`, service });

describe('capacity against the plan', () => {
  it('given 1 of 4 counters open and people waiting, capacity is below plan (no opening hours needed)', () => {
    const { state } = spec(PROMISED).given(open('1'), issue(1));
    expect(capacity(state, T0)).toEqual({ open: 1, planned: 4, paused: 0, closed: 3, duringHours: null, belowPlan: true });
  });

  it('all counters closed and nobody waiting, without opening hours: not below plan (the branch is simply closed)', () => {
    expect(capacity(spec(PROMISED).given().state, T0).belowPlan).toBe(false);
  });

  it('with opening hours: below plan within them even when nobody waits, never outside them', () => {
    const { state } = spec(PROMISED_WITH_HOURS).given(open('1'));
    expect(capacity(state, T0)).toMatchObject({ duringHours: true, belowPlan: true });
    // 13:45 Rome is the lunch break; 08:00 before opening; 8 Dec a holiday.
    expect(capacity(state, T0 + 4 * 60 * MIN + 15 * MIN)).toMatchObject({ duringHours: false, belowPlan: false });
    expect(withinOpeningHours(state.config!, T0 - 90 * MIN)).toBe(false);
    expect(withinOpeningHours(state.config!, Date.UTC(2026, 11, 8, 9))).toBe(false);
    expect(withinOpeningHours(state.config!, Date.UTC(2026, 11, 9, 9))).toBe(true);
  });

  it('all four open is the plan', () => {
    const { state } = spec(PROMISED).given(open('1'), open('2'), open('3'), open('4'), issue(1));
    expect(capacity(state, T0).belowPlan).toBe(false);
  });
});

describe('likely cause', () => {
  it('a counter past its announced "back at" comes first, with the staff-late preset for that counter', () => {
    const { state } = spec(PROMISED).given(open('1'), open('2'), { type: 'PauseCounter', counterId: '2', body: { backInMinutes: 10 } }, issue(1));
    expect(likelyCause(state, 'teller', T0 + 9 * MIN)?.code).not.toBe('counter_late');
    expect(likelyCause(state, 'teller', T0 + 10 * MIN)).toEqual({ code: 'counter_late', cause: 'staff_late', counterId: '2', presetId: 'colleague-late' });
  });

  it('fewer counters open than planned for the service: staff shortage, with the branch preset', () => {
    const { state } = spec(PROMISED).given(open('1'), issue(1));
    expect(likelyCause(state, 'teller', T0)).toEqual({ code: 'below_plan', cause: 'staff_shortage', counterId: null, presetId: 'short-staffed' });
  });

  it('at full strength, the estimator’s comparisons with history name the cause: more arrivals, longer services', () => {
    const { state } = spec(PROMISED).given(open('1'), open('2'), open('3'), open('4'), issue(1), { type: 'CounterAction', counterId: '3', action: 'call-next' }, issue(2));
    expect(likelyCause(state, 'teller', T0)).toBeNull();
    expect(likelyCause(state, 'teller', T0, ['more_arrivals'])).toMatchObject({ code: 'more_arrivals', cause: 'high_demand', presetId: 'busy-now' });
    expect(likelyCauses(state, 'teller', T0, ['fewer_counters', 'longer_service']).map((c) => [c.code, c.counterId, c.presetId])).toEqual([
      ['fewer_counters', null, 'short-staffed'],
      ['longer_service', '3', 'long-transaction'],
    ]);
  });
});

describe('promise alert for tellers and the console', () => {
  const late = () => spec(PROMISED).given(open('1'), issue(1), { wait: 16 * MIN });

  it('given waits past the promise and no notice, the tablets of that service’s counters get the alert with the likely cause', () => {
    const { state, harness } = late();
    const alerts = promiseAlerts(state, harness.now);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ service: 'teller', promise: { passed: 1, status: 'missed' }, cause: { code: 'below_plan', presetId: 'short-staffed' } });
    expect(promiseAlertsForCounter(state, '1', harness.now)).toHaveLength(1);
    // Counter 4 serves teller too; a counter serving only advice would not see it.
    expect(promiseAlertsForCounter(state, '4', harness.now)).toHaveLength(1);
  });

  it('an active notice that touches the service explains it: no alert; an info notice does not', () => {
    const { harness } = late();
    harness.run({ type: 'PostNotice', noticeId: 'notice-info-1', body: { cause: 'other', effect: 'info', text: { en: 'New opening hours from Monday' } } });
    expect(promiseAlerts(harness.state, harness.now)).toHaveLength(1);
    harness.run({ type: 'PostNotice', noticeId: 'notice-short-1', body: { presetId: 'short-staffed' } });
    expect(promiseAlerts(harness.state, harness.now)).toEqual([]);
  });

  it('a notice about another service’s counter does not explain the teller queue', () => {
    const { harness } = late();
    harness.run({ type: 'PostNotice', noticeId: 'notice-adv-1', body: { cause: 'other', effect: 'slower_service', text: { en: 'Advice is slow' }, scope: { type: 'services', ids: ['advice'] } } });
    expect(promiseAlerts(harness.state, harness.now)).toHaveLength(1);
  });

  it('no promise, no alert', () => {
    const { state, harness } = spec().given(open('1'), issue(1), { wait: 60 * MIN });
    expect(promiseAlerts(state, harness.now)).toEqual([]);
  });
});
