import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReasonCode, WaitEstimate } from '../../core/client';
import { causeIcon } from '../../ui/icons/cause-icons';
import { t } from '../../ui/i18n/localize';
import { wordsLanguage } from '../../ui/i18n/languages';
import { inline, langStyles, msgs, perLang, stacked, wordsLangs } from '../../ui/text/lang-text';
import { REASON_MESSAGE, waitWords } from '../lib/wait';
import { missingEstimate } from '../../ui/queue/missing-estimate';
import { waitEstimateStyles } from './bb-wait-estimate.styles';

/**
 * The expected wait for a ticket taken now, for one service: "Attesa stimata ~6 min (4–9 min)",
 * with one short line per reason when it is longer than usual, or plainly why there is no figure.
 * Quieter than the waiting count beside it. When the estimate may be out of date (`current`
 * false) no figure is shown at all, only that it is being updated: never an old figure as live.
 */
@customElement('bb-wait-estimate')
export class BbWaitEstimate extends LitElement {
  /** The service id, for the testid hooks. */
  @property() service = '';
  /** The estimate for this service; null shows nothing (none received yet). */
  @property({ attribute: false }) estimate: WaitEstimate | null = null;
  /** False while the stream is not live or the estimate is too old to show as live. */
  @property({ type: Boolean }) current = true;
  @property({ attribute: false }) langs: readonly string[] = ['en'];
  /** How long the longest-waiting ticket of the service has waited, ms: said when there is no figure. */
  @property({ type: Number }) longestWaitMs = 0;

  static override styles = [langStyles, waitEstimateStyles];

  override render() {
    const langs = this.langs;
    if (!this.current) {
      return html`<div class="row estimate unknown pending" part="figure" data-testid="wait-estimate-stale" data-service=${this.service}>
        ${CLOCK}<span>${stacked(msgs(langs, 'lobby.estimateUpdating'))}</span>
      </div>`;
    }
    const e = this.estimate;
    if (!e) return nothing;
    const reasons = e.reasons.filter((r): r is ReasonCode => r in REASON_MESSAGE);
    return html`<div
      class="wrap"
      data-testid="wait-estimate"
      data-service=${this.service}
      data-known=${e.known ? 'true' : 'false'}
      data-cause=${e.known ? nothing : e.cause}
      data-reasons=${reasons.join(' ')}
    >
      ${e.known
        ? html`<div class="row estimate" part="figure">${CLOCK}<span>${langs.length > 1 ? this.sharedLine(langs, e) : langs.map((l, i) => this.knownLine(l, i, e))}</span></div>`
        : this.unknownLine(e)}
      ${reasons.length
        ? html`<ul part="reasons">
            ${reasons.map(
              (r) => html`<li class="row" data-testid="wait-reason" data-service=${this.service} data-reason=${r}>
                <span class="icon">${causeIcon(REASON_ICON[r], { size: '100%' })}</span><span>${inline(msgs(langs, REASON_MESSAGE[r]))}</span>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  /** No figure: why, or how long the longest wait is so far — never "soon" (ui/queue/missing-estimate.ts). */
  private unknownLine(e: Extract<WaitEstimate, { known: false }>): TemplateResult {
    const m = missingEstimate(e, this.longestWaitMs);
    return html`<div class="row estimate unknown" part="figure" data-testid="wait-unknown" data-message=${m.key}>
      ${CLOCK}<span>${stacked(msgs(this.langs, m.key, m.values))}</span>
    </div>`;
  }

  /**
   * Several languages: their words side by side and the figure once — "Attesa · Wait ~6 min
   * (4–9 min)" — since a figure reads the same in every language. The TV's short word ("Wait",
   * the clock icon and the "~" say it is an estimate) keeps the line to one row even in German
   * and French beside the promise: a line saved per service, where every line is at least 28 px.
   */
  private sharedLine(langs: readonly string[], e: Extract<WaitEstimate, { known: true }>): TemplateResult {
    const main = langs[0]!;
    const w = waitWords(main, e.waitSec, e.p10Sec, e.p90Sec);
    const labels = perLang(wordsLangs(langs), (l) => t(l, 'lobby.waitShort'));
    return html`<span class="l0 shared"
      >${labels.map(
        (p, i) => html`${i > 0 ? html`<span class="sep" aria-hidden="true"> · </span>` : nothing}<span class="label ${i > 0 ? 'other' : ''}" lang=${p.lang}>${p.text}</span>`,
      )}
      <span class="fig" lang=${main}>${w.figure}</span>${w.range ? html` <span class="range" lang=${main}>(${w.range})</span>` : nothing}</span
    >`;
  }

  /** "Attesa stimata ~6 min (4–9 min)" in one language; the first language large, the others beneath. */
  private knownLine(lang: string, i: number, e: Extract<WaitEstimate, { known: true }>): TemplateResult {
    const w = waitWords(lang, e.waitSec, e.p10Sec, e.p90Sec);
    // The label is the fixed words (English for pt), the figure formatted in `lang`.
    return html`<span class=${i === 0 ? 'l0' : 'l1'} lang=${wordsLanguage(lang)}
      ><span class="label">${t(lang, 'lobby.estimatedWait')}</span> <span class="fig" lang=${lang}>${w.figure}</span>${w.range
        ? html` <span class="range" lang=${lang}>(${w.range})</span>`
        : nothing}</span
    >`;
  }
}

/** Each reason with the icon of the notice cause that says the same thing. */
const REASON_ICON = {
  fewer_counters: 'staff_shortage',
  more_arrivals: 'high_demand',
  longer_service: 'long_transaction',
} as const satisfies Record<ReasonCode, string>;

const CLOCK = html`<svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
  <circle cx="12" cy="12" r="9.5" />
  <path d="M12 7v5.2l3.4 2.1" />
</svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'bb-wait-estimate': BbWaitEstimate;
  }
}
