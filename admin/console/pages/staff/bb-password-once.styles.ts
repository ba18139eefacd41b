import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const passwordOnceStyles = [
  pageStyles,
  css`
    .once {
      padding: 18px 20px;
      border-radius: var(--bb-radius);
      background: var(--bb-ok-soft);
      border: 1px solid color-mix(in srgb, var(--bb-ok) 35%, white);
    }
    .title {
      margin: 0;
      font-weight: 700;
    }
    .pw {
      margin: 10px 0;
    }
    code {
      font-size: 26px;
      font-weight: 700;
      letter-spacing: 0.08em;
      padding: 6px 14px;
      border-radius: 8px;
      background: var(--bb-surface);
      user-select: all;
    }
    .hint {
      margin: 0 0 12px;
    }
  `,
];
