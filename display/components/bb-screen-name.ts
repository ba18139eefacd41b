import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

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

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      display: grid;
      place-items: center;
      background: rgba(11, 26, 48, 0.72);
      z-index: 10;
    }
    .name {
      max-width: 80vw;
      padding: 3rem 5rem;
      border-radius: 2rem;
      background: #ffd66b;
      color: #0b1a30;
      font: 800 6rem/1.15 var(--bb-font, sans-serif);
      text-align: center;
      overflow-wrap: anywhere;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-screen-name': BbScreenName;
  }
}
