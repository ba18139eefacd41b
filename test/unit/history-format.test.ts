import { describe, expect, it } from 'vitest';
import { configPathText, decimal, outOfTurnText, scopeText } from '../../admin/console/pages/history/format';
import { OUT_OF_TURN_REASONS } from '../../core';
import { LANGUAGES } from '../../ui/i18n/localize';
import '../../ui/i18n/parts/history';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';

describe('reports: out-of-turn reasons', () => {
  it('are said in the console language, never as raw ids', () => {
    const counts = Object.fromEntries(OUT_OF_TURN_REASONS.map((r, i) => [r, i + 1]));
    for (const lang of LANGUAGES) {
      const text = outOfTurnText(counts, lang);
      for (const r of OUT_OF_TURN_REASONS) expect(text, `${lang}: ${text}`).not.toContain(r);
      expect(text.split(', ')).toHaveLength(OUT_OF_TURN_REASONS.length);
    }
    expect(outOfTurnText({ appointment: 3, priority_elderly: 1 }, 'en')).toBe('Appointment 3, Priority: elderly 1');
    expect(outOfTurnText({ appointment: 2 }, 'it')).toBe('Appuntamento 2');
    expect(outOfTurnText({ priority_pregnancy: 1 }, 'de')).toBe('Vorrang: Schwangerschaft 1');
  });

  it('shows a dash when there were none, and an unknown reason as it came', () => {
    expect(outOfTurnText({}, 'fr')).toBe('—');
    expect(outOfTurnText({ appointment: 0 }, 'fr')).toBe('—');
    expect(outOfTurnText({ some_new_reason: 2 }, 'es')).toBe('some_new_reason 2');
  });
});

describe('delays and reports: numbers and scopes as the language says them', () => {
  it('one counter is singular, several plural', () => {
    expect(scopeText({ type: 'counters', ids: ['2'] }, 'it')).toBe('Sportello 2');
    expect(scopeText({ type: 'counters', ids: ['2', '3'] }, 'it')).toBe('Sportelli 2, 3');
    expect(scopeText({ type: 'counters', ids: ['2'] }, 'en')).toBe('Counter 2');
    expect(scopeText({ type: 'services', ids: ['teller'] }, 'fr')).toBe('Service teller');
    for (const lang of LANGUAGES) expect(scopeText({ type: 'counters', ids: ['1', '4'] }, lang)).toMatch(/ 1, 4$/);
  });

  it('a decimal in the language\'s format: "1,4" in Italian, "1.4" in English', () => {
    expect(decimal(1.4, 'it')).toBe('1,4');
    expect(decimal(1.4, 'de')).toBe('1,4');
    expect(decimal(1.4, 'en')).toBe('1.4');
    expect(decimal(12, 'it')).toBe('12');
  });
});

describe('audit: a configuration path by the branch\'s names', () => {
  it('names the service, counter or preset; a path it cannot resolve stays as it came', () => {
    expect(configPathText('services.teller', 'it', DEMO_BRANCH)).toBe('Cassa');
    expect(configPathText('services.teller.name.en', 'en', DEMO_BRANCH)).toBe('Teller · name.en');
    expect(configPathText('counters.1.services', 'it', DEMO_BRANCH)).toBe('Sportello 1 · services');
    expect(configPathText('services.gone', 'it', DEMO_BRANCH)).toBe('services.gone');
    expect(configPathText('timezone', 'it', DEMO_BRANCH)).toBe('timezone');
    expect(configPathText('services.teller', 'it', null)).toBe('services.teller');
  });
});
