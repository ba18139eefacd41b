import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_LIMITS } from '../../core';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { BranchHarness } from '../support/branch-fixture';

/** Issue 10, finding 5: ticket numbers are never held twice, and a branch's caps hold. */

let n = 0;
/** A ticket, a tenth of a second after the one before (a busy kiosk, not a flood). */
const take = (h: BranchHarness, service = 'teller') => h.tick(100).run({ type: 'IssueTicket', ticketId: `ticket-${++n}-${service}`, service });
const numberOf = (h: BranchHarness, d: ReturnType<typeof take>) => (d.ok && d.events[0]!.type === 'TicketIssued' ? d.events[0]!.ticket.number : null);

/** A harness whose caps are out of the way. */
function roomy(limits = { perServicePerDay: 5000, perMinute: 1000 }): BranchHarness {
  return new BranchHarness({ ...DEMO_BRANCH, limits });
}

describe('ticket numbers', () => {
  it('after 999 the numbering starts again at the lowest number nobody holds, and refuses when all are held', () => {
    const h = roomy();
    const numbers: string[] = [];
    for (let i = 0; i < 999; i++) numbers.push(numberOf(h, take(h))!);
    expect(numbers[0]).toBe('A001');
    expect(numbers[998]).toBe('A999');
    expect(new Set(numbers).size).toBe(999);
    // All 999 are waiting: a 1000th would repeat one of them.
    const full = take(h);
    expect(full).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'no_free_number', field: 'service' } });
    // Counter 1 serves A001 and A002; A001 is done, A002 is at the counter: only 001 is free again.
    h.run({ type: 'CounterAction', counterId: '1', action: 'call-next' });
    h.run({ type: 'CounterAction', counterId: '1', action: 'call-next' });
    expect(numberOf(h, take(h))).toBe('A001');
    expect(take(h)).toMatchObject({ ok: false, error: { code: 'no_free_number' } });
    // Other services have their own numbers.
    expect(numberOf(h, take(h, 'advice'))).toBe('B001');
  });

  it('no two tickets in the branch ever share a number, however the queue moves', () => {
    const h = roomy();
    for (let round = 0; round < 1050; round++) {
      take(h);
      if (round % 2 === 0) h.run({ type: 'CounterAction', counterId: String((round % 4) + 1), action: 'call-next' });
      if (round % 25 && round < 990) continue;
      const held = Object.values(h.state.tickets).map((t) => t.number);
      if (new Set(held).size !== held.length) throw new Error(`round ${round}: a number is held twice`);
    }
    // The numbers did wrap: today's last number is small again.
    expect(h.state.today.issued.teller).toBeLessThan(100);
  });
});

describe('caps per branch', () => {
  it('per minute for the whole branch (default ' + DEFAULT_TICKET_LIMITS.perMinute + '): 429 branch_ticket_rate, free again the next minute', () => {
    const h = new BranchHarness({ ...DEMO_BRANCH, limits: undefined });
    const flood = () => h.run({ type: 'IssueTicket', ticketId: `ticket-${++n}-flood`, service: 'teller' });
    for (let i = 0; i < DEFAULT_TICKET_LIMITS.perMinute; i++) expect(flood().ok).toBe(true);
    expect(flood()).toMatchObject({ ok: false, error: { kind: 'throttled', code: 'branch_ticket_rate' } });
    h.tick(60_000);
    expect(take(h).ok).toBe(true);
  });

  it('per service per day, as the manager set it: 409 daily_ticket_limit naming the service; the next day starts again', () => {
    const h = roomy({ perServicePerDay: 3, perMinute: 1000 });
    for (let i = 0; i < 3; i++) expect(take(h).ok).toBe(true);
    expect(take(h)).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'daily_ticket_limit', field: 'service' } });
    expect(take(h, 'advice').ok).toBe(true);
    h.tick(24 * 3600_000);
    expect(take(h).ok).toBe(true);
  });

  it('the manager sets and clears the caps through the branch details', () => {
    const h = new BranchHarness({ ...DEMO_BRANCH, limits: undefined });
    expect(h.run({ type: 'UpdateBranch', body: { limits: { perServicePerDay: 200, perMinute: 20 } } }).ok).toBe(true);
    expect(h.state.config!.limits).toEqual({ perServicePerDay: 200, perMinute: 20 });
    expect(h.run({ type: 'UpdateBranch', body: { limits: null } }).ok).toBe(true);
    expect(h.state.config!.limits).toBeUndefined();
  });
});
