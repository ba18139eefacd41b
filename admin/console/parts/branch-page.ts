import { consume } from '@lit/context';
import { LitElement, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BranchConfig } from '../../../core/client';
import { BranchStreamController } from '../../../ui/stream/branch-stream';
import { langContext } from '../data/contexts';
import { ct, type ConsoleKey, type ConsoleLang } from '../i18n/console-strings';

/**
 * What a page of one branch has: the branch (from the URL), the console's language, and the
 * branch's live stream, so the page shows the configuration as it is now — a change made in
 * another tab, or by a colleague, appears without a reload.
 */
export abstract class BranchPage extends LitElement {
  @property() branch = '';
  @consume({ context: langContext, subscribe: true }) @state() protected language: ConsoleLang = 'it';

  protected readonly stream = new BranchStreamController(this, () => this.branch);

  protected get config(): BranchConfig | null {
    return this.stream.state?.config ?? null;
  }

  /** The page's heading and its one line of explanation. */
  protected head(title: ConsoleKey, lede: ConsoleKey, actions: TemplateResult | string = ''): TemplateResult {
    return html`<header class="page-head">
      <div>
        <p class="crumb">${this.config?.name ?? this.branch}</p>
        <h1>${ct(this.language, title)}</h1>
        <p class="lede">${ct(this.language, lede)}</p>
      </div>
      ${actions}
    </header>`;
  }

  protected loading(): TemplateResult {
    return html`<p class="empty" role="status">${this.stream.refused ? ct(this.language, 'today.unknownBranch') : ct(this.language, 'shell.loading')}</p>`;
  }
}
