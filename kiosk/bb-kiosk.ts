import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { clockTime, type BranchState, type ServiceConfig, type WaitEstimate } from '../core/client';
import { causeLabel } from '../ui/cause/cause-presentation';
import { t, useWording } from '../ui/i18n/localize';
import { catalogueLanguage, isLanguage, nativeLanguageName } from '../ui/i18n/languages';
import '../ui/i18n/parts/kiosk';
import '../ui/i18n/parts/public-board';
import { longestWait, missingEstimate } from '../ui/queue/missing-estimate';
import { noticesTouchingService, serviceAvailability, ticketPlace, waitingFor } from '../ui/queue/service-facts';
import { phoneBase } from '../ui/site/public-url';
import { BranchStreamController } from '../ui/stream/branch-stream';
import { langStyles, localTexts, msgs, stacked, staffTexts, type LangText } from '../ui/text/lang-text';
import { whenArgs } from '../ui/time/when';
import { kioskAvailability, type KioskAvailability } from './availability';
import { waitWords } from '../ui/time/wait-words';
import { newIdempotencyKey } from '../ui/net/idempotency-key';
import { qrDataUrl, screenToken, type TakenTicket } from './ticket-slip';

/** The ticket stays on screen this long, then the kiosk is ready for the next customer. */
const SHOW_TICKET_MS = 30_000;

/**
 * The branch's ticket dispenser (/kiosk/<branch>), for a touch screen: one large button per
 * service in the chosen language (switch on screen), services nobody can serve now shown as
 * unavailable with the reason; after a tap, the ticket — number, people ahead, the range, notices
 * of that service, a QR code to follow it on a phone — on screen and on an 80 mm print
 * (`?print=1` prints at once: run Chromium with --kiosk --kiosk-printing).
 */
@customElement('bb-kiosk')
export class BbKiosk extends LitElement {
  @property() branch = '';
  /** Print each ticket as soon as it is taken. */
  @property({ type: Boolean }) autoPrint = false;
  /** The language the address asked for (?lang=en), as the lobby and the phone honour it; else the branch's first. */
  @property() askedLanguage = '';

  @state() private language = '';
  @state() private taken: TakenTicket | null = null;
  /** The estimate for a ticket taken now, as it stood at the tap (until the ticket's own arrives). */
  @state() private takenEstimate: WaitEstimate | null = null;
  @state() private qr = '';
  @state() private busy = false;
  @state() private error: 'failed' | 'too_many' | null = null;

  private readonly stream = new BranchStreamController(this, () => this.branch);
  private base = '';
  private resetTimer?: ReturnType<typeof setTimeout>;

  static override styles = [
    langStyles,
    css`
    :host {
      --ink: #0d1b2e;
      --ink-2: #3c4d63;
      --paper: #eef2f7;
      --card: #ffffff;
      --line: #c9d3e0;
      --accent: #0b5cad;
      --accent-ink: #ffffff;
      --off: #5b6778;
      display: block;
      min-height: 100vh;
      background: var(--paper);
      color: var(--ink);
      font-family: Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
      -webkit-font-smoothing: antialiased;
      user-select: none;
      /* Staff-typed names may hold a word wider than the screen (a service name takes 280 letters): it wraps. */
      overflow-wrap: anywhere;
    }
    .screen {
      min-height: 100vh;
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      padding: clamp(1rem, 3vw, 3rem);
      gap: clamp(1rem, 2.5vh, 2.5rem);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
    .branch {
      font-size: clamp(1.4rem, 3vw, 2.4rem);
      font-weight: 800;
    }
    .clock {
      font-size: clamp(1.4rem, 3vw, 2.4rem);
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .langs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      width: 100%;
    }
    .langs button {
      font: inherit;
      font-size: clamp(1rem, 2vw, 1.4rem);
      min-height: 3.2rem;
      min-width: 7rem;
      padding: 0.4rem 1rem;
      border-radius: 0.8rem;
      border: 2px solid var(--line);
      background: var(--card);
      color: var(--ink);
    }
    .langs button[aria-pressed='true'] {
      border-color: var(--accent);
      background: var(--accent);
      color: var(--accent-ink);
      font-weight: 700;
    }
    h1 {
      margin: 0;
      font-size: clamp(2rem, 5vw, 4.2rem);
      line-height: 1.1;
    }
    .lead {
      margin: 0.4rem 0 0;
      font-size: clamp(1.2rem, 2.6vw, 2rem);
      color: var(--ink-2);
    }
    .unavailable {
      border-radius: 1.4rem;
      padding: clamp(1rem, 2.5vw, 2rem);
      background: var(--card);
      border: 0.15rem solid var(--line);
      font-size: clamp(1.2rem, 2.4vw, 2rem);
    }
    .unavailable h2 {
      margin: 0 0 0.5em;
      font-size: 1.4em;
    }
    .unavailable p {
      margin: 0.4em 0 0;
      color: var(--ink-2);
    }
    .services {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
      gap: clamp(0.8rem, 2vw, 1.6rem);
    }
    .services li {
      display: flex;
    }
    .service {
      width: 100%;
      min-height: clamp(7rem, 16vh, 14rem);
      text-align: left;
      font: inherit;
      border-radius: 1.4rem;
      border: none;
      padding: clamp(1rem, 2.5vw, 2rem);
      background: var(--accent);
      color: var(--accent-ink);
      display: grid;
      gap: 0.5rem;
      align-content: center;
      box-shadow: 0 0.3rem 0 #083f78;
      cursor: pointer;
    }
    .service:active {
      transform: translateY(0.2rem);
      box-shadow: 0 0.1rem 0 #083f78;
    }
    .service .name {
      font-size: clamp(1.8rem, 4.5vw, 3.4rem);
      font-weight: 800;
      line-height: 1.1;
    }
    .service .facts {
      font-size: clamp(1.05rem, 2.2vw, 1.6rem);
      line-height: 1.3;
    }
    .service[aria-disabled='true'] {
      background: #dfe5ed;
      color: var(--off);
      box-shadow: none;
      cursor: not-allowed;
      border: 2px dashed #a9b5c5;
    }
    .service[aria-disabled='true'] .reason {
      color: #3d4757;
      font-weight: 600;
    }
    .banner {
      border-radius: 1rem;
      padding: 0.8rem 1.2rem;
      font-size: clamp(1.1rem, 2.2vw, 1.6rem);
      background: #fff4e0;
      color: #6b3a00;
      border: 2px solid #e9c27a;
    }
    .ticket {
      background: var(--card);
      border-radius: 1.4rem;
      padding: clamp(1.2rem, 3vw, 2.5rem);
      display: grid;
      gap: 1rem;
      text-align: center;
      border: 1px solid var(--line);
    }
    .ticket .label {
      font-size: clamp(1.3rem, 2.8vw, 2rem);
      color: var(--ink-2);
    }
    .ticket .number {
      font-size: clamp(5rem, 16vw, 11rem);
      font-weight: 800;
      line-height: 1;
      letter-spacing: 0.02em;
      font-variant-numeric: tabular-nums;
      outline: none;
    }
    .ticket .svc {
      font-size: clamp(1.5rem, 3.5vw, 2.6rem);
      font-weight: 700;
    }
    .ticket .ahead {
      font-size: clamp(1.5rem, 3.5vw, 2.6rem);
      font-weight: 700;
    }
    .ticket .est {
      font-size: clamp(1.2rem, 2.6vw, 2rem);
      color: var(--ink-2);
    }
    .ticket .est b {
      color: var(--ink);
    }
    .qr {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 1.5rem;
      flex-wrap: wrap;
    }
    .qr img {
      width: clamp(9rem, 22vw, 16rem);
      height: auto;
      background: #fff;
      padding: 0.5rem;
      border: 1px solid var(--line);
      border-radius: 0.6rem;
    }
    .qr span {
      max-width: 18rem;
      font-size: clamp(1.1rem, 2.4vw, 1.7rem);
      text-align: left;
    }
    .notices {
      text-align: left;
      display: grid;
      gap: 0.6rem;
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: clamp(1.05rem, 2.2vw, 1.5rem);
    }
    .notices li {
      background: #fff4e0;
      border-left: 0.4rem solid #b86a00;
      border-radius: 0.6rem;
      padding: 0.6rem 0.9rem;
    }
    .notices b {
      display: block;
      color: #6b3a00;
    }
    .actions {
      display: flex;
      gap: 1rem;
      justify-content: center;
      flex-wrap: wrap;
    }
    .actions button {
      font: inherit;
      font-size: clamp(1.3rem, 2.8vw, 2rem);
      font-weight: 700;
      min-height: 4.5rem;
      min-width: 14rem;
      border-radius: 1rem;
      padding: 0.6rem 1.5rem;
      border: 2px solid var(--accent);
      background: var(--card);
      color: var(--accent);
    }
    .actions .primary {
      background: var(--accent);
      color: var(--accent-ink);
    }
    .error {
      color: #a1160a;
      font-weight: 700;
      font-size: clamp(1.2rem, 2.6vw, 1.8rem);
    }
    /* A portrait kiosk (1080 × 1920): one service per row, buttons that fill the height people reach. */
    @media (orientation: portrait) {
      .services {
        grid-template-columns: 1fr;
      }
      .service {
        min-height: 17vh;
        padding: 4vw 5vw;
      }
      .service .name {
        font-size: 6.5vw;
      }
      .service .facts {
        font-size: 3.2vw;
      }
      h1 {
        font-size: 7vw;
      }
      .lead {
        font-size: 3.6vw;
      }
      .ticket .number {
        font-size: 24vw;
      }
      .ticket .svc,
      .ticket .ahead {
        font-size: 5vw;
      }
      .ticket .est,
      .qr span,
      .notices {
        font-size: 3.6vw;
      }
      .qr img {
        width: 34vw;
      }
      .actions button {
        font-size: 4vw;
        min-height: 7vh;
      }
    }
    .print {
      display: none;
    }
    /* The printed ticket: 80 mm thermal paper, black on white, nothing of the screen around it. */
    @media print {
      :host {
        background: #fff;
        min-height: 0;
      }
      .screen {
        display: none;
      }
      .print {
        display: block;
        width: 72mm;
        margin: 0 auto;
        color: #000;
        text-align: center;
        font-family: Inter, Arial, sans-serif;
      }
      .print .p-branch {
        font-size: 10pt;
        font-weight: 700;
      }
      .print .p-label {
        margin-top: 3mm;
        font-size: 10pt;
      }
      .print .p-number {
        font-size: 44pt;
        font-weight: 800;
        line-height: 1.05;
      }
      .print .p-svc {
        font-size: 13pt;
        font-weight: 700;
      }
      .print .p-line {
        margin-top: 2mm;
        font-size: 11pt;
      }
      .print img {
        display: block;
        width: 34mm;
        height: 34mm;
        margin: 4mm auto 1mm;
      }
      .print .p-small {
        font-size: 8pt;
        word-break: break-all;
      }
      .print .p-rule {
        border-top: 1px dashed #000;
        margin: 3mm 0;
      }
    }
  `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void phoneBase().then((b) => (this.base = b));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.resetTimer);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const config = this.stream.state?.config;
    if (config) {
      useWording(config.display?.wording);
      if (!this.kioskLanguages(config.languages).includes(this.language)) this.language = this.startLanguage(config.languages);
    }
  }

  /** The asked language as the branch spells it ("en" for ?lang=en-GB), or the branch's first. */
  private startLanguage(branchLangs: readonly string[]): string {
    const asked = this.askedLanguage.toLowerCase();
    const base = asked.split('-')[0];
    const match = branchLangs.find((l) => l.toLowerCase() === asked) ?? branchLangs.find((l) => l.toLowerCase().split('-')[0] === base);
    if (asked && match) return match;
    // One the branch does not show but the catalogue has: its words, the staff texts falling back.
    if (asked && isLanguage(base)) return base;
    return branchLangs[0] ?? 'en';
  }

  /** The languages the switch offers: the branch's, and one the address asked for. */
  private kioskLanguages(branchLangs: readonly string[]): string[] {
    const start = this.startLanguage(branchLangs);
    return branchLangs.includes(start) ? [...branchLangs] : [...branchLangs, start];
  }

  protected override updated(): void {
    // The page speaks in its fixed words' language (English for a language the catalogue lacks);
    // names and staff texts carry their own `lang` where they are shown.
    if (this.language) document.documentElement.lang = catalogueLanguage(this.language);
  }

  /** A counter's or service's name: the sign in the room, in the branch's languages when not in the chosen one. */
  private text(name: Record<string, string>): LangText {
    return localTexts(name, [this.language], this.stream.state?.config?.languages ?? [])[0] ?? { lang: this.language, text: '' };
  }

  /** A notice's text: English before the branch's languages when it lacks the chosen one. */
  private staffText(text: Record<string, string>): LangText | undefined {
    return staffTexts(text, [this.language], this.stream.state?.config?.languages ?? [])[0];
  }

  override render() {
    const s = this.stream.state;
    const lang = this.language || 'en';
    if (!s?.config) {
      return html`<div class="screen"><div class="banner" role="status">${t(lang, 'kiosk.offline')}</div></div>`;
    }
    return html`<div class="screen" lang=${catalogueLanguage(lang)}>
        ${this.renderHeader(s)}
        ${this.stream.status !== 'live' ? html`<div class="banner" role="status">${t(lang, 'kiosk.offline')}</div>` : nothing}
        ${this.taken ? this.renderTicket(s, this.taken) : this.renderServices(s)}
      </div>
      ${this.taken ? this.renderPrint(s, this.taken) : nothing}`;
  }

  private renderHeader(s: BranchState) {
    const config = s.config!;
    const lang = this.language;
    return html`<header>
      <span class="branch" dir="auto">${config.name}</span>
      <span class="clock" aria-hidden="true">${clockTime(this.stream.now(), config.timezone, lang)}</span>
      ${this.kioskLanguages(config.languages).length > 1
        ? html`<nav class="langs" aria-label=${t(lang, 'common.language')}>
            ${this.kioskLanguages(config.languages).map(
              (l) => html`<button
                lang=${l}
                data-testid="kiosk-lang"
                data-lang=${l}
                aria-pressed=${l === lang ? 'true' : 'false'}
                @click=${() => (this.language = l)}
              >
                ${nativeLanguageName(l)}
              </button>`,
            )}
          </nav>`
        : nothing}
    </header>`;
  }

  /** The kiosk's languages for a message that must reach everyone: the chosen one first, then the branch's. */
  private allLangs(config: { languages: readonly string[] }): string[] {
    return [this.language, ...config.languages.filter((l) => l !== this.language)];
  }

  /** Closed, or nothing to take a ticket for: said plainly, with the reason, in the branch's languages. */
  private renderUnavailable(s: BranchState, a: Exclude<KioskAvailability, { kind: 'open' }>) {
    const config = s.config!;
    const now = this.stream.now();
    const langs = this.allLangs(config);
    if (a.kind === 'closed') {
      return html`<div class="unavailable" role="status" data-testid="kiosk-unavailable" data-reason="closed">
        <h2>${stacked(msgs(langs, 'lobby.closedNow'))}</h2>
        <p>
          ${a.opensAt !== null
            ? stacked(msgs(langs, 'lobby.opensAt', whenArgs({ at: a.opensAt, now, timeZone: config.timezone })))
            : stacked(msgs(langs, 'lobby.closedThanks'))}
        </p>
      </div>`;
    }
    const why = a.reason === 'no_services' ? 'kiosk.noServices' : a.reason === 'no_counter' ? 'kiosk.noCounterOpen' : 'kiosk.seeReasons';
    return html`<div class="unavailable" role="status" data-testid="kiosk-unavailable" data-reason=${a.reason}>
      <h2>${stacked(msgs(langs, 'kiosk.noneAvailable'))}</h2>
      <p>${stacked(msgs(langs, why))}</p>
    </div>`;
  }

  private renderServices(s: BranchState) {
    const lang = this.language;
    const estimates = this.stream.currentEstimates();
    const a = kioskAvailability(s, this.stream.now());
    if (a.kind === 'closed') return this.renderUnavailable(s, a);
    if (a.kind === 'none') {
      // Nothing to take a ticket for: the reason first, then each service with its own (a notice's text).
      return html`${this.renderUnavailable(s, a)}
        <ul class="services">
          ${s.config!.services.map((svc) => html`<li>${this.renderService(s, svc, null)}</li>`)}
        </ul>`;
    }
    return html`<div>
        <h1>${t(lang, 'kiosk.title')}</h1>
        <p class="lead">${t(lang, 'kiosk.chooseService')}</p>
      </div>
      ${this.error ? html`<p class="error" role="alert">${t(lang, this.error === 'too_many' ? 'kiosk.tooMany' : 'kiosk.takeFailed')}</p>` : nothing}
      <ul class="services">
        ${s.config!.services.map((svc) => html`<li>${this.renderService(s, svc, estimates?.services[svc.id] ?? null)}</li>`)}
      </ul>`;
  }

  private renderService(s: BranchState, svc: ServiceConfig, estimate: WaitEstimate | null) {
    const lang = this.language;
    const availability = serviceAvailability(s, svc.id);
    const waiting = waitingFor(s, svc.id);
    const describedBy = `facts-${svc.id}`;
    if (!availability.available) {
      const fixed = (key: 'kiosk.unavailable' | 'kiosk.noCounter'): LangText => ({ lang: catalogueLanguage(lang), text: t(lang, key) });
      const said = availability.reason === 'notice' ? this.staffText(availability.notice.text) : undefined;
      const reason = said?.text ? said : fixed(availability.reason === 'notice' ? 'kiosk.unavailable' : 'kiosk.noCounter');
      return html`<button class="service" aria-disabled="true" aria-describedby=${describedBy} data-testid="kiosk-service" data-service=${svc.id} data-available="false">
        ${nameOf(this.text(svc.name))}
        <span class="facts reason" id=${describedBy} dir="auto" lang=${reason.lang}>${reason.text}</span>
      </button>`;
    }
    return html`<button
      class="service"
      aria-describedby=${describedBy}
      data-testid="kiosk-service"
      data-service=${svc.id}
      data-available="true"
      ?disabled=${this.busy}
      @click=${() => this.take(svc.id, estimate)}
    >
      ${nameOf(this.text(svc.name))}
      <span class="facts" id=${describedBy}>${t(lang, 'kiosk.waitingCount', { n: waiting })}${estimate ? html` · ${this.estimateLine(estimate, svc.id)}` : nothing}</span>
    </button>`;
  }

  /** The wait for `service`: the estimate, or why there is none and the longest wait now, as the lobby says it. */
  private estimateLine(e: WaitEstimate, service: string) {
    const lang = this.language;
    if (!e.known) {
      const state = this.stream.state;
      const m = missingEstimate(e, state ? longestWait(state, service, this.stream.now()) : 0);
      return html`${t(lang, m.key, m.values)}`;
    }
    const w = waitWords(lang, e.waitSec, e.p10Sec, e.p90Sec);
    return html`${t(lang, 'lobby.estimatedWait')} <b>${w.figure}</b>${w.range ? html` (${w.range})` : nothing}`;
  }

  /** The estimate for the ticket: its own once the server sent it, else the one for "a ticket taken now" at the tap. */
  private ticketEstimate(ticket: TakenTicket): WaitEstimate | null {
    return this.stream.currentEstimates()?.tickets?.[ticket.id]?.estimate ?? this.takenEstimate;
  }

  /** People ahead: from the stream once it has the ticket. */
  private ahead(s: BranchState, ticket: TakenTicket): number | null {
    const place = ticketPlace(s, ticket.id);
    return place.status === 'waiting' ? place.ahead : place.status === 'called' ? 0 : null;
  }

  private renderTicket(s: BranchState, ticket: TakenTicket) {
    const lang = this.language;
    const svc = s.config!.services.find((x) => x.id === ticket.service);
    const ahead = this.ahead(s, ticket);
    const estimate = this.ticketEstimate(ticket);
    const notices = noticesTouchingService(s, ticket.service);
    const name = svc ? this.text(svc.name) : undefined;
    return html`<section class="ticket" aria-labelledby="ticket-number" role="status">
      <div class="label">${t(lang, 'kiosk.yourTicket')}</div>
      <div class="number" id="ticket-number" tabindex="-1" data-testid="kiosk-ticket-number">${ticket.number}</div>
      <div class="svc" dir="auto" lang=${name?.lang ?? nothing}>${name?.text ?? ''}</div>
      ${ahead !== null ? html`<div class="ahead" data-testid="kiosk-ahead" data-ahead=${ahead}>${t(lang, 'kiosk.peopleAhead', { n: ahead })}</div>` : nothing}
      ${estimate ? html`<div class="est" data-testid="kiosk-estimate">${this.estimateLine(estimate, ticket.service)}</div>` : nothing}
      ${notices.length
        ? html`<ul class="notices" data-testid="kiosk-notices">
            ${notices.map((n) => {
              const said = this.staffText(n.text);
              return html`<li><b>${causeLabel(n.cause, lang)}</b><span dir="auto" lang=${said?.lang ?? nothing}>${said?.text ?? ''}</span></li>`;
            })}
          </ul>`
        : nothing}
      ${this.qr
        ? html`<div class="qr">
            <img src=${this.qr} alt=${t(lang, 'kiosk.scanToFollow')} data-testid="kiosk-qr" data-url=${ticket.phoneUrl} />
            <span>${t(lang, 'kiosk.scanToFollow')}</span>
          </div>`
        : nothing}
      <div class="actions">
        <button data-testid="kiosk-print" @click=${() => window.print()}>${t(lang, 'kiosk.print')}</button>
        <button class="primary" data-testid="kiosk-done" @click=${this.reset}>${t(lang, 'kiosk.done')}</button>
      </div>
    </section>`;
  }

  /** The 80 mm slip: only in print. */
  private renderPrint(s: BranchState, ticket: TakenTicket) {
    const lang = this.language;
    const config = s.config!;
    const svc = config.services.find((x) => x.id === ticket.service);
    const ahead = this.ahead(s, ticket);
    const estimate = this.ticketEstimate(ticket);
    const name = svc ? this.text(svc.name) : undefined;
    return html`<div class="print" lang=${catalogueLanguage(lang)} aria-hidden="true">
      <div class="p-branch" dir="auto">${config.name}</div>
      <div class="p-label">${t(lang, 'kiosk.yourTicket')}</div>
      <div class="p-number">${ticket.number}</div>
      <div class="p-svc" dir="auto" lang=${name?.lang ?? nothing}>${name?.text ?? ''}</div>
      <div class="p-line">${t(lang, 'kiosk.takenAt', { time: clockTime(ticket.issuedAt, config.timezone, lang) })}</div>
      ${ahead !== null ? html`<div class="p-line"><b>${t(lang, 'kiosk.peopleAhead', { n: ahead })}</b></div>` : nothing}
      ${estimate ? html`<div class="p-line">${this.estimateLine(estimate, ticket.service)}</div>` : nothing}
      ${this.qr
        ? html`<div class="p-rule"></div>
            <img src=${this.qr} alt="" />
            <div class="p-line">${t(lang, 'kiosk.scanToFollow')}</div>
            <div class="p-small">${ticket.phoneUrl}</div>`
        : nothing}
    </div>`;
  }

  private async take(service: string, estimate: WaitEstimate | null): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'Idempotency-Key': newIdempotencyKey() };
    const token = screenToken(this.branch);
    if (token) headers['X-Screen-Token'] = token;
    try {
      const body = JSON.stringify({ service });
      let res: Response | undefined;
      // One tap, one ticket: a retry after a network blip carries the same key, so it is not a second ticket.
      for (let attempt = 0; attempt < 3 && !res; attempt++) {
        try {
          res = await fetch(`/api/branches/${encodeURIComponent(this.branch)}/tickets`, { method: 'POST', headers, body });
        } catch {
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      if (!res) throw new Error('network');
      if (res.status === 429) {
        this.error = 'too_many';
        return;
      }
      const reply = (await res.json()) as { ok: boolean; ticket?: Omit<TakenTicket, 'phoneUrl'>; phone?: { path: string } };
      if (!res.ok || !reply.ok || !reply.ticket) throw new Error('refused');
      const phoneUrl = reply.phone && this.base ? `${this.base}${reply.phone.path}` : '';
      this.takenEstimate = estimate;
      this.taken = { ...reply.ticket, phoneUrl };
      this.qr = phoneUrl ? await qrDataUrl(phoneUrl) : '';
      await this.updateComplete;
      (this.renderRoot.querySelector('#ticket-number') as HTMLElement | null)?.focus();
      if (this.autoPrint) window.print();
      clearTimeout(this.resetTimer);
      this.resetTimer = setTimeout(() => this.reset(), SHOW_TICKET_MS);
    } catch {
      this.error = 'failed';
    } finally {
      this.busy = false;
    }
  }

  private reset(): void {
    clearTimeout(this.resetTimer);
    this.taken = null;
    this.takenEstimate = null;
    this.qr = '';
  }
}

/** A service's name on its button, marked with the language it is in. */
function nameOf(name: LangText) {
  return html`<span class="name" dir="auto" lang=${name.lang}>${name.text}</span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-kiosk': BbKiosk;
  }
}
