import { describe, expect, it } from 'vitest';
import { waitWords } from '../../display/lib/wait';
import { dayRelation, shiftDay } from '../../ui/time/when';
import { localTexts } from '../../ui/text/lang-text';

const ROME = 'Europe/Rome';
const at = (iso: string) => Date.parse(iso);

describe('how the lobby words a wait', () => {
  it('rounds to whole minutes, the range outward, and says nothing the figure already says', () => {
    expect(waitWords('en', 370, 250, 530)).toEqual({ figure: '~6 min', range: '4–9 min' });
    expect(waitWords('en', 30, 0, 50)).toMatchObject({ range: null });
    expect(waitWords('en', 150, 20, 170).range).toBe('up to 3 min');
    // p10 and p90 within the same minute: one figure.
    expect(waitWords('en', 600, 590, 610).range).toBeNull();
    expect(waitWords('it', 370, 250, 530).figure).toContain('6');
  });
});

describe('days on the lobby', () => {
  it('tells today, tomorrow and yesterday in the branch’s zone, across a DST change', () => {
    const now = at('2026-10-24T22:30:00Z'); // 00:30 on Sunday 25 October in Rome, the night clocks go back
    expect(dayRelation({ at: now + 3600_000, now, timeZone: ROME })).toBe('today');
    expect(dayRelation({ at: at('2026-10-25T23:30:00Z'), now, timeZone: ROME })).toBe('tomorrow');
    expect(dayRelation({ at: at('2026-10-24T21:00:00Z'), now, timeZone: ROME })).toBe('yesterday');
    expect(dayRelation({ at: at('2026-10-28T10:00:00Z'), now, timeZone: ROME })).toBe('other');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('texts in the screen’s languages', () => {
  it('shows each text once under its own language, never one language passed off as another', () => {
    expect(localTexts({ it: 'Ciao', en: 'Hello' }, ['it', 'en']).map((t) => t.lang)).toEqual(['it', 'en']);
    expect(localTexts({ en: 'Update: fixed soon' }, ['it', 'en'])).toEqual([{ lang: 'en', text: 'Update: fixed soon' }]);
    // None of the screen's languages: one other, the branch's first.
    expect(localTexts({ de: 'Hallo', it: 'Ciao' }, ['en'], ['it'])).toEqual([{ lang: 'it', text: 'Ciao' }]);
  });
});
