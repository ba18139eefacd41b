import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ToastKind } from '../lib/toast-events';
import type { Language } from '../../ui/i18n/languages';
import { toastStyles } from './bb-toast.styles';

interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  source: string | null;
}

const SHOW_MS: Record<ToastKind, number> = { ok: 2500, error: 6000 };
const MAX_SHOWN = 2;

/**
 * The short messages that answer every action: what was done, or why it failed. They go by
 * themselves, and never hide what the teller works with: they rise from the bottom of the
 * notices (the notices' column in landscape, the bottom of the screen in portrait), whose list
 * keeps room at its end to scroll clear of them, never over the top bar or the counter panel.
 * Newest at the bottom; taps go through them.
 */
@customElement('bb-toast')
export class BbToast extends LitElement {
  @property() language: Language = 'it';
  @state() private toasts: Toast[] = [];
  private nextId = 1;
  private timers = new Map<number, ReturnType<typeof setTimeout>>();

  /** Shows a toast; one from the same `source` as an older one replaces it. */
  show(kind: ToastKind, message: string, source?: string): void {
    if (source) this.removeWhere((x) => x.source === source);
    const toast: Toast = { id: this.nextId++, kind, message, source: source ?? null };
    const shown = [...this.toasts, toast];
    for (const old of shown.slice(0, -MAX_SHOWN)) clearTimeout(this.timers.get(old.id));
    this.toasts = shown.slice(-MAX_SHOWN);
    this.timers.set(toast.id, setTimeout(() => this.dismiss(toast.id), SHOW_MS[kind]));
  }

  /** Takes back the toasts of `source` (of one kind, or all). */
  clear(source: string, kind?: ToastKind): void {
    this.removeWhere((x) => x.source === source && (!kind || x.kind === kind));
  }

  private removeWhere(which: (x: Toast) => boolean): void {
    const gone = this.toasts.filter(which);
    if (gone.length === 0) return;
    for (const x of gone) {
      clearTimeout(this.timers.get(x.id));
      this.timers.delete(x.id);
    }
    this.toasts = this.toasts.filter((x) => !which(x));
  }

  dismiss(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.toasts = this.toasts.filter((x) => x.id !== id);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.toasts = [];
  }

  override render() {
    return html`${repeat(
      this.toasts,
      (x) => x.id,
      (x) => html`<div
        class="toast ${x.kind}"
        data-testid="toast"
        data-kind=${x.kind}
        role=${x.kind === 'error' ? 'alert' : 'status'}
      >
        <span class="icon" aria-hidden="true">${x.kind === 'ok' ? '✓' : '!'}</span>
        <span class="msg">${x.message}</span>
      </div>`,
    )}`;
  }

  static override styles = toastStyles;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-toast': BbToast;
  }
}
