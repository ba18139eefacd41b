import { describe, expect, it } from 'vitest';
import '../../ui/i18n/catalogue';
import { t } from '../../ui/i18n/localize';

/** The tablet's promise alert, "likely cause: …counters open": plural as the lobby says it, in every language. */
describe('causes.cause.below_plan', () => {
  const said = (l: string, open: number, planned: number) => t(l, 'causes.cause.below_plan', { open, planned });
  it('one counter open', () => {
    expect(said('fr', 1, 4)).toBe('Cause probable : 1 guichet ouvert sur 4');
    expect(said('it', 1, 4)).toBe('Causa probabile: 1 sportello aperto su 4');
    expect(said('es', 1, 4)).toBe('Causa probable: 1 ventanilla abierta de 4');
    expect(said('en', 1, 4)).toBe('Likely cause: 1 of 4 counters open');
    expect(said('de', 1, 4)).toBe('Wahrscheinlicher Grund: 1 von 4 Schaltern offen');
    expect(said('nl', 1, 4)).toBe('Waarschijnlijke oorzaak: 1 van 4 loketten open');
  });
  it('several open; and one planned', () => {
    expect(said('fr', 2, 4)).toBe('Cause probable : 2 guichets ouverts sur 4');
    expect(said('it', 2, 4)).toBe('Causa probabile: 2 sportelli aperti su 4');
    expect(said('en', 0, 1)).toBe('Likely cause: 0 of 1 counter open');
    expect(said('de', 0, 1)).toBe('Wahrscheinlicher Grund: 0 von 1 Schalter offen');
  });
});
