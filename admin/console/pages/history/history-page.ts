import { consume } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BranchConfig } from '../../../../core/client';
import { t, type MessageKey } from '../../../../ui/i18n/localize';
import type { ConsoleApi } from '../../data/console-api';
import { apiContext, langContext } from '../../data/contexts';
import type { ConsoleLang } from '../../i18n/console-strings';
import { HistoryApi } from './history-api';

/**
 * What the history pages (delays, reports, audit) share: the branch (empty: across branches),
 * the console's language, the history API, the branch's configuration (times in its zone),
 * loading on open with the reason shown when it fails, and the page's heading.
 */
export abstract class HistoryPage extends LitElement {
  @property() branch = '';
  @consume({ context: langContext, subscribe: true }) @state() protected language: ConsoleLang = 'it';
  @consume({ context: apiContext }) protected api?: ConsoleApi;

  @state() protected error = '';
  /** The branch's zone and names; times are shown in its zone. */
  @state() protected config: BranchConfig | null = null;

  /** Reads what the page shows (with the filters it has now). */
  protected abstract fetch(h: HistoryApi): Promise<void>;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected get h(): HistoryApi | null {
    return this.api ? new HistoryApi(this.api) : null;
  }

  protected get tz(): string | undefined {
    return this.config?.timezone;
  }

  protected async load(): Promise<void> {
    const h = this.h;
    if (!h) return;
    if (!this.config && this.branch) this.config = await h.config(this.branch).catch(() => null);
    this.error = '';
    try {
      await this.fetch(h);
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  protected head(title: MessageKey, lede: MessageKey): TemplateResult {
    const l = this.language;
    return html`<header class="page-head">
      <div>
        <h1>${t(l, title)}</h1>
        <p class="lede">${t(l, lede)}</p>
      </div>
    </header>`;
  }

  protected errorLine(): TemplateResult | typeof nothing {
    return this.error ? html`<p class="error" role="alert">${t(this.language, 'history.error', { message: this.error })}</p>` : nothing;
  }
}
