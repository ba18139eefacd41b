import { css } from 'lit';

export const screenNameStyles = css`
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
