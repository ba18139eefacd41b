import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callClips, clipTexts, VOICE_LANGS } from '../../display/sound/voice-words';

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
    it(`${lang}: every clip is there and is speech, and a whole call lasts well over 0.3 s`, () => {
      const file = join(VOICE, `${lang}.ogg`);
      const manifest = JSON.parse(readFileSync(join(VOICE, `${lang}.json`), 'utf8')) as { clips: Record<string, [number, number]> };
      expect(Object.keys(manifest.clips).sort()).toEqual(Object.keys(clipTexts(lang)).sort());
      const whole = soxStat(file);
      const last = Math.max(...Object.values(manifest.clips).map(([a, d]) => a + d));
      expect(whole.length).toBeGreaterThan(last);
      expect(whole.rms).toBeGreaterThan(0.03);
      const pcm = samples(file);
      for (const [clip, [start, duration]] of Object.entries(manifest.clips)) {
        // Words are longer than 0.3 s; a letter or a number can be one short syllable ("un", "cent", "B").
        expect(duration, `${lang} ${clip}`).toBeGreaterThan(clip.startsWith('w:') ? 0.3 : 0.12);
        expect(rms(pcm, start, duration), `${lang} ${clip} is not silence`).toBeGreaterThan(0.03);
      }
      const call = callClips('A012', 'Sportello 3', lang, false).map((c) => manifest.clips[c]?.[1] ?? 0);
      expect(call.reduce((a, b) => a + b, 0)).toBeGreaterThan(1.5);
    }, 60_000);
  }
});
