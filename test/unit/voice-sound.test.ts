import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callClips, clipTexts, MIN_CLIP_SECONDS, phrase, spokenCall, VOICE_LANGS } from '../../display/sound/voice-words';

const VOICE = join(import.meta.dirname, '..', '..', 'voice');
const RATE = 22050;

/** sox's own `stat` of a file: its length (s) and RMS amplitude (0…1). */
function soxStat(file: string): { length: number; rms: number } {
  const r = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sox: ${r.stderr || r.error}`);
  const num = (label: string) => Number(new RegExp(`${label}:\\s+([-\\d.e]+)`).exec(r.stderr)?.[1] ?? NaN);
  return { length: num('Length \\(seconds\\)'), rms: num('RMS\\s+amplitude') };
}

/** The file decoded by sox to 16-bit mono samples at 22.05 kHz. */
function samples(file: string): Int16Array {
  const raw = execFileSync('sox', [file, '-t', 'raw', '-r', String(RATE), '-e', 'signed', '-b', '16', '-c', '1', '-'], { maxBuffer: 64 << 20 });
  return new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength >> 1);
}

function rms(s: Int16Array, start: number, duration: number): number {
  const a = Math.floor(start * RATE);
  const b = Math.min(s.length, Math.floor((start + duration) * RATE));
  let sum = 0;
  for (let i = a; i < b; i++) sum += (s[i]! / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, b - a));
}

describe('the voice clips are real sound (measured with sox)', () => {
  it('the chime lasts more than 0.3 s and is not silence', () => {
    const s = soxStat(join(VOICE, 'chime.ogg'));
    expect(s.length).toBeGreaterThan(0.3);
    expect(s.rms).toBeGreaterThan(0.05);
  });

  for (const lang of VOICE_LANGS) {
    it(`${lang}: every clip is speech longer than 0.3 s, and every call can be said with them`, () => {
      const file = join(VOICE, `${lang}.ogg`);
      const manifest = JSON.parse(readFileSync(join(VOICE, `${lang}.json`), 'utf8')) as { clips: Record<string, [number, number]> };
      // Every word is there, alone or (too short alone: a letter, "un") inside phrases.
      const names = Object.keys(manifest.clips);
      for (const word of Object.keys(clipTexts(lang))) expect(names.some((n) => n.split(' ').includes(word)), `${lang} ${word}`).toBe(true);
      const whole = soxStat(file);
      const last = Math.max(...Object.values(manifest.clips).map(([a, d]) => a + d));
      expect(whole.length).toBeGreaterThan(last);
      expect(whole.rms).toBeGreaterThan(0.03);
      const pcm = samples(file);
      for (const [clip, [start, duration]] of Object.entries(manifest.clips)) {
        expect(MIN_CLIP_SECONDS).toBe(0.3);
        expect(duration, `${lang} ${clip}`).toBeGreaterThan(0.3);
        expect(rms(pcm, start, duration), `${lang} ${clip} is not silence`).toBeGreaterThan(0.03);
      }
      // Every ticket of every letter and number, at counters named every way, is said in full.
      const has = (c: string) => c in manifest.clips;
      for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
        for (let n = 1; n <= 999; n += letter === 'A' ? 1 : 37) {
          const ticket = `${letter}${String(n).padStart(3, '0')}`;
          const counter = `Sportello ${(n % 12) + 1}`;
          const said = spokenCall(ticket, counter, lang, n % 2 === 0, has);
          expect(said.every(has), `${lang} ${ticket}`).toBe(true);
          // Every word of the call is in it, in order (a counter name the voice lacks words for is
          // said as the language's word for counter and the number).
          const words = said.flatMap((c) => c.split(' '));
          const expected = callClips(ticket, counter, lang, n % 2 === 0, has);
          expect(words.join(' '), `${lang} ${ticket}`).toBe(expected.join(' '));
        }
      }
      const call = spokenCall('A012', 'Sportello 3', lang, false, has).map((c) => manifest.clips[c]![1]);
      expect(call.reduce((a, b) => a + b, 0)).toBeGreaterThan(1.5);
      expect(phrase(['w:ticket', 'l:A']) in manifest.clips).toBe(true);
    }, 60_000);
  }
});
