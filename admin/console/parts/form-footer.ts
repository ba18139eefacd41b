import { html, nothing, type TemplateResult } from 'lit';
import type { SaveController } from '../data/save-controller';
import { ct, type ConsoleLang } from '../i18n/console-strings';

/**
 * The end of every console form: the error that belongs to no field shown beside it (`field`,
 * whose own error the field shows), then the save button (its words while saving) and, where the
 * form can be left, "Cancel" (a `bb-cancel` event from `host`).
 */
export function formFooter(
  host: HTMLElement,
  u: ConsoleLang,
  save: SaveController,
  opts: { testid: string; label: string; field?: string; cancel?: boolean },
): TemplateResult {
  return html`${save.status === 'error' && (opts.field === undefined || save.field !== opts.field) ? html`<p class="error" role="alert">${save.message}</p>` : nothing}
    <div class="actions">
      <button class="btn primary" type="submit" data-testid=${opts.testid} aria-busy=${save.busy ? 'true' : 'false'}>${save.busy ? ct(u, 'common.saving') : opts.label}</button>
      ${opts.cancel === false
        ? nothing
        : html`<button class="btn quiet" type="button" @click=${() => host.dispatchEvent(new CustomEvent('bb-cancel', { bubbles: true, composed: true }))}>
            ${ct(u, 'common.cancel')}
          </button>`}
    </div>`;
}

/** Tells the page a form saved `id` (it closes the form). */
export function emitSaved(host: HTMLElement, id: string): void {
  host.dispatchEvent(new CustomEvent('bb-saved', { detail: id, bubbles: true, composed: true }));
}
