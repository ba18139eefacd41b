import { describe, expect, it } from 'vitest';
import '../../ui/i18n/parts/public-board';
import '../../ui/i18n/parts/kiosk';
import { hasBoardWords, nativeLanguageName, untranslatedLanguages, wordsLanguage } from '../../ui/i18n/languages';
import { localTexts, msgs, staffTexts } from '../../ui/text/lang-text';
import { t } from '../../ui/i18n/localize';
import { rotatingLanguages } from '../../display/lib/rotation';

/**
 * A branch may show languages the catalogue has no words for (it, en, pt): the screens show the
 * staff's texts in them and the fixed words in English, labelled English; the console says so.
 */
describe('a branch language without the fixed words (pt)', () => {
  it('the TV still rotates to it: staff texts in pt, the fixed words in English under "en"', () => {
    const langs = ['it', 'en', 'pt'];
    const turns = [0, 8_000].map((ms) => rotatingLanguages(langs, ms, 8));
    expect(turns).toContainEqual(['it', 'pt']);
    expect(msgs(['it', 'pt'], 'lobby.closedNow')).toEqual([
      { lang: 'it', text: t('it', 'lobby.closedNow') },
      { lang: 'en', text: t('en', 'lobby.closedNow') },
    ]);
    // Never English labelled as Portuguese, nor twice when English is on screen too.
    expect(msgs(['pt'], 'lobby.closedNow').map((m) => m.lang)).toEqual(['en']);
    expect(msgs(['en', 'pt'], 'lobby.closedNow')).toHaveLength(1);
    expect(localTexts({ it: 'Sportello 1', pt: 'Guiché 1' }, ['it', 'pt'])).toEqual([
      { lang: 'it', text: 'Sportello 1' },
      { lang: 'pt', text: 'Guiché 1' },
    ]);
  });

  it('its turn on the TV shows a name not typed in pt in English, beside the English fixed words (as the en turn does)', () => {
    const counter = { it: 'Sportello 1', en: 'Counter 1' };
    expect(localTexts(counter, ['it', 'pt'], ['it', 'en', 'pt'])).toEqual([
      { lang: 'it', text: 'Sportello 1' },
      { lang: 'en', text: 'Counter 1' },
    ]);
    expect(localTexts(counter, ['it', 'pt'])).toEqual(localTexts(counter, ['it', 'en']));
    // Its own text when typed; English once when English is on screen too; a phone asked for pt reads English.
    expect(localTexts({ ...counter, pt: 'Guiché 1' }, ['it', 'pt'])[1]).toEqual({ lang: 'pt', text: 'Guiché 1' });
    expect(localTexts(counter, ['en', 'pt'])).toEqual([{ lang: 'en', text: 'Counter 1' }]);
    expect(localTexts(counter, ['pt'], ['it', 'en', 'pt'])).toEqual([{ lang: 'en', text: 'Counter 1' }]);
    // A language with fixed words of its own keeps the signs in the room (the branch's first) when the name lacks it.
    expect(localTexts(counter, ['de'], ['it', 'en'])).toEqual([{ lang: 'it', text: 'Sportello 1' }]);
  });

  it('is named in itself on the kiosk and the phone switch, and listed by the console’s warning', () => {
    expect(nativeLanguageName('pt')).toMatch(/^Portugu[eê]s$/i);
    expect(nativeLanguageName('pt')).not.toBe('pt');
    expect(nativeLanguageName('de')).toBe('Deutsch');
    expect(untranslatedLanguages(['it', 'en', 'pt', 'fr-CH', 'ro'])).toEqual(['pt', 'ro']);
    expect(hasBoardWords('fr-CH')).toBe(true);
    expect(wordsLanguage('ar')).toBe('en');
  });
});

describe('a reader’s language the text lacks (?lang=de on an it/en branch)', () => {
  it('staff text falls back to English, then the branch’s first; names stay the branch’s signs', () => {
    const notice = { it: 'Guasto al computer', en: 'The computer has failed' };
    expect(staffTexts(notice, ['de'], ['it', 'en'])).toEqual([{ lang: 'en', text: 'The computer has failed' }]);
    expect(staffTexts({ it: 'Solo italiano', fr: 'Seulement français' }, ['de'], ['it', 'en'])).toEqual([{ lang: 'it', text: 'Solo italiano' }]);
    // The chosen language when the text has it.
    expect(staffTexts({ ...notice, de: 'Der Computer ist ausgefallen' }, ['de'], ['it', 'en'])[0]!.lang).toBe('de');
    // A counter's name is the sign in the room: the branch's first language.
    expect(localTexts({ it: 'Sportello 2', en: 'Counter 2' }, ['de'], ['it', 'en'])).toEqual([{ lang: 'it', text: 'Sportello 2' }]);
  });
});
