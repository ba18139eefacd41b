import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { screenNameStyles } from './bb-screen-name.styles';

/**
 * A paired screen's name over the board, for the seconds the console asked ("show your name"),
 * so staff standing in the lobby know which TV is which.
 */
@customElement('bb-screen-name')
export class BbScreenName extends LitElement {
  @property() name = '';

  override render() {
    return html`<div class="name" role="status" data-testid="screen-identify">${this.name}</div>`;
  }

  static override styles = screenNameStyles;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-screen-name': BbScreenName;
  }
}
