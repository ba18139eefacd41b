import { describe, expect, it } from 'vitest';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { kioskAvailability } from '../../kiosk/availability';
import { zonedInstant } from '../../ui/time/next-opening';
import { BranchHarness } from '../support/branch-fixture';

/** What the kiosk says instead of "Tap the service you need" over an empty list. */
describe('kiosk availability', () => {
  it('outside the opening hours: closed, with the next opening', () => {
    const hours = { weekly: { mon: [{ open: '08:30', close: '13:00' }] }, closed: [], exceptions: [] };
    const h = new BranchHarness({ ...DEMO_BRANCH, timezone: 'Europe/Rome', hours });
    h.run({ type: 'CounterAction', counterId: '1', action: 'open' });
    const evening = zonedInstant('2026-12-07', '18:00', 'Europe/Rome');
    expect(kioskAvailability(h.state, evening)).toEqual({ kind: 'closed', opensAt: zonedInstant('2026-12-14', '08:30', 'Europe/Rome') });
    expect(kioskAvailability(h.state, zonedInstant('2026-12-07', '09:00', 'Europe/Rome'))).toEqual({ kind: 'open' });
  });

  it('open hours but nothing to take a ticket for: no services, no counter open, or notices', () => {
    expect(kioskAvailability(new BranchHarness({ ...DEMO_BRANCH, services: [] }).state, Date.now())).toEqual({ kind: 'none', reason: 'no_services' });
    const h = new BranchHarness(DEMO_BRANCH);
    expect(kioskAvailability(h.state, h.now)).toEqual({ kind: 'none', reason: 'no_counter' });
    h.run({ type: 'CounterAction', counterId: '1', action: 'open' });
    expect(kioskAvailability(h.state, h.now)).toEqual({ kind: 'open' });
    h.run({
      type: 'PostNotice',
      noticeId: 'n-teller',
      body: { cause: 'technical_problem', effect: 'service_unavailable', scope: { type: 'services', ids: ['teller'] }, text: { en: 'Tills down' } },
    });
    // Counter 1 serves tellers only: nothing left, and a notice is why.
    expect(kioskAvailability(h.state, h.now)).toEqual({ kind: 'none', reason: 'notice' });
  });
});
