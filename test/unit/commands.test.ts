import { describe, expect, it } from 'vitest';
import { PauseCounterBody, PostNoticeBody, UpdateNoticeBody } from '../../core';
import { BranchHarness } from '../support/branch-fixture';

const pathOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues[0]?.path.join('.');

describe('command bodies', () => {
  it('refuse a time given twice (minutes and absolute), naming the absolute field', () => {
    expect(pathOf(PostNoticeBody.safeParse({ presetId: 'busy-now', expectedInMinutes: 5, expectedEndAt: 1 }))).toBe('expectedEndAt');
    expect(pathOf(UpdateNoticeBody.safeParse({ expectedInMinutes: 5, expectedEndAt: null }))).toBe('expectedEndAt');
    expect(pathOf(PauseCounterBody.safeParse({ backInMinutes: 5, backAt: 1 }))).toBe('backAt');
    expect(PauseCounterBody.safeParse({ backInMinutes: null }).success).toBe(true);
  });

  it('refuse unknown fields inside a scope', () => {
    const r = PostNoticeBody.safeParse({ presetId: 'busy-now', scope: { type: 'branch', ids: ['1'] } });
    expect(r.success).toBe(false);
  });
});

describe('call order', () => {
  it('follows issue order across services even when tickets share a millisecond', () => {
    const b = new BranchHarness();
    // Same instant: advice first, then teller. Counter 3 prefers teller in its config, but B001 came first.
    b.run({ type: 'IssueTicket', ticketId: 'same-ms-advice', service: 'advice' });
    b.run({ type: 'IssueTicket', ticketId: 'same-ms-teller', service: 'teller' });
    b.run({ type: 'CounterAction', counterId: '3', action: 'call-next' });
    expect(b.state.counters['3']!.ticketId).toBe('same-ms-advice');
  });
});
