import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { clockTime } from '../../core/client';
import { BranchStreamController } from '../../ui/stream/branch-stream';
import type { BranchCommands, SessionUser } from '../lib/api';
import { prefs } from '../lib/prefs';
import { counterName } from '../lib/teller-model';
import { buttonStyles } from '../styles/shared';
import { t, useWording, type Language } from '../../ui/i18n/localize';
import './bb-top-bar';
import './bb-counter-picker';
import './bb-counter-panel';
import './notices/bb-notice-list';
import type { BbNoticeList } from './notices/bb-notice-list';
import './presets/bb-preset-picker';
import { tellerBranchStyles } from './bb-teller-branch.styles';

/**
 * The tablet at one branch: keeps the branch's live state (the same stream and reducer as the
 * lobby), asks which counter this is, then shows the counter panel beside the notices.
 * Recreated when the branch changes, so its stream always follows one branch.
 *
 * At work the view fills the screen exactly and never scrolls as a whole: the counter panel
 * ("Call next" and the rest) stays put, and only the notices scroll, in their own column
 * (landscape) or below the panel (portrait).
 */
@customElement('bb-teller-branch')
export class BbTellerBranch extends LitElement {
  @property() language: Language = 'it';
  @property() branch = '';
  @property({ attribute: false }) user: SessionUser | null = null;
  @property({ attribute: false }) commands: BranchCommands | null = null;

  @state() private counterId: string | null = null;
  @state() private picking = false;
  @state() private reporting = false;

  @query('bb-notice-list') private noticeList?: BbNoticeList;

  private stream = new BranchStreamController(this, () => this.branch);

  override connectedCallback(): void {
    super.connectedCallback();
    this.counterId = prefs.counter(this.branch);
  }

  private report(): void {
    this.noticeList?.collapse();
    this.reporting = true;
  }

  override willUpdate(_changed: PropertyValues): void {
    // The host's height depends on the mode: the whole screen at work, the page's flow otherwise.
    this.toggleAttribute('workspace', this.showsPanel());
  }

  private showsPanel(): boolean {
    const config = this.stream.state?.config;
    return !!(config && this.counterId && !this.picking && config.counters.some((c) => c.id === this.counterId));
  }

  /** After posting, the new notice is first in the list: bring the list back to its top to show it. */
  private readonly showNewest = (): void => {
    const list = this.renderRoot.querySelector<HTMLElement>('.notices-scroll');
    // At once: the dialog covered the list until now, so nothing seems to jump.
    if (list) list.scrollTop = 0;
  };

  private pickCounter(id: string): void {
    this.counterId = id;
    this.picking = false;
    prefs.setCounter(this.branch, id);
  }

  override render() {
    const l = this.language;
    const state = this.stream.state;
    const config = state?.config ?? null;
    // The branch's own wording, before any element words anything.
    useWording(config?.display?.wording);
    const now = this.stream.now();
    const counterKnown = !!(config && this.counterId && config.counters.some((c) => c.id === this.counterId));
    const showPanel = counterKnown && !this.picking;
    return html`
      <bb-top-bar
        .language=${l}
        .branchName=${config?.name ?? this.branch}
        .counterName=${showPanel && config && this.counterId ? counterName(config, this.counterId, l) : null}
        .clock=${config ? clockTime(now, config.timezone, l) : null}
        .userName=${this.user?.name ?? this.user?.username ?? null}
        @bb-change-counter=${() => (this.picking = true)}
      ></bb-top-bar>
      ${this.renderStreamBanner()}
      ${!state || !config
        ? html`<div class="loading" role="status">${this.stream.refused?.message ?? t(l, 'tablet.stream.connecting')}</div>`
        : showPanel
          ? this.renderWorkspace()
          : html`<bb-counter-picker
              .language=${l}
              .state=${state}
              .selected=${this.counterId}
              .missing=${!!this.counterId && !counterKnown}
              @bb-pick-counter=${(e: CustomEvent<string>) => this.pickCounter(e.detail)}
            ></bb-counter-picker>`}
    `;
  }

  private renderStreamBanner() {
    const status = this.stream.status;
    if (status === 'live' || !this.stream.state) return nothing;
    return html`<div class="stale" role="alert" data-testid="stream-stale" data-status=${status}>
      <span class="pulse" aria-hidden="true"></span>${t(this.language, 'tablet.stream.stale')}
    </div>`;
  }

  private renderWorkspace() {
    const l = this.language;
    const state = this.stream.state!;
    const counterId = this.counterId!;
    const now = this.stream.now();
    return html`
      <main>
        <div class="panel-col">
          <bb-counter-panel
            .language=${l}
            .state=${state}
            .commands=${this.commands}
            .counterId=${counterId}
            .now=${now}
            .estimates=${this.stream.currentEstimates()}
          ></bb-counter-panel>
        </div>
        <section class="notices" aria-labelledby="notices-title">
          <div class="notices-head">
            <h2 id="notices-title" class="label">${t(l, 'tablet.notices.title')}</h2>
            <button class="btn report" data-testid="report-problem" @click=${this.report}>
              <span class="bang" aria-hidden="true">!</span>${t(l, 'tablet.notices.report')}
            </button>
          </div>
          <div class="notices-scroll" data-testid="notices-scroll">
            <bb-notice-list
              .language=${l}
              .state=${state}
              .commands=${this.commands}
              .counterId=${counterId}
              .now=${now}
            ></bb-notice-list>
          </div>
        </section>
      </main>
      <bb-preset-picker
        .language=${l}
        .config=${state.config}
        .state=${state}
        .commands=${this.commands}
        .counterId=${counterId}
        .open=${this.reporting}
        @bb-close=${() => (this.reporting = false)}
        @bb-notice-posted=${this.showNewest}
      ></bb-preset-picker>
    `;
  }

  static override styles = [buttonStyles, tellerBranchStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-teller-branch': BbTellerBranch;
  }
}
