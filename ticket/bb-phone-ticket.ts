import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { noticePhase, type Notice } from '../core/client';
import { causeLabel } from '../ui/cause/cause-presentation';
import '../ui/dialog/bb-dialog';
import { catalogueLanguage, languageName, nativeLanguageName } from '../ui/i18n/languages';
import { t, useWording } from '../ui/i18n/localize';
import '../ui/i18n/parts/kiosk';
import '../ui/i18n/parts/public-board';
import { matchLanguage } from '../ui/i18n/languages';
import { noticesTouchingService, ticketPlace } from '../ui/queue/service-facts';
import { BranchStreamController } from '../ui/stream/branch-stream';
import { localTexts, staffTexts, withMarkedName, type LangText } from '../ui/text/lang-text';
import { waitWords } from '../ui/time/wait-words';
import { whenArgs, type At } from '../ui/time/when';
import { newIdempotencyKey } from '../ui/net/idempotency-key';
import { TurnAlert } from './turn-alert';
import { longestWait, missingEstimate } from '../ui/queue/missing-estimate';

/** What GET /api/tickets/:token says (server/routes/phone-tickets.ts). */
export interface PhoneTicketInfo {
  branch: string;
  ticket: { id: string; number: string; service: string; status: 'waiting' | 'called' | 'done' | 'no_show' | 'cancelled'; counterId: string | null };
}

type Shown =
  | { kind: 'waiting'; ahead: number }
  | { kind: 'called'; counterId: string; recalls: number }
  | { kind: 'done' | 'no_show' | 'cancelled' };

/**
 * The phone ticket (/t/<token>): the number, the place ("3 people ahead of you"), the honest range,
 * the notices that touch its service, and "It's your turn: counter 3" with vibration, a chime and
 * the tab title when called. Follows the branch's public stream; "I'm not coming any more" gives
 * the place back. No account, nothing personal: the link is the only key.
 */
@customElement('bb-phone-ticket')
export class BbPhoneTicket extends LitElement {
  @property() token = '';
  @property({ attribute: false }) info!: PhoneTicketInfo;

  @state() private language = matchLanguage(globalThis.navigator?.languages ?? [], ['it', 'en', 'fr', 'es', 'de', 'nl']) ?? 'en';
  @state() private langChosen = false;
  /** Set once the ticket left the queue for good (done, no-show, given back): the stream no longer says. */
  @state() private final: 'done' | 'no_show' | 'cancelled' | null = null;
  @state() private cancelError = false;
  @state() private cancelling = false;
  @state() private soundOn = false;

  @state() private confirmOpen = false;

  private readonly stream = new BranchStreamController(this, () => this.info.branch);
  private readonly alert = new TurnAlert();
  /** Calls already rung for (number of recalls at the last ring), so a re-render never rings twice. */
  private rungFor = -1;
  private cancelKey = '';
  private refetching = false;

  static override styles = css`
    :host {
      --ink: #0d1b2e;
      --ink-2: #3c4d63;
      --paper: #f6f8fb;
      --card: #ffffff;
      --line: #d4dce7;
      --accent: #0b5cad;
      --turn: #0a7a45;
      --warn: #8a4b00;
      --bb-dialog-width: 26rem;
      --bb-dialog-height: fit-content;
      display: block;
      min-height: 100vh;
      background: var(--paper);
      color: var(--ink);
      font-family: Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
      -webkit-font-smoothing: antialiased;
      /* Staff-typed text may hold a word longer than a phone is wide (a notice of 280 letters): it wraps, the page never scrolls sideways. */
      overflow-wrap: anywhere;
    }
    main {
      max-width: 32rem;
      margin: 0 auto;
      padding: 1rem 1rem 2rem;
      display: grid;
      gap: 1rem;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 0.75rem;
    }
    .branch {
      font-weight: 700;
      font-size: 1rem;
      color: var(--ink-2);
    }
    select {
      font: inherit;
      font-size: 0.95rem;
      padding: 0.35rem 0.5rem;
      border: 1px solid var(--line);
      border-radius: 0.5rem;
      background: var(--card);
      color: var(--ink);
    }
    .card {
      background: var(--card);
      border: 1px solid var(--line);
      border-radius: 1rem;
      padding: 1.25rem;
    }
    .number {
      text-align: center;
    }
    .number .label {
      font-size: 1rem;
      color: var(--ink-2);
    }
    .number .value {
      font-size: 4.5rem;
      font-weight: 800;
      letter-spacing: 0.02em;
      line-height: 1.05;
      font-variant-numeric: tabular-nums;
    }
    .number .service {
      font-size: 1.2rem;
      font-weight: 600;
    }
    .status {
      text-align: center;
      font-size: 1.6rem;
      font-weight: 700;
      line-height: 1.25;
    }
    .estimate {
      margin-top: 0.5rem;
      text-align: center;
      font-size: 1.15rem;
      color: var(--ink-2);
    }
    .estimate b {
      color: var(--ink);
    }
    .range {
      white-space: nowrap;
    }
    .turn {
      background: var(--turn);
      color: #fff;
      border-color: var(--turn);
    }
    .turn .status {
      font-size: 2rem;
    }
    .turn .again {
      text-align: center;
      margin-top: 0.5rem;
      font-size: 1.1rem;
    }
    .over .status {
      font-size: 1.3rem;
      font-weight: 600;
    }
    .offline {
      background: #fff4e0;
      color: var(--warn);
      border: 1px solid #e9c27a;
      border-radius: 0.75rem;
      padding: 0.6rem 0.8rem;
      font-size: 0.95rem;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1rem;
      color: var(--ink-2);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    li .cause {
      font-weight: 700;
    }
    li .text {
      display: block;
      margin-top: 0.2rem;
      line-height: 1.35;
    }
    li .note {
      font-style: italic;
    }
    li .when {
      display: block;
      margin-top: 0.4rem;
      font-weight: 600;
      color: var(--warn);
    }
    li .updated {
      display: block;
      margin-top: 0.15rem;
      font-size: 0.9rem;
      color: var(--ink-2);
    }
    button {
      font: inherit;
      font-size: 1.05rem;
      min-height: 3rem;
      border-radius: 0.75rem;
      padding: 0.6rem 1rem;
      cursor: pointer;
    }
    .sound {
      border: 1px solid var(--line);
      background: var(--card);
      color: var(--ink);
      width: 100%;
    }
    .cancel {
      border: 2px solid #b3261e;
      background: var(--card);
      color: #b3261e;
      font-weight: 700;
      width: 100%;
    }
    .hint {
      text-align: center;
      font-size: 0.9rem;
      color: var(--ink-2);
      margin: 0;
    }
    .confirm {
      margin: 0 0 1rem;
      font-size: 1.15rem;
      line-height: 1.35;
    }
    .actions {
      display: grid;
      gap: 0.6rem;
    }
    .yes {
      background: #b3261e;
      color: #fff;
      border: none;
      font-weight: 700;
    }
    .no {
      background: var(--card);
      color: var(--ink);
      border: 1px solid var(--line);
    }
    .error {
      color: #b3261e;
      font-weight: 600;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    const s = this.info.ticket.status;
    if (s === 'done' || s === 'no_show' || s === 'cancelled') this.final = s;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const config = this.stream.state?.config;
    if (config) {
      useWording(config.display?.wording);
      // The phone's own language when the branch speaks it, else the branch's first.
      if (!this.langChosen && !config.languages.includes(this.language)) {
        this.language = matchLanguage(globalThis.navigator?.languages ?? [], config.languages) ?? config.languages[0] ?? 'en';
      }
    }
  }

  protected override updated(): void {
    const shown = this.shown();
    const number = this.info.ticket.number;
    if (shown.kind === 'called') {
      const counter = this.counterName(shown.counterId);
      document.title = t(this.language, 'kiosk.ticket.yourTurnTitle', { counter: counter.text });
      if (this.rungFor !== shown.recalls) {
        this.rungFor = shown.recalls;
        this.alert.ring();
      }
    } else {
      document.title = t(this.language, 'kiosk.ticket.pageTitle', { number });
    }
    // The page speaks in its fixed words' language (English for a language the catalogue lacks);
    // the service's name and staff texts carry their own `lang` where they are shown.
    document.documentElement.lang = catalogueLanguage(this.language);
  }

  /** What to show now: the live stream while the ticket is in it, else what the server said last. */
  private shown(): Shown {
    if (this.final) return { kind: this.final };
    const state = this.stream.state;
    if (!state) {
      const s = this.info.ticket;
      return s.status === 'called' && s.counterId ? { kind: 'called', counterId: s.counterId, recalls: 0 } : { kind: 'waiting', ahead: 0 };
    }
    const place = ticketPlace(state, this.info.ticket.id);
    if (place.status === 'waiting') return { kind: 'waiting', ahead: place.ahead };
    if (place.status === 'called') return { kind: 'called', counterId: place.counterId, recalls: place.recalls };
    if (place.status === 'no_show') return { kind: 'no_show' };
    // Gone from the queue: served or given back — the server knows which.
    void this.refetch();
    return { kind: 'done' };
  }

  private async refetch(): Promise<void> {
    if (this.refetching || this.final) return;
    this.refetching = true;
    try {
      const res = await fetch(`/api/tickets/${encodeURIComponent(this.token)}`, { headers: { accept: 'application/json' } });
      const body = (await res.json()) as { ok: boolean } & Partial<PhoneTicketInfo>;
      const s = body.ticket?.status;
      if (s === 'done' || s === 'no_show' || s === 'cancelled') this.final = s;
    } catch {
      // Offline: try again at the next update.
    } finally {
      this.refetching = false;
    }
  }

  /** The counter's name (the sign over it, typed by staff), marked with the language it is in. */
  private counterName(counterId: string): LangText {
    const c = this.stream.state?.config?.counters.find((x) => x.id === counterId);
    const name = c ? localTexts(c.name, [this.language], this.stream.state?.config?.languages ?? [])[0] : undefined;
    return name ?? { lang: catalogueLanguage(this.language), text: counterId };
  }

  /** The service's name (the sign in the room), marked with the language it is in. */
  private serviceName(): LangText | undefined {
    const config = this.stream.state?.config;
    const s = config?.services.find((x) => x.id === this.info.ticket.service);
    return s ? localTexts(s.name, [this.language], config?.languages ?? [])[0] : undefined;
  }

  override render() {
    const lang = this.language;
    const shown = this.shown();
    const state = this.stream.state;
    const config = state?.config;
    const languages = config?.languages ?? [lang];
    const offline = this.stream.status !== 'live' && state !== null;
    const notices = state ? noticesTouchingService(state, this.info.ticket.service) : [];
    const open = shown.kind === 'waiting' || shown.kind === 'called';
    const service = this.serviceName();
    return html`<main lang=${catalogueLanguage(lang)}>
      <header>
        <span class="branch" dir="auto">${config?.name ?? ''}</span>
        ${languages.length > 1
          ? html`<label
              ><span class="visually-hidden" style="position:absolute;left:-9999px">${t(lang, 'common.language')}</span
              ><select aria-label=${t(lang, 'common.language')} @change=${this.onLanguage}>
                ${languages.map((l) => html`<option value=${l} ?selected=${l === lang} lang=${l}>${nativeLanguageName(l)}</option>`)}
              </select></label
            >`
          : nothing}
      </header>
      ${offline ? html`<div class="offline" role="status">${t(lang, 'kiosk.ticket.offline')}</div>` : nothing}
      <section class="card number" aria-label=${t(lang, 'kiosk.yourTicket')}>
        <div class="label">${t(lang, 'kiosk.yourTicket')}</div>
        <div class="value" data-testid="ticket-number">${this.info.ticket.number}</div>
        <div class="service" dir="auto" lang=${service?.lang ?? nothing}>${service?.text ?? ''}</div>
      </section>
      ${this.renderStatus(shown)}
      ${open && notices.length ? this.renderNotices(notices) : nothing}
      ${open ? this.renderActions(shown) : nothing}
      <bb-dialog
        .open=${this.confirmOpen}
        label=${t(lang, 'kiosk.ticket.cancel')}
        close-label=${t(lang, 'kiosk.ticket.cancelNo')}
        @bb-close=${() => (this.confirmOpen = false)}
      >
        <p class="confirm">${t(lang, 'kiosk.ticket.cancelConfirm', { number: this.info.ticket.number })}</p>
        ${this.cancelError ? html`<p class="error" role="alert">${t(lang, 'kiosk.ticket.cancelFailed')}</p>` : nothing}
        <div class="actions">
          <button class="yes" data-testid="cancel-yes" ?disabled=${this.cancelling} @click=${this.confirmCancel}>${t(lang, 'kiosk.ticket.cancelYes')}</button>
          <button class="no" autofocus @click=${() => (this.confirmOpen = false)}>${t(lang, 'kiosk.ticket.cancelNo')}</button>
        </div>
      </bb-dialog>
    </main>`;
  }

  private renderStatus(shown: Shown) {
    const lang = this.language;
    if (shown.kind === 'called') {
      return html`<section class="card turn" data-testid="your-turn">
        <div class="status" role="alert" aria-live="assertive">${withMarkedName(lang, 'kiosk.ticket.yourTurn', 'counter', this.counterName(shown.counterId))}</div>
        ${shown.recalls > 0 ? html`<div class="again">${t(lang, 'kiosk.ticket.calledAgain')}</div>` : nothing}
      </section>`;
    }
    if (shown.kind === 'waiting') {
      const current = this.stream.currentEstimates();
      const e = current?.tickets?.[this.info.ticket.id]?.estimate;
      let estimate = html`${t(lang, 'lobby.estimateUpdating')}`;
      if (e?.known) {
        const w = waitWords(lang, e.waitSec, e.p10Sec, e.p90Sec);
        estimate = html`${t(lang, 'lobby.estimatedWait')} <b>${w.figure}</b>${w.range ? html` <span class="range">(${w.range})</span>` : nothing}`;
      } else if (e) {
        // Why there is no figure, and the longest wait now, as the lobby and the kiosk say it.
        const state = this.stream.state;
        const m = missingEstimate(e, state ? longestWait(state, this.info.ticket.service, this.stream.now()) : 0);
        estimate = html`${t(lang, m.key, m.values)}`;
      }
      return html`<section class="card" aria-live="polite" aria-atomic="true">
        <div class="status" data-testid="people-ahead" data-ahead=${shown.ahead}>${t(lang, 'kiosk.peopleAhead', { n: shown.ahead })}</div>
        <div class="estimate" data-testid="ticket-estimate" data-known=${e?.known ? 'true' : 'false'} data-wait-sec=${e?.known ? Math.round(e.waitSec) : ''} data-seq=${current?.seq ?? ''}>${estimate}</div>
      </section>`;
    }
    const key = shown.kind === 'done' ? 'kiosk.ticket.done' : shown.kind === 'no_show' ? 'kiosk.ticket.noShow' : 'kiosk.ticket.cancelled';
    return html`<section class="card over" data-testid="ticket-over" data-status=${shown.kind}>
      <div class="status" role="status">${t(lang, key)}</div>
    </section>`;
  }

  private renderNotices(notices: readonly Notice[]) {
    const lang = this.language;
    const config = this.stream.state?.config;
    const langs = config?.languages ?? [];
    const now = this.stream.now();
    const time = (at: number): At => ({ at, now, timeZone: config?.timezone ?? 'UTC' });
    return html`<section class="card" data-testid="ticket-notices">
      <h2>${t(lang, 'kiosk.ticket.notices')}</h2>
      <ul>
        ${notices.map((n) => {
          const last = n.updates.at(-1);
          return html`<li data-testid="ticket-notice" data-notice-id=${n.id}>
            <span class="cause">${causeLabel(n.cause, lang)}</span>
            ${staffTexts(n.text, [lang], langs).map((x) => html`<span class="text" lang=${x.lang} dir="auto">${x.text}</span>`)}
            ${this.renderNote(n.note)}
            <span class="when" data-testid="ticket-notice-expected" data-phase=${noticePhase(n, now)}>${expectedWords(n, lang, now, time)}</span>
            ${last ? html`<span class="updated" data-testid="ticket-notice-updated">${t(lang, 'lobby.updatedAt', whenArgs(time(last.at))(lang))}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** The teller's latest typed addition, as the TV shows it: marked "in Italian" when not in the chosen language. */
  private renderNote(note: Record<string, string> | null | undefined) {
    if (!note) return nothing;
    const said = staffTexts(note, [this.language], this.stream.state?.config?.languages ?? [])[0];
    if (!said) return nothing;
    const lang = catalogueLanguage(this.language);
    // A reader of pt reads the fixed words in English: a note in English needs no "(in English)".
    const mark = said.lang === this.language || said.lang === lang ? '' : t(lang, 'causes.noteIn', { language: languageName(said.lang, lang) });
    return html`<span class="text note" data-testid="ticket-notice-note"
      ><span lang=${said.lang} dir="auto">${said.text}</span>${mark ? html` <span class="note-lang">(${mark})</span>` : nothing}</span
    >`;
  }

  private renderActions(shown: Shown) {
    const lang = this.language;
    return html`
      ${shown.kind === 'waiting'
        ? html`<button class="sound" data-testid="sound" aria-pressed=${this.soundOn ? 'true' : 'false'} @click=${this.enableSound}>
              ${t(lang, this.soundOn ? 'kiosk.ticket.soundOn' : 'kiosk.ticket.soundOff')}
            </button>
            <button class="cancel" data-testid="cancel" @click=${this.askCancel}>${t(lang, 'kiosk.ticket.cancel')}</button>`
        : nothing}
      <p class="hint">${t(lang, 'kiosk.ticket.keepOpen')}</p>
    `;
  }

  private onLanguage(e: Event): void {
    this.language = (e.target as HTMLSelectElement).value;
    this.langChosen = true;
  }

  private async enableSound(): Promise<void> {
    this.soundOn = await this.alert.unlock();
  }

  private askCancel(): void {
    // One key per decision: a retry of the same tap is applied once.
    this.cancelKey = newIdempotencyKey();
    this.cancelError = false;
    this.confirmOpen = true;
  }

  private async confirmCancel(): Promise<void> {
    this.cancelling = true;
    try {
      const res = await fetch(`/api/tickets/${encodeURIComponent(this.token)}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': this.cancelKey },
        body: '{}',
      });
      const body = (await res.json()) as { ok: boolean } & Partial<PhoneTicketInfo>;
      if (!body.ok || !body.ticket) throw new Error('refused');
      const s = body.ticket.status;
      if (s === 'done' || s === 'no_show' || s === 'cancelled') this.final = s;
      this.confirmOpen = false;
    } catch {
      this.cancelError = true;
    } finally {
      this.cancelling = false;
    }
  }
}

/** Until when, as the TV says it: around a time, "taking longer than expected" once past it, or "we don't know yet". */
function expectedWords(n: Notice, lang: string, now: number, time: (at: number) => At): string {
  if (n.expectedEndAt === null) return t(lang, 'lobby.expectedUnknown');
  return t(lang, noticePhase(n, now) === 'overdue' ? 'lobby.overdue' : 'lobby.expectedAt', whenArgs(time(n.expectedEndAt))(lang));
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-phone-ticket': BbPhoneTicket;
  }
}
