/**
 * Renders the lobby's spoken-call clips once, offline, with Debian's espeak-ng and sox
 * (apt-get install espeak-ng sox), into one sprite per language: voice/<lang>.ogg (Ogg Vorbis,
 * mono, 22 kHz) and voice/<lang>.json (where each clip starts and how long it lasts), plus
 * voice/chime.ogg. The output is committed; the lobby only plays it (nothing is synthesized or
 * fetched from the network at run time). espeak-ng is GPL-3.0, but only its output, the audio,
 * is in the repository.
 *
 *   npx tsx scripts/voice/render-voices.ts            # every language
 *   npx tsx scripts/voice/render-voices.ts it de      # some
 *   npx tsx scripts/voice/render-voices.ts --from DIR it   # a manager's recordings: DIR/<clip>.wav
 *
 * With --from, a clip is taken from DIR (named like "w_ticket.wav", "n_12.wav", "h_1.wav", a
 * phrase "w_ticket-l_A.wav": the clip name with ":" as "_", " " as "-", "+" as "plus"); a phrase
 * DIR lacks whose words it has is made of those recordings, one after another; only what DIR
 * has neither way is rendered by espeak-ng.
 *
 * Each word is rendered alone first; a word shorter than MIN_CLIP_SECONDS (a letter, French "un")
 * is then kept only inside the phrases it is said in (voice-words.ts `phrasesFor`), each rendered
 * in one breath, so every clip in the sprite is real speech longer than that.
 * Write the result into DATA_DIR/voice/ to replace a branch server's voice without a rebuild.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clipTexts, ESPEAK_VOICE, MIN_CLIP_SECONDS, phrase, phrasesFor, VOICE_LANGS, type VoiceLang } from '../../display/sound/voice-words';

const RATE = 22050;
const GAP = 0.12;
const args = process.argv.slice(2);
const fromAt = args.indexOf('--from');
const fromDir = fromAt >= 0 ? resolve(args[fromAt + 1] ?? '.') : null;
const outAt = args.indexOf('--out');
const outDir = resolve(outAt >= 0 ? args[outAt + 1]! : join(import.meta.dirname, '..', '..', 'voice'));
const langs = args.filter((a, i) => !a.startsWith('--') && i !== fromAt + 1 && i !== outAt + 1) as VoiceLang[];

const sox = (...a: string[]) => execFileSync('sox', a, { stdio: ['ignore', 'ignore', 'pipe'] });
const seconds = (file: string) => Number(execFileSync('soxi', ['-D', file]).toString().trim());

mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'branchboard-voice-'));
try {
  for (const lang of langs.length ? langs : VOICE_LANGS) {
    const texts = clipTexts(lang);
    const gap = join(work, 'gap.wav');
    sox('-n', '-r', String(RATE), '-c', '1', '-b', '16', gap, 'trim', '0', String(GAP));
    const safeName = (clip: string) => clip.replace(/[:+ ]/g, (c) => (c === ':' ? '_' : c === ' ' ? '-' : 'plus'));
    const recorded = (clip: string) => (fromDir && existsSync(join(fromDir, `${safeName(clip)}.wav`)) ? join(fromDir, `${safeName(clip)}.wav`) : null);
    /** Words a manager recorded, as rendered (a phrase of recorded words is made of them, in the same voice). */
    const ownWords = new Map<string, string>();
    const breath = join(work, 'breath.wav');
    sox('-n', '-r', String(RATE), '-c', '1', '-b', '16', breath, 'trim', '0', '0.06');
    /** Renders (or takes from --from) one clip; returns its clean file and length. */
    const render = (clip: string, text: string, words: readonly string[] = [clip]): { file: string; seconds: number } => {
      const safe = safeName(clip);
      const raw = join(work, `${lang}-${safe}-raw.wav`);
      const own = recorded(clip);
      if (own) sox(own, raw);
      else if (words.length > 1 && words.every((w) => ownWords.has(w))) {
        // A phrase not recorded whole, each of its words recorded: the real voice's words, one after another.
        sox(...words.flatMap((w, i) => (i ? [breath, ownWords.get(w)!] : [ownWords.get(w)!])), raw);
      } else execFileSync('espeak-ng', ['-m', '-v', ESPEAK_VOICE[lang], '-s', '150', '-w', raw, `<speak>${text}</speak>`]);
      const file = join(work, `${lang}-${safe}.wav`);
      // Mono 22 kHz, silence trimmed at both ends, the same loudness for every clip.
      sox(raw, '-r', String(RATE), '-c', '1', '-b', '16', file, 'silence', '1', '0.01', '0.5%', 'reverse', 'silence', '1', '0.01', '0.5%', 'reverse', 'norm', '-3');
      return { file, seconds: seconds(file) };
    };
    const rendered = new Map<string, { file: string; seconds: number }>();
    for (const [clip, text] of Object.entries(texts)) {
      const r = render(clip, text);
      rendered.set(clip, r);
      if (recorded(clip)) ownWords.set(clip, r.file);
    }
    // Words too short to say alone are said only inside their phrases.
    const short = new Set([...rendered].filter(([, r]) => r.seconds <= MIN_CLIP_SECONDS).map(([c]) => c));
    for (const c of short) rendered.delete(c);
    for (const words of phrasesFor(lang, short)) {
      const name = phrase(words);
      if (rendered.has(name)) continue;
      const r = render(name, words.map((w) => texts[w]!).join(' '), words);
      if (r.seconds <= MIN_CLIP_SECONDS) throw new Error(`${lang} "${name}" lasts only ${r.seconds} s`);
      rendered.set(name, r);
    }
    const pieces: string[] = [];
    const clips: Record<string, [number, number]> = {};
    let at = 0;
    for (const [clip, r] of rendered) {
      clips[clip] = [Number(at.toFixed(4)), Number(r.seconds.toFixed(4))];
      pieces.push(r.file, gap);
      at += r.seconds + GAP;
    }
    const wav = join(work, `${lang}.wav`);
    sox(...pieces, wav);
    sox(wav, '-C', '1', join(outDir, `${lang}.ogg`));
    writeFileSync(join(outDir, `${lang}.json`), JSON.stringify({ lang, voice: fromDir ? 'recorded' : `espeak-ng ${ESPEAK_VOICE[lang]}`, clips }, null, 0) + '\n');
    console.log(`${lang}: ${Object.keys(clips).length} clips (${short.size} words only in phrases), ${at.toFixed(1)} s`);
  }
  // The chime: two soft tones (E5, C5), made by sox.
  const chime = join(work, 'chime.wav');
  sox('-n', '-r', String(RATE), '-c', '1', '-b', '16', chime, 'synth', '0.5', 'sine', '659.25', 'fade', 'q', '0.01', '0.5', '0.4', ':', 'synth', '0.9', 'sine', '523.25', 'fade', 'q', '0.01', '0.9', '0.8', 'norm', '-6');
  sox(chime, '-C', '1', join(outDir, 'chime.ogg'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
