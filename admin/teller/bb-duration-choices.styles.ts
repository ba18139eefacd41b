import { css } from 'lit';

export const durationChoicesStyles = css`
  :host {
    display: block;
  }
  .durations {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(var(--bb-duration-min, 130px), 1fr));
    gap: var(--bb-duration-gap, 12px);
  }
  .btn {
    flex-direction: column;
    gap: 2px;
  }
  :host([size='large']) .btn {
    min-height: 88px;
  }
  :host([size='large']) .big {
    font-size: 24px;
    font-weight: 800;
  }
  /* A drawer's row: as many columns as fit; a long label ("Je ne sais pas") wraps inside its button. */
  :host([size='compact']) .durations {
    grid-template-columns: repeat(auto-fit, minmax(84px, 1fr));
    gap: 8px;
  }
  :host([size='compact']) .btn {
    padding: 4px 6px;
    font-size: 17px;
    line-height: 1.15;
    white-space: normal;
    text-align: center;
  }
  .hint {
    font-size: 13px;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.05em;
  }
`;
