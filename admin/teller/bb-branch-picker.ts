import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { buttonStyles, cardStyles } from '../styles/shared';
import { t, type Language } from '../../ui/i18n/localize';
import { branchPickerStyles } from './bb-branch-picker.styles';

export interface BranchChoice {
  id: string;
  /** The branch's name once known; its id until then. */
  name: string | null;
}

/** Shown only to staff who work in several branches: which one is this tablet in? */
@customElement('bb-branch-picker')
export class BbBranchPicker extends LitElement {
  @property() language: Language = 'it';
  @property({ attribute: false }) branches: BranchChoice[] = [];

  private pick(id: string): void {
    this.dispatchEvent(new CustomEvent<string>('bb-pick-branch', { detail: id, bubbles: true, composed: true }));
  }

  override render() {
    const l = this.language;
    if (this.branches.length === 0) return html`<p class="card empty" role="alert">${t(l, 'tablet.branch.none')}</p>`;
    return html`
      <h1>${t(l, 'tablet.branch.pick')}</h1>
      <div class="grid">
        ${this.branches.map(
          (b) => html`<button class="btn" data-testid="pick-branch" data-branch=${b.id} @click=${() => this.pick(b.id)}>
            <span class="name">${b.name ?? b.id}</span>
            <span class="id muted">${b.id}</span>
          </button>`,
        )}
      </div>
    `;
  }

  static override styles = [buttonStyles, cardStyles, branchPickerStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-branch-picker': BbBranchPicker;
  }
  interface HTMLElementEventMap {
    'bb-pick-branch': CustomEvent<string>;
  }
}
