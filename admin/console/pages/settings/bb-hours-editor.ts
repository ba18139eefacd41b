import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { WEEKDAYS, type BranchConfig, type OpenInterval, type Weekday } from '../../../../core/client';
// The form checks what it sends with the server's own schema.
import { OpeningHours } from '../../../../core/hours';
import { apiContext, langContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { hoursEditorStyles } from './bb-hours-editor.styles';

type Weekly = Partial<Record<Weekday, OpenInterval[]>>;
interface Closed {
  date: string;
  note?: string;
}
interface Exception {
  date: string;
  intervals: OpenInterval[];
  note?: string;
}

/** Monday to Friday 8:30–13:30 and 14:30–16:00: an Italian bank's usual day, as a start. */
export const USUAL_HOURS: Weekly = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [{ open: '08:30', close: '13:30' }, { open: '14:30', close: '16:00' }]]),
);

/**
 * Opening hours: per weekday (up to two intervals: a lunch break), closed days (holidays) and
 * exceptions (other hours on a date). Saves them with the branch (PATCH hours).
 */
@customElement('bb-hours-editor')
export class BbHoursEditor extends LitElement {
  static override styles = hoursEditorStyles;

  @consume({ context: langContext, subscribe: true }) @state() private language: ConsoleLang = 'it';
  @consume({ context: apiContext }) private api!: ConsoleApi;

  @property({ attribute: false }) config: BranchConfig | null = null;
  @property() submitLabel = '';

  @state() private weekly: Weekly = USUAL_HOURS;
  /** False while the branch has no hours stored (open all day): nothing made up is shown or saved. */
  @state() private editing = false;
  @state() private closed: Closed[] = [];
  @state() private exceptions: Exception[] = [];
  private loadedFor: string | null = null;

  private readonly save = new SaveController(this, () => this.language);

  protected override willUpdate(changed: PropertyValues): void {
    // Take the branch's hours once; later stream updates must not undo what is being typed.
    if (changed.has('config') && this.config && this.loadedFor !== this.config.id) {
      this.loadedFor = this.config.id;
      const h = this.config.hours;
      this.editing = !!h;
      if (h) {
        this.weekly = structuredClone(h.weekly);
        this.closed = structuredClone(h.closed);
        this.exceptions = structuredClone(h.exceptions);
      }
    }
  }

  /** The manager chose to add hours: the usual day as a starting point, said to be one. */
  private startHours(): void {
    this.weekly = structuredClone(USUAL_HOURS);
    this.closed = [];
    this.exceptions = [];
    this.editing = true;
  }

  private setDay(d: Weekday, intervals: OpenInterval[]): void {
    this.weekly = { ...this.weekly, [d]: intervals };
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const u = this.language;
    const parsed = OpeningHours.safeParse({ weekly: this.weekly, closed: this.closed, exceptions: this.exceptions });
    if (!parsed.success) return this.save.fail(ct(u, 'hours.invalid', { detail: parsed.error.issues[0]?.message ?? '' }));
    const id = this.config?.id;
    if (!id) return;
    const ok = await this.save.run(() => this.api.updateBranch(id, { hours: parsed.data }));
    if (ok) this.dispatchEvent(new CustomEvent('bb-hours-saved', { bubbles: true, composed: true }));
  }

  /** Back to "no hours" (open all day): the stored hours are cleared, not replaced by made-up ones. */
  private async removeHours(): Promise<void> {
    const id = this.config?.id;
    if (!id) return;
    if (!this.config?.hours) {
      this.editing = false; // nothing stored yet: just put the starting point away
      return;
    }
    const ok = await this.save.run(() => this.api.updateBranch(id, { hours: null }));
    if (ok) {
      this.editing = false;
      this.dispatchEvent(new CustomEvent('bb-hours-saved', { bubbles: true, composed: true }));
    }
  }

  override render() {
    const u = this.language;
    if (!this.editing) {
      return html`<p class="none" data-testid="no-hours">${ct(u, 'hours.none')}</p>
        <div class="actions">
          <button type="button" class="btn" data-testid="add-hours" @click=${() => this.startHours()}>${ct(u, 'hours.add')}</button>
        </div>`;
    }
    return html`<form @submit=${this.submit} novalidate>
      ${this.config?.hours ? nothing : html`<p class="hint" data-testid="hours-start-hint">${ct(u, 'hours.startHint')}</p>`}
      <table class="week">
        <caption class="visually-hidden">${ct(u, 'hours.weekly')}</caption>
        <tbody>
          ${WEEKDAYS.map((d) => this.renderDay(d))}
        </tbody>
      </table>

      <section>
        <h3>${ct(u, 'hours.closedDays')}</h3>
        <p class="hint">${ct(u, 'hours.closedHint')}</p>
        ${this.closed.map(
          (c, i) => html`<div class="line">
            <input type="date" aria-label=${ct(u, 'hours.date')} .value=${c.date} @change=${(e: Event) => this.editClosed(i, { ...c, date: (e.target as HTMLInputElement).value })} />
            <input
              aria-label=${ct(u, 'hours.note')}
              placeholder=${ct(u, 'hours.notePlaceholder')}
              .value=${c.note ?? ''}
              @input=${(e: Event) => this.editClosed(i, { ...c, note: (e.target as HTMLInputElement).value || undefined })}
            />
            <button type="button" class="btn quiet" @click=${() => (this.closed = this.closed.filter((_, j) => j !== i))}>${ct(u, 'common.remove')}</button>
          </div>`,
        )}
        <button type="button" class="btn" data-testid="add-closed-day" @click=${() => (this.closed = [...this.closed, { date: nextDate(this.closed.length) }])}>
          ${ct(u, 'hours.addClosed')}
        </button>
      </section>

      <section>
        <h3>${ct(u, 'hours.exceptions')}</h3>
        <p class="hint">${ct(u, 'hours.exceptionsHint')}</p>
        ${this.exceptions.map(
          (x, i) => html`<div class="line">
            <input type="date" aria-label=${ct(u, 'hours.date')} .value=${x.date} @change=${(e: Event) => this.editException(i, { ...x, date: (e.target as HTMLInputElement).value })} />
            ${this.renderInterval(x.intervals[0] ?? { open: '08:30', close: '12:30' }, (iv) => this.editException(i, { ...x, intervals: [iv] }))}
            <input
              aria-label=${ct(u, 'hours.note')}
              placeholder=${ct(u, 'hours.notePlaceholder')}
              .value=${x.note ?? ''}
              @input=${(e: Event) => this.editException(i, { ...x, note: (e.target as HTMLInputElement).value || undefined })}
            />
            <button type="button" class="btn quiet" @click=${() => (this.exceptions = this.exceptions.filter((_, j) => j !== i))}>${ct(u, 'common.remove')}</button>
          </div>`,
        )}
        <button
          type="button"
          class="btn"
          data-testid="add-exception"
          @click=${() => (this.exceptions = [...this.exceptions, { date: nextDate(this.exceptions.length + 7), intervals: [{ open: '08:30', close: '12:30' }] }])}
        >
          ${ct(u, 'hours.addException')}
        </button>
      </section>

      ${this.save.status === 'error' ? html`<p class="error" role="alert">${this.save.message}</p>` : nothing}
      ${this.save.status === 'saved' ? html`<p class="ok-note" role="status">${ct(u, 'common.saved')}</p>` : nothing}
      <div class="actions">
        <button class="btn primary" type="submit" data-testid="save-hours" aria-busy=${this.save.busy ? 'true' : 'false'}>
          ${this.save.busy ? ct(u, 'common.saving') : this.submitLabel || ct(u, 'common.save')}
        </button>
        <button class="btn quiet" type="button" data-testid="remove-hours" ?disabled=${this.save.busy} @click=${() => this.removeHours()}>
          ${ct(u, this.config?.hours ? 'hours.remove' : 'hours.discard')}
        </button>
      </div>
    </form>`;
  }

  private renderDay(d: Weekday) {
    const u = this.language;
    const list = this.weekly[d] ?? [];
    const open = list.length > 0;
    return html`<tr data-day=${d}>
      <th scope="row">${ct(u, `day.${d}`)}</th>
      <td>
        <label class="switch">
          <input
            type="checkbox"
            .checked=${open}
            @change=${(e: Event) => this.setDay(d, (e.target as HTMLInputElement).checked ? [{ open: '08:30', close: '13:30' }] : [])}
          />
          ${open ? ct(u, 'hours.open') : ct(u, 'hours.closed')}
        </label>
      </td>
      <td class="intervals">
        ${list.map(
          (iv, i) => html`<span class="iv">
            ${this.renderInterval(iv, (next) => this.setDay(d, list.map((x, j) => (j === i ? next : x))))}
            ${i > 0 ? html`<button type="button" class="btn quiet" @click=${() => this.setDay(d, list.filter((_, j) => j !== i))}>${ct(u, 'common.remove')}</button>` : nothing}
          </span>`,
        )}
        ${open && list.length < 2
          ? html`<button type="button" class="btn quiet" @click=${() => this.setDay(d, [...list, { open: '14:30', close: '16:00' }])}>${ct(u, 'hours.addBreak')}</button>`
          : nothing}
      </td>
    </tr>`;
  }

  private renderInterval(iv: OpenInterval, set: (iv: OpenInterval) => void) {
    const u = this.language;
    return html`<span class="range">
      <input type="time" aria-label=${ct(u, 'hours.from')} .value=${iv.open} @change=${(e: Event) => set({ ...iv, open: (e.target as HTMLInputElement).value })} />
      <span aria-hidden="true">–</span>
      <input type="time" aria-label=${ct(u, 'hours.to')} .value=${iv.close} @change=${(e: Event) => set({ ...iv, close: (e.target as HTMLInputElement).value })} />
    </span>`;
  }

  private editClosed(i: number, c: Closed): void {
    this.closed = this.closed.map((x, j) => (j === i ? c : x));
  }

  private editException(i: number, x: Exception): void {
    this.exceptions = this.exceptions.map((y, j) => (j === i ? x : y));
  }
}

/** A date a little ahead (YYYY-MM-DD), as a starting value to change. */
function nextDate(daysAhead: number): string {
  return new Date(Date.now() + (daysAhead + 1) * 86_400_000).toISOString().slice(0, 10);
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-hours-editor': BbHoursEditor;
  }
  interface HTMLElementEventMap {
    'bb-hours-saved': CustomEvent<undefined>;
  }
}
