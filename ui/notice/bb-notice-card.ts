import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { noticePhase, type BranchConfig, type Notice } from '../../core/client';
import { hasApology } from '../i18n/apology';
import { t } from '../i18n/localize';
import { causeIcon } from '../icons/cause-icons';
import { languageName, wordsLanguage } from '../i18n/languages';
import { inline, langStyles, msgs, staffTexts, perLang, perLangText, stacked, wordsLangs, type LangText } from '../text/lang-text';
import { scopeLine } from '../text/scope-words';
import { whenArgs, type At } from '../time/when';
import { noticeCardStyles } from './bb-notice-card.styles';

export type NoticeDensity = 'large' | 'normal' | 'compact';

/**
 * One notice as customers read it: why (cause icon and words), where (scope), what it means
 * (effect), the staff's text, since when, until when ("we don't know yet" is an honest answer),
 * "taking longer than expected" once the expected end has passed, and, once over, a green
 * "Resolved at" that closes the loop.
 */
@customElement('bb-notice-card')
export class BbNoticeCard extends LitElement {
  @property({ attribute: false }) notice: Notice | null = null;
  @property({ attribute: false }) config: BranchConfig | null = null;
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  /** Server time, epoch ms. */
  @property({ type: Number }) now = 0;
  @property({ reflect: true }) density: NoticeDensity = 'normal';
  /**
   * On the TV, a notice too tall for its column even at the compact size is shown in parts, a
   * page each (the notice board measures them): the pieces [from, to) of the body shown in this
   * part (see pieces()). Its cause, scope, "since" and expected end are on every part; null
   * shows the whole notice.
   */
  @property({ attribute: false }) piecesShown: readonly [number, number] | null = null;

  static override styles = [langStyles, noticeCardStyles];

  /**
   * The body's pieces a part may show or leave for the next, in order: each language's line of a
   * text, a note (with the mark of its language), the apology, the resolution's lines —
   * everything but the expected end, which every part keeps.
   */
  pieces(): HTMLElement[] {
    const body = this.renderRoot.querySelector('.body');
    if (!body) return [];
    const out: HTMLElement[] = [];
    for (const child of body.children) {
      if (!(child instanceof HTMLElement) || child.classList.contains('when')) continue;
      // A text (or a note) parts between its sentences, in every language, in order.
      const sentences = child.classList.contains('text') ? [...child.querySelectorAll<HTMLElement>('.s')] : [];
      if (sentences.length > 1) out.push(...sentences);
      else out.push(child);
    }
    return out;
  }

  /** Shows only the pieces of `part` (null: all), at once, so the board can measure a part. */
  showPart(part: readonly [number, number] | null): void {
    const pieces = this.pieces();
    pieces.forEach((piece, i) => (piece.hidden = part !== null && (i < part[0] || i >= part[1])));
    // A language's line whose every sentence is on another part takes no room, nor a text whose
    // every line is; a note's "in Italian" goes with its last sentence.
    for (const text of this.renderRoot.querySelectorAll<HTMLElement>('.body > .text')) {
      if (pieces.includes(text)) continue;
      const lines = [...text.querySelectorAll<HTMLElement>(':scope > .l0, :scope > .l1')];
      for (const line of lines) {
        const sentences = [...line.querySelectorAll<HTMLElement>('.s')];
        line.hidden = part !== null && sentences.length > 0 && sentences.every((x) => x.hidden);
      }
      const mark = text.querySelector<HTMLElement>('.note-lang');
      if (mark) mark.hidden = part !== null && [...text.querySelectorAll<HTMLElement>('.s')].at(-1)?.hidden === true;
      text.hidden = part !== null && lines.length > 0 && lines.every((l) => l.hidden);
    }
  }

  protected override updated(): void {
    this.showPart(this.piecesShown);
  }

  override render() {
    const n = this.notice;
    if (!n) return nothing;
    const langs = this.langs;
    const tz = this.config?.timezone ?? 'UTC';
    const branchLangs = this.config?.languages ?? [];
    const phase = noticePhase(n, this.now);
    const time = (at: number): At => ({ at, now: this.now, timeZone: tz });
    const texts = staffTexts(n.text, langs, branchLangs);

    return html`<article data-testid="notice" data-notice-id=${n.id} data-cause=${n.cause} data-status=${phase}>
      <div class="badge">${causeIcon(n.cause)}</div>
      <div class="title">
        ${this.renderSide(n, phase, time)}
        <div class="cause">${inline(msgs(langs, `common.cause.${n.cause}`))}</div>
        <div class="where">
          <span data-testid="notice-scope">${pinIcon}<span>${inline(this.scopeTexts(n))}</span></span>
          ${phase === 'resolved'
            ? nothing
            : html`<span class="effect">${effectIcon}<span>${inline(msgs(langs, `common.effect.${n.effect}`))}</span></span>`}
        </div>
      </div>
      <div class="body">
        ${phase === 'resolved'
          ? this.renderResolution(n, time)
          : html`<div class="text">${inSentences(texts)}</div>
              ${this.renderNote(n.note)} ${n.apologise ? this.renderApology(texts) : nothing}`}
        ${phase === 'resolved'
          ? nothing
          : html`<div class="when">
              <div class="expected" data-testid="notice-expected">
                ${phase === 'overdue' ? hourglassIcon : clockIcon}
                <div>
                  ${(this.density === 'compact' ? inline : stacked)(
                    n.expectedEndAt === null
                      ? msgs(langs, 'lobby.expectedUnknown')
                      : phase === 'overdue'
                        ? msgs(langs, 'lobby.overdue', whenArgs(time(n.expectedEndAt)))
                        : msgs(langs, 'lobby.expectedAt', whenArgs(time(n.expectedEndAt))),
                  )}
                </div>
              </div>
            </div>`}
      </div>
    </article>`;
  }

  /** At the right of the cause: since when (and the last update), or the "resolved" chip. */
  private renderSide(n: Notice, phase: ReturnType<typeof noticePhase>, time: (at: number) => At) {
    const langs = this.langs;
    const lastUpdate = n.updates.at(-1);
    return html`<div class="side">
      ${phase === 'resolved'
        ? html`<div class="chip">${checkMark}${inline(msgs(langs, 'lobby.statusResolved'))}</div>`
        : html`<div class="since">
            <span>${inline(msgs(langs, 'lobby.since', whenArgs(time(n.startedAt))))}</span>
            ${lastUpdate ? html`<span class="updated">${inline(msgs(langs, 'lobby.updatedAt', whenArgs(time(lastUpdate.at))))}</span>` : nothing}
          </div>`}
    </div>`;
  }

  private renderResolution(n: Notice, time: (at: number) => At) {
    const r = n.resolution;
    if (!r) return nothing;
    const langs = this.langs;
    // The closing words, or the preset's resolved twin; never the notice's own present-tense text
    // ("a colleague is working to fix it") under a "Resolved" — without words, the screen's own.
    const texts = staffTexts(r.text ?? n.resolvedText, langs, this.config?.languages ?? []);
    return html`<div class="resolved-line">
        ${checkIcon}
        <div>${(this.density === 'compact' ? inline : stacked)(msgs(langs, 'lobby.resolvedAt', whenArgs(time(r.at))))}</div>
      </div>
      ${texts.length
        ? html`<div class="text resolution">${stacked(texts)}</div>`
        : html`<div class="text resolution" data-testid="notice-resolved-done">${stacked(msgs(langs, 'lobby.resolvedDone'))}</div>`}
      ${this.renderNote(r.note)} ${r.apologise ? this.renderApology(texts) : nothing} ${this.renderPrevention(r.prevention)}`;
  }

  /**
   * Words typed in fewer languages than the screen shows (a tablet types in its own): shown as
   * typed, and marked with their language for the readers of the others ("in Italian").
   */
  private renderNote(note: Record<string, string> | null | undefined) {
    if (!note) return nothing;
    const langs = this.langs;
    const own = staffTexts(note, langs, this.config?.languages ?? []);
    if (!own.length) return nothing;
    return html`<div class="text note" data-testid="notice-note">${inSentences(own)}${this.renderTypedIn(note, own)}</div>`;
  }

  /**
   * "in Italian" for the readers of the screen's languages that `typed` lacks (shown: `own`), in
   * the language their fixed words are in: a pt reader reads English words, so a note typed in
   * English needs no mark for them, and one in Italian says "in Italian" under lang="en" — never
   * the English "in" around a Portuguese "inglês" marked pt.
   */
  private renderTypedIn(typed: Record<string, string>, own: readonly LangText[]) {
    const typedIn = own[0]!.lang;
    const readers = this.langs.filter((l) => !typed[l] && !typed[wordsLanguage(l)]);
    const mark = perLang(wordsLangs(readers), (l) => t(l, 'causes.noteIn', { language: languageName(typedIn, l) }));
    return mark.length ? html`<span class="note-lang" data-testid="note-lang">${inline(mark)}</span>` : nothing;
  }

  /** Admit, fix, prevent: what the branch will do so it does not happen again. */
  private renderPrevention(prevention: Record<string, string> | null | undefined) {
    const texts = staffTexts(prevention, this.langs, this.config?.languages ?? []);
    if (!prevention || !texts.length) return nothing;
    // Typed on a tablet in one language (its "Written in"): marked like a note, for the others' readers.
    return html`<div class="prevention" data-testid="notice-prevention">
      <div class="prevention-label">${inline(msgs(this.langs, 'causes.prevention'))}</div>
      <div class="text">${stacked(texts)}${this.renderTypedIn(prevention, texts)}</div>
    </div>`;
  }

  /** "We apologise" only in the languages whose text does not already say it. */
  private renderApology(texts: readonly LangText[]) {
    // A pt reader reads the English text (localTexts): it apologises for them when it says sorry.
    const missing = this.langs.filter((l) => {
      const said = texts.find((x) => x.lang === l) ?? texts.find((x) => x.lang === wordsLanguage(l));
      return !hasApology(said?.text ?? '', said?.lang ?? l);
    });
    if (missing.length === 0) return nothing;
    return html`<div class="apology">${inline(msgs(missing, 'common.apology'))}</div>`;
  }

  /** Where the notice applies: the whole branch, or the counters / services it names. */
  private scopeTexts(n: Notice): LangText[] {
    return perLangText(this.langs, (l) => scopeLine(n.scope, this.config, l));
  }
}

const pinIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M12 21.5s7-6.2 7-12a7 7 0 0 0-14 0c0 5.8 7 12 7 12z" /><circle cx="12" cy="9.5" r="2.5" /></svg>`;
const checkMark = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M4.5 12.5l5 5 10-11" /></svg>`;
const effectIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M12 3.5l9.5 16.5h-19z" /><path d="M12 10v4.5M12 17.2v.1" /></svg>`;
const clockIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><circle cx="12" cy="12" r="9.5" /><path d="M12 6.5V12l3.5 2.2" /></svg>`;
const hourglassIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M5.5 2.5h13M5.5 21.5h13" /><path d="M7.5 2.5c0 5 4.5 6 4.5 9.5s-4.5 4.5-4.5 9.5M16.5 2.5c0 5-4.5 6-4.5 9.5s4.5 4.5 4.5 9.5" /></svg>`;
const checkIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><circle cx="12" cy="12" r="10" stroke-width="2.2" /><path d="M7 12.5l3.5 3.5 6.5-7" /></svg>`;

/**
 * `stacked` with each sentence its own element (Intl.Segmenter), read the same, so that on the
 * TV a notice too tall for its column can continue a long text on its next part.
 */
function inSentences(parts: readonly LangText[]) {
  if (parts.length === 0) return nothing;
  return html`${parts.map(
    (p, i) => html`<span class=${i === 0 ? 'l0' : 'l1'} lang=${p.lang} dir="auto">${sentences(p.text, p.lang).map((x) => html`<span class="s">${x}</span>`)}</span> `,
  )}`;
}

function sentences(text: string, lang: string): string[] {
  try {
    const out = [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((x) => x.segment);
    return out.length ? out : [text];
  } catch {
    return [text];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-notice-card': BbNoticeCard;
  }
}
