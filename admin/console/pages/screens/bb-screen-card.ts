import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ScreenStatus } from '../../../../core/client';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { screenCardStyles } from './bb-screen-card.styles';
import { screenSeq } from './screen-seq';
import './bb-screen-sound';

export type ScreenAction = 'reload' | 'identify' | 'unpair' | 'rename';

/**
 * One paired screen: up or down (silent over 60 s), when it last reported, whether what it shows
 * is the branch as it is now (its rendered seq against the branch's), its version, its last
 * error, whether its sound works and its own sound settings (a lobby TV), and the up/down log;
 * with "show your name", "reload", rename and unpair.
 */
@customElement('bb-screen-card')
export class BbScreenCard extends LitElement {
  static override styles = screenCardStyles;

  @property({ attribute: false }) screen!: ScreenStatus;
  /** The branch's seq now, to tell whether the screen is behind. */
  @property({ type: Number }) branchSeq = 0;
  @property({ type: Number }) now = Date.now();
  @property() ui: ConsoleLang = 'it';
  @property({ type: Boolean }) busy = false;
  @state() private renaming = false;
  @state() private newName = '';
  @state() private showLog = false;

  private act(action: ScreenAction, name?: string): void {
    this.dispatchEvent(new CustomEvent('bb-screen-action', { detail: { action, id: this.screen.id, name }, bubbles: true, composed: true }));
  }

  private ago(at: number | null): string {
    const u = this.ui;
    if (at === null) return ct(u, 'screens.never');
    const s = Math.max(0, Math.round((this.now - at) / 1000));
    if (s < 60) return ct(u, 'screens.secondsAgo', { n: s });
    const m = Math.round(s / 60);
    if (m < 120) return ct(u, 'screens.minutesAgo', { n: m });
    return new Intl.DateTimeFormat(u, { dateStyle: 'short', timeStyle: 'short' }).format(at);
  }

  override render() {
    const u = this.ui;
    const sc = this.screen;
    const seq = screenSeq(sc.renderedSeq, this.branchSeq);
    const time = (at: number) => new Intl.DateTimeFormat(u, { timeStyle: 'short' }).format(at);
    return html`<article class=${sc.up ? 'up' : 'down'} data-testid="screen" data-screen=${sc.id} data-up=${sc.up ? 'true' : 'false'}>
      <header>
        <div>
          ${this.renaming
            ? html`<form
                class="rename"
                @submit=${(e: Event) => {
                  e.preventDefault();
                  this.renaming = false;
                  if (this.newName.trim()) this.act('rename', this.newName.trim());
                }}
              >
                <input aria-label=${ct(u, 'screens.name')} maxlength="60" .value=${this.newName} @input=${(e: Event) => (this.newName = (e.target as HTMLInputElement).value)} />
                <button class="btn" type="submit">${ct(u, 'common.save')}</button>
              </form>`
            : html`<h3>${sc.name}</h3>`}
          <p class="muted">${ct(u, sc.kind === 'kiosk' ? 'screens.kiosk' : 'screens.lobby')} · ${ct(u, 'screens.pairedAt', { date: new Intl.DateTimeFormat(u, { dateStyle: 'medium' }).format(sc.pairedAt) })}</p>
        </div>
        <span class="pill ${sc.up ? 'ok' : 'danger'}" data-testid="screen-status">${sc.up ? ct(u, 'screens.up') : ct(u, 'screens.down')}</span>
      </header>
      <dl>
        <div><dt>${ct(u, 'screens.lastSeen')}</dt><dd data-testid="screen-last-seen">${this.ago(sc.lastSeenAt)}</dd></div>
        <div>
          <dt>${ct(u, 'screens.shows')}</dt>
          <dd data-testid="screen-seq">
            ${seq.kind === 'waiting'
              ? html`<span class="muted" data-seq="waiting">${ct(u, 'screens.waitingFirst')}</span>`
              : seq.kind === 'behind'
                ? html`<span class="late" data-seq="behind">${ct(u, 'screens.behind', { n: seq.n })}</span>`
                : html`<span data-seq="current">${ct(u, 'screens.current')}</span>`}
            ${seq.kind === 'waiting' ? nothing : html`<span class="muted">#${sc.renderedSeq}</span>`}
          </dd>
        </div>
        <div><dt>${ct(u, 'screens.version')}</dt><dd>${sc.version ?? '—'}</dd></div>
        <div><dt>${ct(u, 'screens.lastError')}</dt><dd>${sc.lastError ? html`<span class="late">${sc.lastError.message}</span> <span class="muted">${time(sc.lastError.at)}</span>` : ct(u, 'screens.noError')}</dd></div>
      </dl>
      ${sc.kind === 'lobby' ? html`<bb-screen-sound .screen=${sc} branch=${sc.branchId} .ui=${u} .now=${this.now}></bb-screen-sound>` : nothing}
      ${this.showLog
        ? html`<ol class="log" data-testid="screen-log">
            ${sc.log.length === 0 ? html`<li class="muted">${ct(u, 'screens.noLog')}</li>` : nothing}
            ${sc.log.map((l) => html`<li><span class="pill ${l.up ? 'ok' : 'danger'}">${ct(u, l.up ? 'screens.up' : 'screens.down')}</span> ${new Intl.DateTimeFormat(u, { dateStyle: 'short', timeStyle: 'medium' }).format(l.at)}</li>`)}
          </ol>`
        : nothing}
      <footer class="actions">
        <button class="btn" data-testid="identify-screen" ?disabled=${this.busy || !sc.up} @click=${() => this.act('identify')}>${ct(u, 'screens.identify')}</button>
        <button class="btn" data-testid="reload-screen" ?disabled=${this.busy || !sc.up} @click=${() => this.act('reload')}>${ct(u, 'screens.reload')}</button>
        <button class="btn quiet" @click=${() => (this.showLog = !this.showLog)} aria-expanded=${this.showLog ? 'true' : 'false'}>${ct(u, 'screens.log')}</button>
        <button class="btn quiet" @click=${() => ((this.renaming = true), (this.newName = sc.name))}>${ct(u, 'screens.rename')}</button>
        <button class="btn quiet danger" data-testid="unpair-screen" @click=${() => this.act('unpair')}>${ct(u, 'screens.unpair')}</button>
      </footer>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-screen-card': BbScreenCard;
  }
  interface HTMLElementEventMap {
    'bb-screen-action': CustomEvent<{ action: ScreenAction; id: string; name?: string }>;
  }
}
