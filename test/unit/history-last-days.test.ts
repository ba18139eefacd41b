import { describe, expect, it } from 'vitest';
import { lastDays } from '../../admin/console/pages/history/history-api';

describe('the history pages’ default period', () => {
  it('is the branch’s calendar days, not the manager’s computer’s', () => {
    // 23:30 UTC on 1 December is already 2 December in Rome: today's delays are there.
    const now = new Date('2026-12-01T23:30:00Z');
    expect(lastDays(30, 'Europe/Rome', now)).toEqual({ from: '2026-11-03', to: '2026-12-02' });
    expect(lastDays(30, 'America/New_York', now)).toEqual({ from: '2026-11-02', to: '2026-12-01' });
    expect(lastDays(1, 'Asia/Tokyo', new Date('2026-12-31T15:00:00Z'))).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });
});
