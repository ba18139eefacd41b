import { describe, expect, it } from 'vitest';
import { callClips, clipTexts, counterClips, numberClips, phrasesFor, spokenCall, ticketClips, tileClips, VOICE_LANGS } from '../../display/sound/voice-words';

describe('numbers read as people say them', () => {
  it('says numbers under 100 as one word, never digit by digit', () => {
    for (const lang of VOICE_LANGS) {
      expect(numberClips(7, lang)).toEqual(['n:7']);
      expect(numberClips(12, lang)).toEqual(['n:12']);
      expect(numberClips(97, lang)).toEqual(['n:97']);
    }
  });

  it('says hundreds the way each language does', () => {
    expect(numberClips(100, 'it')).toEqual(['h:1']);
    expect(numberClips(123, 'it')).toEqual(['h:1', 'n:23']); // cento ventitré
    expect(numberClips(123, 'de')).toEqual(['h:1', 'n:23']); // hundert dreiundzwanzig
    expect(numberClips(305, 'fr')).toEqual(['h:3', 'n:5']); // trois cent cinq
    expect(numberClips(200, 'nl')).toEqual(['h:2']); // tweehonderd
    // Spanish: "cien" alone, "ciento doce" before more.
    expect(numberClips(100, 'es')).toEqual(['h:1']);
    expect(numberClips(112, 'es')).toEqual(['h:1+', 'n:12']);
    expect(numberClips(212, 'es')).toEqual(['h:2', 'n:12']);
    // British English: "one hundred and twelve".
    expect(numberClips(112, 'en')).toEqual(['h:1', 'w:and', 'n:12']);
    expect(numberClips(1234, 'en')).toEqual(['n:1', 'n:2', 'n:3', 'n:4']);
  });

  it('reads a ticket as its letter and its number, dropping the leading zeros', () => {
    expect(ticketClips('A001', 'it')).toEqual(['l:A', 'n:1']);
    expect(ticketClips('B012', 'de')).toEqual(['l:B', 'n:12']);
    expect(ticketClips('C120', 'es')).toEqual(['l:C', 'h:1+', 'n:20']);
    expect(ticketClips('42', 'fr')).toEqual(['n:42']);
  });
});

describe('counter names as the manager wrote them', () => {
  it('says a name made of known words and numbers as written, else the word for counter and its number', () => {
    expect(counterClips('Sportello 3', 'it')).toEqual(['w:sportello', 'n:3']);
    expect(counterClips('Cassa 2', 'it')).toEqual(['w:cassa', 'n:2']);
    expect(counterClips('Schalter 12', 'de')).toEqual(['w:schalter', 'n:12']);
    expect(counterClips('Desk B', 'en')).toEqual(['w:desk', 'l:B']);
    expect(counterClips('Sportello Veloce 4', 'it')).toEqual(['w:counter', 'n:4']);
    expect(counterClips('Reception', 'en')).toBeNull();
    // A manager's recordings may lack a word: then the general word.
    expect(counterClips('Cassa 2', 'it', (c) => c !== 'w:cassa')).toEqual(['w:counter', 'n:2']);
  });

  it('makes a whole call, and a recall says so', () => {
    expect(callClips('A012', 'Sportello 3', 'it', false)).toEqual(['w:ticket', 'l:A', 'n:12', 'w:sportello', 'n:3']);
    expect(callClips('A012', 'Counter 3', 'en', true)).toEqual(['w:again', 'w:ticket', 'l:A', 'n:12', 'w:counter', 'n:3']);
  });

  it('every clip a call can use is in every language’s list to render', () => {
    for (const lang of VOICE_LANGS) {
      const texts = clipTexts(lang);
      const calls = [callClips('Z999', 'Sportello 99', lang, true), callClips('A100', 'Kasse 1', lang, false), callClips('B112', 'x 5', lang, false)];
      for (const clip of calls.flat()) expect(texts[clip], `${lang} ${clip}`).toBeDefined();
    }
  });
});

describe('a call said in the fewest clips the sprite has', () => {
  // A sprite where the letter A and "un" are too short alone and live only in phrases.
  const sprite = new Set(['w:ticket', 'w:ticket l:A', 'w:ticket l:A n:1', 'n:12', 'w:guichet', 'w:guichet n:1', 'w:counter', 'w:counter l:A', 'h:1', 'h:1 n:1', 'w:again']);
  const has = (c: string) => sprite.has(c);

  it('joins a short word with the word before it', () => {
    expect(tileClips(['w:ticket', 'l:A', 'n:12'], has)).toEqual(['w:ticket l:A', 'n:12']);
    expect(tileClips(['w:ticket', 'l:A', 'n:1'], has)).toEqual(['w:ticket l:A n:1']);
    expect(tileClips(['w:ticket', 'l:A', 'h:1', 'n:1'], has)).toEqual(['w:ticket l:A', 'h:1 n:1']);
    expect(tileClips(['w:ticket', 'l:B'], has)).toBeNull();
  });

  it('says a counter name the sprite cannot say as the word for counter', () => {
    expect(spokenCall('A012', 'Guichet 1', 'fr', false, has)).toEqual(['w:ticket l:A', 'n:12', 'w:guichet n:1']);
    expect(spokenCall('A012', 'Caisse A', 'fr', true, has)).toEqual(['w:again', 'w:ticket l:A', 'n:12', 'w:counter l:A']);
  });

  it('renders, besides the words, "numero A" for every letter and each short word after what can come before it', () => {
    const phrases = phrasesFor('fr', new Set(['n:1', 'l:A'])).map((p) => p.join(' '));
    expect(phrases).toContain('w:ticket l:Z');
    expect(phrases).toContain('w:ticket l:Q n:1');
    expect(phrases).toContain('h:3 n:1');
    expect(phrases).toContain('w:guichet n:1');
    expect(phrases).toContain('w:counter l:A');
  });
});
