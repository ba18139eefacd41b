import { describe, expect, it } from 'vitest';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { burnInShift, SHIFT_EVERY_MS, SHIFT_MAX_PX } from '../../display/lib/burn-in';
import { nextOpening, zonedInstant } from '../../display/lib/opening';
import { rotatingLanguages } from '../../display/lib/rotation';

describe('a TV that runs for months', () => {
  it('shifts its layout by a few pixels every few minutes, never further than SHIFT_MAX_PX', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = burnInShift(i * SHIFT_EVERY_MS);
      expect(Math.abs(s.x)).toBeLessThanOrEqual(SHIFT_MAX_PX);
      expect(Math.abs(s.y)).toBeLessThanOrEqual(SHIFT_MAX_PX);
      seen.add(`${s.x},${s.y}`);
    }
    expect(seen.size).toBeGreaterThan(20);
    // Steady within a step.
    expect(burnInShift(SHIFT_EVERY_MS * 7 + 10)).toEqual(burnInShift(SHIFT_EVERY_MS * 8 - 10));
  });

  it('knows when the branch opens next, in its own time zone, across closed days', () => {
    const hours = { weekly: { mon: [{ open: '08:30', close: '13:00' }, { open: '14:30', close: '16:00' }], tue: [{ open: '08:30', close: '13:00' }] }, closed: [{ date: '2026-12-08' }], exceptions: [] };
    const config = { ...DEMO_BRANCH, timezone: 'Europe/Rome', hours };
    // Monday 7 Dec 2026, 13:30 in Rome: the afternoon opening.
    expect(nextOpening(config, zonedInstant('2026-12-07', '13:30', 'Europe/Rome'))).toBe(zonedInstant('2026-12-07', '14:30', 'Europe/Rome'));
    // Monday evening: Tuesday 8 is a holiday, so Monday 14 at 08:30.
    expect(nextOpening(config, zonedInstant('2026-12-07', '18:00', 'Europe/Rome'))).toBe(zonedInstant('2026-12-14', '08:30', 'Europe/Rome'));
    expect(zonedInstant('2026-12-07', '08:30', 'Europe/Rome')).toBe(Date.UTC(2026, 11, 7, 7, 30));
    expect(zonedInstant('2026-07-07', '08:30', 'Europe/Rome')).toBe(Date.UTC(2026, 6, 7, 6, 30));
    expect(nextOpening({ ...DEMO_BRANCH }, Date.now())).toBeNull();
  });

  it('keeps the main language and lets the others take turns', () => {
    expect(rotatingLanguages(['it', 'en'], 0)).toEqual(['it', 'en']);
    expect(rotatingLanguages(['it', 'en', 'fr', 'de'], 0, 5)).toEqual(['it', 'en']);
    expect(rotatingLanguages(['it', 'en', 'fr', 'de'], 5_000, 5)).toEqual(['it', 'fr']);
    expect(rotatingLanguages(['it', 'en', 'fr', 'de'], 10_000, 5)).toEqual(['it', 'de']);
    expect(rotatingLanguages(['it', 'en', 'fr', 'de'], 15_000, 5)).toEqual(['it', 'en']);
  });
});
