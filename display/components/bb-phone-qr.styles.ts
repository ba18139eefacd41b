import { css } from 'lit';

export const phoneQrStyles = css`
      :host {
        display: flex;
        align-items: center;
        gap: 1rem;
      }
      img {
        display: block;
        width: 5.6rem;
        height: 5.6rem;
        border-radius: 0.4rem;
        background: #fff;
        padding: 0.35rem;
        box-sizing: border-box;
        image-rendering: pixelated;
      }
      .caption {
        /* One line per language at --bb-min, so the header stays low. */
        flex: none;
        width: max-content;
        max-width: var(--qr-caption, 34rem);
        font-size: max(var(--bb-min, 0px), 1.25rem);
        font-weight: 700;
        line-height: 1.2;
      }
      .caption .l1 {
        font-size: max(var(--bb-min, 0px), 0.82em);
        margin-top: 0.1em;
      }
    `;
