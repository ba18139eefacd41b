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
  :host([size='compact']) .durations {
    grid-template-columns: repeat(5, 1fr);
    gap: 8px;
  }
  :host([size='compact']) .btn {
    padding: 0 4px;
    font-size: 17px;
    white-space: nowrap;
  }
  .hint {
    font-size: 13px;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.05em;
  }
`;
