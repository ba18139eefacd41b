import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { t } from '../../../../ui/i18n/localize';
import type { ConsoleApi } from '../../data/console-api';
import { apiContext, langContext } from '../../data/contexts';
import type { ConsoleLang } from '../../i18n/console-strings';
import { when } from './format';
import { HistoryApi, type DeliveryView, type WebhookView } from './history-api';
import { historyStyles } from './history-styles';

const EVENTS = ['notice.posted', 'notice.updated', 'notice.resolved', 'promise.missed', 'screen.down'] as const;

/** A branch's webhooks: add one (the secret is shown once), see each one's delivery log, resend, remove. */
@customElement('bb-webhooks-page')
export class BbWebhooksPage extends LitElement {
  static override styles = historyStyles;

  @property() branch = '';
  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api?: ConsoleApi;

  @state() private hooks: WebhookView[] | null = null;
  @state() private deliveries: Record<string, DeliveryView[]> = {};
  @state() private secret: string | null = null;
  @state() private error = '';

  private get h(): HistoryApi | null {
    return this.api ? new HistoryApi(this.api) : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const h = this.h;
    if (!h) return;
    try {
      this.hooks = (await h.webhooks(this.branch)).webhooks;
      const logs = await Promise.all(this.hooks.map(async (w) => [w.id, (await h.deliveries(this.branch, w.id)).deliveries] as const));
      this.deliveries = Object.fromEntries(logs);
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  private async add(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const events = EVENTS.filter((ev) => f.get(ev) === 'on');
    this.error = '';
    try {
      const r = await this.h!.putWebhook(this.branch, crypto.randomUUID(), { url: String(f.get('url')), events: events.length ? events : [...EVENTS] });
      this.secret = r.secret ?? null;
      form.reset();
      await this.load();
    } catch (err) {
      this.error = (err as Error).message;
    }
  }

  private async act(fn: () => Promise<unknown>): Promise<void> {
    this.error = '';
    try {
      await fn();
      await this.load();
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  override render() {
    const l = this.language;
    return html`
      <header class="page-head">
        <div>
          <h1>${t(l, 'history.page.webhooks')}</h1>
          <p class="lede">${t(l, 'history.webhooks.lede')}</p>
        </div>
      </header>
      <form class="panel" @submit=${this.add}>
        <label class="field"><span>${t(l, 'history.webhooks.url')}</span><input name="url" type="url" required placeholder="https://" data-testid="webhook-url" /></label>
        <fieldset class="field">
          <legend>${t(l, 'history.webhooks.events')}</legend>
          ${EVENTS.map((ev) => html`<label><input type="checkbox" name=${ev} checked /> <code>${ev}</code></label> `)}
        </fieldset>
        <div class="actions"><button class="btn primary" type="submit" data-testid="webhook-add">${t(l, 'history.webhooks.add')}</button></div>
        ${this.secret ? html`<p class="ok-note" role="status">${t(l, 'history.webhooks.secret', { secret: '' })}<span class="secret">${this.secret}</span></p>` : nothing}
      </form>
      ${this.error ? html`<p class="error" role="alert">${t(l, 'history.error', { message: this.error })}</p>` : nothing}
      ${!this.hooks
        ? html`<p class="empty" role="status">${t(l, 'history.loading')}</p>`
        : !this.hooks.length
          ? html`<p class="empty panel">${t(l, 'history.webhooks.none')}</p>`
          : this.hooks.map((w) => this.hook(w))}
    `;
  }

  private hook(w: WebhookView) {
    const l = this.language;
    const log = this.deliveries[w.id] ?? [];
    return html`<section class="panel table-wrap" data-testid="webhook" data-webhook=${w.id}>
      <h2><code>${w.url}</code> ${w.branchId === null ? html`<span class="pill">${t(l, 'history.webhooks.bankWide')}</span>` : nothing}</h2>
      <p class="muted">${w.events.join(' · ')}</p>
      ${w.branchId !== null
        ? html`<div class="actions"><button class="btn danger" @click=${() => this.act(() => this.h!.removeWebhook(this.branch, w.id))}>${t(l, 'history.webhooks.remove')}</button></div>`
        : nothing}
      <h2>${t(l, 'history.webhooks.deliveries')}</h2>
      ${log.length
        ? html`<table>
            <thead>
              <tr>
                <th>${t(l, 'history.audit.time')}</th>
                <th>${t(l, 'history.webhooks.events')}</th>
                <th>${t(l, 'history.webhooks.status')}</th>
                <th class="num">${t(l, 'history.webhooks.attempts')}</th>
                <th>${t(l, 'history.webhooks.lastError')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${log.map(
                (d) => html`<tr data-testid="delivery" data-status=${d.status}>
                  <td>${when(d.createdAt, l)}</td>
                  <td><code>${d.event}</code></td>
                  <td><span class="pill ${d.status === 'delivered' ? 'ok' : d.status === 'failed' ? 'danger' : 'warn'}">${t(l, `history.webhooks.status.${d.status}`)}</span></td>
                  <td class="num">${d.attempts}</td>
                  <td>${d.lastStatus ?? ''} ${d.lastError ?? ''}</td>
                  <td><button class="btn quiet" @click=${() => this.act(() => this.h!.resend(this.branch, w.id, d.id))}>${t(l, 'history.webhooks.resend')}</button></td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="empty">—</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-webhooks-page': BbWebhooksPage;
  }
}
