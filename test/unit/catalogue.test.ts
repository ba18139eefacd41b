import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { PART_CATALOGUES, PARTS } from '../../ui/i18n/catalogue';
import { LANGUAGES } from '../../ui/i18n/languages';
import { Localizer, t, useWording } from '../../ui/i18n/localize';
import { atArgs } from '../../ui/time/when';
import { CAUSES, EFFECTS } from '../../core';

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** The arguments a message uses, with the options of its selects and plurals: "day:select(other,today,…)", "n". */
function argumentsOf(ast: Ast, out = new Set<string>()): Set<string> {
  for (const el of ast as Array<{ type: number; value?: string; options?: Record<string, { value: Ast }>; children?: Ast }>) {
    if (el.type === 1 || el.type === 2 || el.type === 3 || el.type === 4) out.add(el.value!);
    if (el.type === 5) {
      out.add(`${el.value}:select(${Object.keys(el.options!).sort().join(',')})`);
      for (const o of Object.values(el.options!)) argumentsOf(o.value, out);
    }
    if (el.type === 6) {
      // A language may need a plural where English does not, and categories differ by language
      // ("few" in Polish): the argument is the same; every plural needs "other".
      out.add(el.value!);
      expect(Object.keys(el.options!)).toContain('other');
      for (const o of Object.values(el.options!)) argumentsOf(o.value, out);
    }
    if (el.type === 8) argumentsOf(el.children!, out);
  }
  return out;
}

describe('the translation catalogues', () => {
  for (const part of PARTS) {
    it(`${part}: every language has every key, with the same placeholders, and every message parses`, () => {
      const en = PART_CATALOGUES[part].en;
      const keys = Object.keys(en).sort();
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(key.startsWith(`${part}.`), `${key} lives in ${part}/`).toBe(true);
      for (const lang of LANGUAGES) {
        const cat = PART_CATALOGUES[part][lang];
        expect(Object.keys(cat).sort(), `${part}/${lang}.json keys`).toEqual(keys);
        for (const key of keys) {
          const src = cat[key]!;
          expect(src.trim(), `${lang} ${key} is empty`).not.toBe('');
          const ast = new IntlMessageFormat(src, lang).getAst();
          const ref = argumentsOf(new IntlMessageFormat(en[key]!, 'en').getAst());
          expect([...argumentsOf(ast)].sort(), `${lang} ${key}: ${src}`).toEqual([...ref].sort());
        }
      }
    });
  }

  it('no key is in two parts', () => {
    const seen = new Map<string, string>();
    for (const part of PARTS) {
      for (const key of Object.keys(PART_CATALOGUES[part].en)) {
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, part);
      }
    }
  });

  it('words every cause and effect in every language (core keeps only the lists)', () => {
    for (const lang of LANGUAGES) {
      for (const c of CAUSES) expect(PART_CATALOGUES.common[lang][`common.cause.${c}`], `${lang} ${c}`).toBeTruthy();
      for (const e of EFFECTS) expect(PART_CATALOGUES.common[lang][`common.effect.${e}`], `${lang} ${e}`).toBeTruthy();
    }
  });

  it('is really translated: no language is a copy of English but for names and figures', () => {
    const en = Object.assign({}, ...PARTS.map((p) => PART_CATALOGUES[p].en)) as Record<string, string>;
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const cat = Object.assign({}, ...PARTS.map((p) => PART_CATALOGUES[p][lang])) as Record<string, string>;
      const same = Object.keys(en).filter((k) => cat[k] === en[k] && /[a-z]{4}/.test(en[k]!.replace(/\{[^}]*\}/g, '')));
      // A few words are the same in both (Information, Maintenance, Pause, Service…).
      expect(same.length, `${lang} equal to English: ${same.join(', ')}`).toBeLessThan(Object.keys(en).length * 0.06);
    }
  });
});

describe('one formatter per language', () => {
  const ROME = 'Europe/Rome';
  const now = Date.parse('2026-12-01T09:00:00Z');
  const tomorrow = { at: Date.parse('2026-12-02T08:30:00Z'), now, timeZone: ROME };
  const today = { at: Date.parse('2026-12-01T09:25:00Z'), now, timeZone: ROME };

  it('words times with their day, plurals and counts, in several languages at once', () => {
    expect(t('en', 'lobby.pausedBackAt', atArgs(tomorrow, 'en'))).toBe('Back tomorrow at 09:30');
    expect(t('it', 'lobby.pausedBackAt', atArgs(tomorrow, 'it'))).toBe('Torna domani alle 09:30');
    expect(t('de', 'lobby.pausedBackAt', atArgs(today, 'de'))).toBe('Zurück um 10:25');
    expect(t('fr', 'lobby.pausedBackAt', atArgs(today, 'fr'))).toBe('De retour à 10:25');
    expect(t('es', 'lobby.since', atArgs(today, 'es'))).toBe('Desde las 10:25');
    expect(t('nl', 'lobby.resolvedAt', atArgs(tomorrow, 'nl'))).toBe('Opgelost morgen om 09:30');
    expect(t('en', 'lobby.noticesBelow', { n: 1 })).toBe('1 notice: see below');
    expect(t('en', 'lobby.noticesBelow', { n: 3 })).toBe('3 notices: see below');
    expect(t('it', 'lobby.moreCalls', { n: 1 })).toBe('+1 altro: vedi gli sportelli qui sotto');
    expect(t('de', 'lobby.waitingUnit', { n: 2 })).toBe('Personen warten');
    const other = { at: Date.parse('2026-12-04T08:30:00Z'), now, timeZone: ROME };
    expect(t('en', 'lobby.pausedBackAt', atArgs(other, 'en'))).toMatch(/^Back on Fri, Dec 4 at 09:30$/);
  });

  it('falls back to English for a language it does not speak, and never throws on a missing argument', () => {
    expect(t('pt-BR', 'lobby.nowServing')).toBe('Now serving');
    expect(t('fr-CH', 'lobby.nowServing')).toBe('Nous servons');
    expect(() => t('en', 'tablet.panel.next')).not.toThrow();
  });

  it('lets a branch word a message its own way; wording that does not parse falls back to the catalogue', () => {
    const own = new Localizer('it', { 'lobby.nowServing': 'Tocca a', 'lobby.waiting': 'In coda {' });
    expect(own.t('lobby.nowServing')).toBe('Tocca a');
    expect(own.t('lobby.waiting')).toBe('In attesa');
    useWording({ en: { 'lobby.counters': 'Desks' } });
    expect(t('en', 'lobby.counters')).toBe('Desks');
    expect(t('it', 'lobby.counters')).toBe('Sportelli');
    useWording(undefined);
    expect(t('en', 'lobby.counters')).toBe('Counters');
  });
});
