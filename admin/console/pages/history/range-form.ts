import { html, nothing } from 'lit';
import { t } from '../../../../ui/i18n/localize';
import type { By, Range } from './history-api';

/** From / to (and, for reports, day / week / month): the period every history page reads. */
export function rangeForm(lang: string, range: Range, by: By | null, apply: (r: Range, by: By) => void) {
  const submit = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    apply({ from: String(f.get('from')), to: String(f.get('to')) }, (String(f.get('by') || by || 'day') as By));
  };
  return html`<form class="range panel" @submit=${submit}>
    <label class="field"><span>${t(lang, 'history.from')}</span><input type="date" name="from" required .value=${range.from} data-testid="range-from" /></label>
    <label class="field"><span>${t(lang, 'history.to')}</span><input type="date" name="to" required .value=${range.to} data-testid="range-to" /></label>
    ${by
      ? html`<label class="field"
          ><span>${t(lang, 'history.by')}</span>
          <select name="by" data-testid="range-by">
            ${(['day', 'week', 'month'] as const).map((b) => html`<option value=${b} ?selected=${b === by}>${t(lang, `history.by.${b}`)}</option>`)}
          </select></label
        >`
      : nothing}
    <button class="btn primary" type="submit" data-testid="range-show">${t(lang, 'history.show')}</button>
  </form>`;
}
