import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ToastKind } from '../lib/toast-events';
import type { UiLang } from '../i18n/strings';

interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

const SHOW_MS: Record<ToastKind, number> = { ok: 2500, error: 6000 };
const MAX_SHOWN = 2;

/** The short messages that answer every action: "Done", or why it failed. Shown over the top bar, newest first; they go by themselves. */
@customElement('bb-toast')
export class BbToast extends LitElement {
  @property() language: UiLang = 'it';
  @state() private toasts: Toast[] = [];
  private nextId = 1;
  private timers = new Map<number, ReturnType<typeof setTimeout>>();

  show(kind: ToastKind, message: string): void {
    const toast = { id: this.nextId++, kind, message };
    this.toasts = [toast, ...this.toasts].slice(0, MAX_SHOWN);
    this.timers.set(toast.id, setTimeout(() => this.dismiss(toast.id), SHOW_MS[kind]));
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

  static override styles = css`
    :host {
      position: fixed;
      left: 50%;
      top: 6px;
      transform: translateX(-50%);
      z-index: 100;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 10px;
      width: min(560px, calc(100vw - 32px));
      pointer-events: none;
    }
    .toast {
      /* Taps go through to the buttons beneath: a toast never stands in the teller's way. */
      pointer-events: none;
      display: flex;
      align-items: center;
      gap: 12px;
      min-height: 52px;
      width: 100%;
      box-sizing: border-box;
      padding: 10px 20px;
      border-radius: 14px;
      background: #1f2a37;
      color: #fff;
      font-size: 18px;
      font-weight: 600;
      box-shadow: 0 8px 24px rgba(16, 24, 40, 0.25);
      animation: in 160ms ease-out;
    }
    .toast.error {
      background: var(--bb-danger, #b3261e);
    }
    .icon {
      display: inline-grid;
      place-items: center;
      flex: none;
      width: 28px;
      height: 28px;
      border-radius: 50%;
      background: rgba(255, 255, 255, 0.18);
      font-weight: 800;
    }
    .toast.ok .icon {
      background: var(--bb-ok, #1d7a4c);
    }
    @keyframes in {
      from {
        opacity: 0;
        transform: translateY(-8px);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .toast {
        animation: none;
      }
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-toast': BbToast;
  }
}
