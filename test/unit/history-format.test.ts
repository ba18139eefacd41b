import { describe, expect, it } from 'vitest';
import { outOfTurnText } from '../../admin/console/pages/history/format';
import { OUT_OF_TURN_REASONS } from '../../core';
import { LANGUAGES } from '../../ui/i18n/localize';

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
