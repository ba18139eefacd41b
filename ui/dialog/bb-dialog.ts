import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { dialogStyles } from './bb-dialog.styles';
import { Modal } from './modal';

/** Why a dialog is asked to close; the `bb-request-close` event carries it. */
export type CloseSource = 'close-button' | 'keyboard' | 'overlay';

export interface RequestCloseDetail {
  source: CloseSource;
}

/**
 * One dialog for every front end: a titled panel over a dimmed page, modal while open (focus
 * kept inside, Escape and a tap outside ask to close, focus goes back where it was on close).
 * Closing is cancellable: it fires `bb-request-close` (cancelable) and, unless prevented, `bb-close`
 * — the owner then sets `open = false` (the dialog never closes itself, so its state stays the owner's).
 *
 * Slots: the default one for the body, `header-start` (e.g. a back button), `subtitle`.
 */
@customElement('bb-dialog')
export class BbDialog extends LitElement {
  static override styles = dialogStyles;

  @property({ type: Boolean, reflect: true }) open = false;
  /** The title, also the dialog's accessible name. */
  @property() label = '';
  /** Accessible name of the ✕ button (in the page's language). */
  @property({ attribute: 'close-label' }) closeLabel = 'Close';

  @query('.panel') private panel?: HTMLElement;

  private readonly modal = new Modal(this, () => this.requestClose('keyboard'));

  /** Asks to close; returns false when a listener prevented it. */
  requestClose(source: CloseSource): boolean {
    const ask = new CustomEvent<RequestCloseDetail>('bb-request-close', { detail: { source }, cancelable: true, bubbles: true, composed: true });
    if (!this.dispatchEvent(ask)) return false;
    this.dispatchEvent(new CustomEvent('bb-close', { bubbles: true, composed: true }));
    return true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.modal.deactivate();
  }

  override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open) {
      this.modal.activate();
      this.focusFirst();
    } else if (changed.get('open') === true) {
      this.modal.deactivate();
    }
  }

  /** Puts focus on the content's `[autofocus]` control, else on the panel itself. */
  focusFirst(): void {
    const wanted = this.modal.tabbables().find((el) => el.hasAttribute('autofocus'));
    (wanted ?? this.panel)?.focus({ preventScroll: true });
  }

  override render() {
    if (!this.open) return nothing;
    return html`
      <div class="backdrop" part="backdrop" @click=${() => this.requestClose('overlay')}></div>
      <div class="panel" part="panel" role="dialog" aria-modal="true" aria-labelledby="title" tabindex="-1">
        <header part="header">
          <slot name="header-start"></slot>
          <div class="titles">
            <h2 id="title">${this.label}</h2>
            <slot name="subtitle"></slot>
          </div>
          <button class="close" part="close" data-testid="dialog-close" aria-label=${this.closeLabel} @click=${() => this.requestClose('close-button')}>✕</button>
        </header>
        <div class="body" part="body"><slot></slot></div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-dialog': BbDialog;
  }
  interface HTMLElementEventMap {
    'bb-request-close': CustomEvent<RequestCloseDetail>;
  }
}
