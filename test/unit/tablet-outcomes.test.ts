import { describe, expect, it } from 'vitest';
import '../../ui/i18n/parts/tablet';
import { counterOutcome, type OutcomeContext } from '../../admin/lib/outcomes';

/** The tablet's toast says what the server did: a notice ended by a call, or moved by a pause, is said (QA teller-8, teller-10). */
const ctx = (ticketBefore: string | null = null): OutcomeContext => ({ lang: 'it', clock: () => '14:14', ticketBefore, ticketNumber: (id) => (id === 'ticket-a2' ? 'A002' : undefined) });

describe('tablet toasts for a counter with a counter-closed notice', () => {
  it('call next that ended the notice says so (was: only "Chiamato A002 · sportello riaperto")', () => {
    const reply = { ok: true as const, events: ['NoticeResolved', 'CounterOpened', 'TicketCalled'], counter: { id: '2', status: 'open' as const, backAt: null, ticketId: 'ticket-a2', since: 0 } };
    expect(counterOutcome('call-next', reply, ctx())).toBe('Chiamato A002 · sportello riaperto · avviso risolto');
    expect(counterOutcome('open', { ok: true, events: ['NoticeResolved', 'CounterOpened'] }, ctx())).toBe('Sportello aperto · avviso risolto');
  });

  it('call next under a notice shared with other counters says the notice stays for them', () => {
    const reply = { ok: true as const, events: ['NoticeUpdated', 'CounterOpened', 'TicketCalled'], counter: { id: '2', status: 'open' as const, backAt: null, ticketId: 'ticket-a2', since: 0 } };
    expect(counterOutcome('call-next', reply, ctx())).toBe('Chiamato A002 · sportello riaperto · l’avviso resta per gli altri sportelli');
    expect(counterOutcome('open', { ok: true, events: ['NoticeUpdated', 'CounterOpened'] }, ctx())).toBe('Sportello aperto · l’avviso resta per gli altri sportelli');
  });

  it('a pause that moved the notice says the notice tells the same time', () => {
    const reply = { ok: true as const, events: ['NoticeUpdated', 'CounterPaused'], counter: { id: '2', status: 'paused' as const, backAt: 1, ticketId: null, since: 0 } };
    expect(counterOutcome('pause', reply, ctx())).toBe('In pausa fino alle 14:14 · l’avviso dice la stessa ora');
  });

  it('without a notice, as before', () => {
    const reply = { ok: true as const, events: ['CounterOpened', 'TicketCalled'], counter: { id: '2', status: 'open' as const, backAt: null, ticketId: 'ticket-a2', since: 0 } };
    expect(counterOutcome('call-next', reply, ctx())).toBe('Chiamato A002 · sportello riaperto');
  });
});
