import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { publicCallReason, type BranchConfig, type Call } from '../../core/client';
import { t, type MessageKey } from '../../ui/i18n/localize';
import { callKey } from '../lib/calls';
import { wordsLanguage } from '../../ui/i18n/languages';
import { inline, langStyles, localTexts, mixedLine, msgs, perLangText, stacked } from '../../ui/text/lang-text';
import { nowServingStyles } from './bb-now-serving.styles';

/**
 * How tightly the rows are packed on the TV. The board starts roomy and steps down until every
 * call fits the space it has (which shrinks under the reconnect banner, or beside a long waiting
 * list): 0 the newest large and the others one per row; 1 the newest a little smaller and the
 * others two per row; 2 all two per row; 3 each call on one line, two to a row where they fit
 * (names side by side, no language left out), the newest across the row when it carries a tag
 * ("Called again", its service) — two to a row it wrapped onto three lines; 4 as 3 with the newest
 * in a half row too. Within a level the whole list may first shrink a little (down to MIN_SCALE)
 * when that is enough to fit. Only past the tightest does it leave calls out, the oldest first,
 * and it says how many ("+2").
 */
const TIGHTEST = 4;
const MIN_SCALE = 0.85;

/**
 * "Now serving": every ticket being served now, newest first, ticket number → counter, big
 * enough to read across the room. The state holds at most one call per counter, and only while
 * its ticket is at the counter, so every call here is live. A call that just happened (or was
 * repeated) is highlighted for a few seconds, and only then does a repeated one say "Called again".
 */
@customElement('bb-now-serving')
export class BbNowServing extends LitElement {
  @property({ attribute: false }) calls: readonly Call[] = [];
  @property({ attribute: false }) config: BranchConfig | null = null;
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  /** Keys (see callKey) of the calls to highlight now. */
  @property({ attribute: false }) highlighted: ReadonlySet<string> = new Set();
  /** What to say when nobody is being served: not "no tickets called yet" after a day of service. */
  @property({ attribute: false }) emptyKey: MessageKey = 'lobby.noCallsYet';
  /**
   * The call being announced (its key), which takes the large slot while its chime and voice
   * play: under a burst each call leads in turn, so none flashes by; the others stay listed.
   */
  @property({ attribute: false }) leading: string | null = null;

  /** Packing level, see TIGHTEST. */
  @state() private level = 0;
  /** How many calls are shown (the newest); the rest are counted in "+N". */
  @state() private shown = Infinity;
  /** Scale of the list within its level (MIN_SCALE … 1). */
  @state() private scale = 1;

  private resizeObserver?: ResizeObserver;
  private lastSize = '';
  private signature = '';

  static override styles = [langStyles, nowServingStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      const size = box ? `${Math.round(box.width)}x${Math.round(box.height)}` : '';
      if (size === this.lastSize) return;
      this.lastSize = size;
      this.repack();
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  /** Starts packing again from the roomiest layout; updated() then tightens it until it fits. */
  private repack(): void {
    this.level = 0;
    this.shown = Infinity;
    this.scale = 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('calls') || changed.has('langs') || changed.has('config') || changed.has('highlighted') || changed.has('leading')) {
      // Other calls, words or tags may fit another layout: try from the roomiest. (The highlight
      // counts: a "Called again" tag comes and goes with it.)
      const lit = this.calls.filter((c) => this.highlighted.has(callKey(c))).map(callKey);
      const signature = `${this.calls.map((c) => `${c.ticketId}@${c.counterId}`).join(',')}|${this.langs.join(',')}|${lit.join(',')}|${this.leading}`;
      if (signature !== this.signature) {
        this.signature = signature;
        this.repack();
      }
    }
  }

  protected override updated(): void {
    this.fit();
  }

  /** One step tighter when the rows overflow their space; on the phone the page scrolls instead. */
  private fit(): void {
    if (matchMedia('(max-width: 899px)').matches) {
      if (this.level !== 0 || this.shown !== Infinity || this.scale !== 1) this.repack();
      return;
    }
    const ol = this.renderRoot.querySelector('ol');
    if (!ol || ol.clientHeight === 0) return;
    if (ol.scrollHeight <= ol.clientHeight + 1) return;
    // Rows scale with the font size, so this is about the scale that fits (a hair under it).
    const fits = Math.floor(this.scale * (ol.clientHeight / ol.scrollHeight) * 100) / 100;
    if (fits >= MIN_SCALE && fits < this.scale) this.scale = fits;
    else if (this.level < TIGHTEST) {
      this.level += 1;
      this.scale = 1;
    } else if (Math.min(this.shown, this.calls.length) > 1) this.shown = Math.min(this.shown, this.calls.length) - 1;
  }

  override render() {
    const langs = this.langs;
    const branchLangs = this.config?.languages ?? [];
    const counterName = (id: string) => this.config?.counters.find((c) => c.id === id)?.name ?? { [langs[0] ?? 'en']: id };
    const lead = this.leading ? this.calls.find((c) => callKey(c) === this.leading) : undefined;
    const ordered = lead ? [lead, ...this.calls.filter((c) => c !== lead)] : this.calls;
    const calls = ordered.slice(0, this.shown);
    const hidden = this.calls.length - calls.length;
    // For screen readers (the phone view): the call being highlighted now, said once.
    const fresh = lead ?? calls.find((c) => this.highlighted.has(callKey(c)));
    const main = langs[0] ?? 'en';
    const name = fresh ? (localTexts(counterName(fresh.counterId), [main], branchLangs)[0] ?? { lang: wordsLanguage(main), text: fresh.counterId }) : null;
    const announce = fresh && name ? html`${fresh.number} → <span lang=${name.lang} dir="auto">${name.text}</span>` : '';
    // The first row keeps its own large size only where it stands alone (levels 0 and 1).
    const firstOwnSize = this.level <= 1;
    return html`<div class="sr" aria-live="polite" lang=${wordsLanguage(main)}>${announce}</div>
      <h2>${inline(msgs(langs, 'lobby.nowServing'))}</h2>
      ${calls.length === 0
        ? html`<div class="empty" data-testid="serving-empty">${stacked(msgs(langs, this.emptyKey))}</div>`
        : html`<ol data-level=${this.level} class="${this.level > 0 ? 'half' : ''} ${this.level >= 3 ? 'oneline' : ''}" style=${styleMap({ '--k': String(this.scale) })}>
              ${repeat(
                calls,
                (c) => callKey(c),
                (c, i) => {
                  const lit = this.highlighted.has(callKey(c)) || c === lead;
                  const why = this.renderWhy(c);
                  const tagged = why !== nothing || (c.recall && lit);
                  return html`<li
                    data-testid="call"
                    data-ticket=${c.number}
                    data-counter=${c.counterId}
                    data-leading=${c === lead ? 'true' : 'false'}
                    class="${i === 0 ? 'first' : ''} ${i === 0 && firstOwnSize ? 'lead' : ''} ${lit ? 'fresh' : ''} ${tagged ? 'tagged' : ''}"
                  >
                    <span class="ticket">${c.number}</span>
                    <svg class="arrow" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
                      <path d="M4 12h15M13 6l6 6-6 6" />
                    </svg>
                    <span class="where">
                      <span class="counter">${stacked(localTexts(counterName(c.counterId), langs, branchLangs))}</span>
                      ${why}
                      ${c.recall && lit ? html`<span class="recall" data-testid="call-recall">${stacked(msgs(langs, 'lobby.calledAgain'))}</span>` : nothing}
                    </span>
                  </li>`;
                },
              )}
            </ol>
            ${hidden > 0 ? html`<div class="more" data-testid="calls-more" data-count=${hidden}>${inline(msgs(langs, 'lobby.moreCalls', { n: hidden }))}</div>` : nothing}`}`;
  }

  /**
   * Why this call, beside it: the reason it came before others ("by appointment"), and its service
   * when that is not obvious (the counter serves several, or someone of another service who came
   * earlier still waits), so nobody wonders why a later number went first.
   */
  private renderWhy(c: Call) {
    const config = this.config;
    const serving = config?.counters.find((x) => x.id === c.counterId)?.services ?? [];
    const service = c.service ? config?.services.find((s) => s.id === c.service) : undefined;
    const showService = service && (serving.length > 1 || c.passedOthers || c.reason === 'transferred');
    if (!showService && !c.reason) return nothing;
    const branchLangs = config?.languages ?? [];
    // The service's name is the manager's (Portuguese on a pt turn), the reason the fixed words
    // (English there): one line, each piece marked with its language.
    const words = perLangText(this.langs, (l) => {
      const words = wordsLanguage(l);
      const name = showService ? localTexts(service.name, [l], branchLangs)[0] : undefined;
      const reason = c.reason ? { lang: words, text: t(words, `causes.reason.${publicCallReason(c.reason)}` as MessageKey) } : undefined;
      if (!name || !reason) return name ?? reason ?? { lang: words, text: '' };
      return mixedLine(words, [name, { lang: words, text: ' · ' }, reason]);
    });
    return html`<span class="why" data-testid="call-why" data-reason=${c.reason ?? ''}>${stacked(words)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-now-serving': BbNowServing;
  }
}
