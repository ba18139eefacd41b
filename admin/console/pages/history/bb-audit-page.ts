import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { pickText, type AuditChange, type AuditEntry, type BranchConfig, type Cause, type ConfigChange, type Effect, type NoticeScope } from '../../../../core/client';
import { causeLabel, effectLabel } from '../../../../ui/cause/cause-presentation';
import { t } from '../../../../ui/i18n/localize';
import { sentence } from './audit-sentence';
import { configPathText, scopeText, whenExact, who } from './format';
import type { HistoryApi } from './history-api';
import { historyStyles } from './history-styles';
import { HistoryPage } from './history-page';

const PAGE = 200;

/**
 * The audit trail: every command with who gave it, when, and what it changed (configuration as
 * a field-by-field diff), newest first, filtered by person, counter and type, also as CSV.
 */
@customElement('bb-audit-page')
export class BbAuditPage extends HistoryPage {
  static override styles = historyStyles;

  @state() private filter: { user?: string; counter?: string; type?: string } = {};
  @state() private entries: AuditEntry[] | null = null;
  @state() private more = false;
  /** The next read adds older entries below those shown. */
  private older = false;

  protected async fetch(h: HistoryApi): Promise<void> {
    const older = this.older;
    this.older = false;
    const before = older ? this.entries?.at(-1)?.seqFrom : undefined;
    const page = (await h.audit(this.branch, { ...this.filter, ...(before ? { before } : {}) })).entries;
    this.entries = older ? [...(this.entries ?? []), ...page] : page;
    this.more = page.length === PAGE;
  }

  /** A notice's cause, from the entry that posted it (among those loaded). */
  private causeOf(noticeId: string): string | undefined {
    for (const a of this.entries ?? []) {
      for (const ch of a.changes) {
        const n = ch.kind === 'event' && ch.type === 'NoticePosted' ? (ch.detail?.notice as { id?: string; cause?: Cause } | undefined) : undefined;
        if (n?.id === noticeId && n.cause) return causeLabel(n.cause, this.language);
      }
    }
    return undefined;
  }

  private loadOlder(): void {
    this.older = true;
    void this.load();
  }

  private submit(e: Event): void {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const v = (k: string) => String(f.get(k) ?? '').trim() || undefined;
    this.filter = { user: v('user'), counter: v('counter'), type: v('type') };
    void this.load();
  }

  override render() {
    const l = this.language;
    const h = this.h;
    return html`
      ${this.head('history.page.audit', 'history.audit.lede')}
      <form class="range panel" @submit=${this.submit}>
        <label class="field"><span>${t(l, 'history.audit.person')}</span><input name="user" .value=${this.filter.user ?? ''} data-testid="audit-user" /></label>
        <label class="field"><span>${t(l, 'history.audit.counter')}</span><input name="counter" .value=${this.filter.counter ?? ''} data-testid="audit-counter" /></label>
        <label class="field"
          ><span>${t(l, 'history.audit.type')}</span>
          <select name="type" data-testid="audit-type">
            <option value="">${t(l, 'history.audit.any')}</option>
            ${TYPES.map((ty) => html`<option value=${ty} ?selected=${ty === this.filter.type}>${typeName(ty, l)}</option>`)}
          </select></label
        >
        <button class="btn primary" type="submit">${t(l, 'history.show')}</button>
      </form>
      ${h ? html`<div class="downloads"><a class="btn quiet" href=${h.csv(this.branch, 'audit', { from: '', to: '' }, 'day', this.filter)} download>${t(l, 'history.csv')}</a></div>` : nothing}
      ${this.errorLine()}
      <section class="panel table-wrap">${this.table()}</section>
      ${this.more ? html`<div class="actions"><button class="btn" @click=${() => this.loadOlder()}>${t(l, 'history.audit.older')}</button></div>` : nothing}
    `;
  }

  private table() {
    const l = this.language;
    const rows = this.entries;
    if (!rows) return html`<p class="empty" role="status">${t(l, 'history.loading')}</p>`;
    if (!rows.length) return html`<p class="empty">${t(l, 'history.empty')}</p>`;
    return html`<table data-testid="audit-table">
      <thead>
        <tr>
          <th>${t(l, 'history.audit.time')}</th>
          <th>${t(l, 'history.audit.who')}</th>
          <th>${t(l, 'history.audit.counter')}</th>
          <th>${t(l, 'history.audit.what')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (a) => html`<tr data-testid="audit-row" data-seq=${a.seqFrom}>
            <td>${whenExact(a.at, l, this.tz)}</td>
            <td>${who(a.actor)}<br /><span class="muted">${a.actor.role === 'admin' || a.actor.role === 'manager' || a.actor.role === 'teller' ? t(l, `console.role.${a.actor.role}`) : a.actor.role}</span></td>
            <td>${a.counters.join(', ') || '—'}</td>
            <td>${a.changes.map((c) => this.change(c))}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private change(c: AuditChange) {
    const l = this.language;
    if (c.kind === 'config') {
      const lines = c.diff.slice(0, 20).map((d) => (d.path ? diffLine(d, l, this.config) : t(l, 'history.audit.added', { path: t(l, 'history.audit.configuration') })));
      return html`<div><strong>${typeName(c.type, l)}</strong><ul class="diff">${lines.map((x) => html`<li>${x}</li>`)}</ul>${c.diff.length > 20 ? html`<span class="muted">+${c.diff.length - 20}</span>` : nothing}</div>`;
    }
    const said = sentence(c, l, this.config, (id) => this.causeOf(id));
    if (said) return html`<div data-testid="audit-sentence">${said}</div>`;
    const bits = [c.ticket, c.counter ? `→ ${c.counter}` : '', detailText(c.detail, l, this.tz)].filter(Boolean).join(' ');
    return html`<div><strong>${typeName(c.type, l)}</strong> ${bits}</div>`;
  }
}

const TYPES = [
  'TicketIssued',
  'TicketIssueCorrected',
  'TicketCalled',
  'TicketRecalled',
  'ServiceEnded',
  'TicketNoShow',
  'TicketTransferred',
  'TicketCancelled',
  'CounterOpened',
  'CounterPaused',
  'CounterClosed',
  'NoticePosted',
  'NoticeUpdated',
  'NoticeResolved',
  'BranchConfigured',
  'StaffChanged',
  'IntegrationTokenChanged',
  'ScreenPaired',
  'ScreenRenamed',
  'ScreenSoundSet',
  'ScreenUnpaired',
];

/** Staff and screen changes said in words ("Account created: Marco Rossi (marco.rossi), teller"), not as their fields. */
/** The queue's and counters' events in words ("A004 called to Sportello 1"), by the branch's names. */

/** An event's or a change's type in words ("Sportello in pausa"), its name only when this version does not know it. */
const typeName = (type: string, l: string) => t(l, 'history.audit.typeName', { type });

/** A value as a manager reads it: a list as a list, nothing as a dash, never JSON when it can be helped. */
const show = (v: unknown) => {
  const s =
    typeof v === 'string' ? v
    : v === null || v === undefined ? '—'
    : Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null) ? v.join(', ')
    : typeof v === 'object' ? JSON.stringify(v)
    : String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

/** The gist of an event's fields in words: a notice's cause, effect and scope; times as times. */
function detailText(detail: Record<string, unknown> | undefined, l: string, tz: string | undefined): string {
  if (!detail) return '';
  const n = detail.notice as { cause?: Cause; effect?: Effect; scope?: NoticeScope } | undefined;
  if (n) return [n.cause ? causeLabel(n.cause, l) : '', n.effect ? effectLabel(n.effect, l) : '', n.scope ? scopeText(n.scope, l) : ''].filter(Boolean).join(' · ');
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined)
    // An epoch-ms field (backAt, expectedAt…) is a moment: said as the branch's clock time.
    .map(([k, v]) => (typeof v === 'number' && /At$/.test(k) ? whenExact(v, l, tz) : show(v)))
    .join(' · ');
}

function diffLine(d: ConfigChange, l: string, cfg: BranchConfig | null): string {
  const path = configPathText(d.path, l, cfg);
  if (d.op === 'added') return t(l, 'history.audit.added', { path });
  if (d.op === 'removed') return t(l, 'history.audit.removed', { path });
  return t(l, 'history.audit.changed', { path, before: show(d.before), after: show(d.after) });
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-audit-page': BbAuditPage;
  }
}
