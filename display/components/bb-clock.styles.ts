import { css } from 'lit';

export const clockStyles = css`
    :host {
      display: block;
      text-align: right;
      font-variant-numeric: tabular-nums;
      line-height: 1;
    }
    .time {
      font-size: max(var(--bb-min, 0px), 4.6rem);
      font-weight: 700;
      letter-spacing: -0.02em;
    }
    @media (max-width: 899px) {
      .time {
        font-size: max(var(--bb-min, 0px), 2.4rem);
      }
    }
  `;
