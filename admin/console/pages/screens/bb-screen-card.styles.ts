import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const screenCardStyles = [
  pageStyles,
  css`
    article {
      background: var(--bb-surface);
      border: 1px solid var(--bb-border);
      border-radius: var(--bb-radius);
      padding: 16px 18px;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    article.down {
      border-color: color-mix(in srgb, var(--bb-danger) 45%, white);
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 12px;
    }
    h3 {
      margin: 0;
      font-size: 17px;
    }
    header p {
      margin: 2px 0 0;
      font-size: 13px;
    }
    dl {
      margin: 0;
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: 10px;
    }
    dt {
      font-size: 12px;
      font-weight: 700;
      letter-spacing: 0.04em;
      text-transform: uppercase;
      color: var(--bb-muted);
    }
    dd {
      margin: 2px 0 0;
      font-variant-numeric: tabular-nums;
    }
    .late {
      color: var(--bb-danger);
      font-weight: 600;
    }
    .log {
      margin: 0;
      padding: 10px 12px;
      list-style: none;
      background: var(--bb-surface-2);
      border-radius: 8px;
      display: flex;
      flex-direction: column;
      gap: 6px;
      font-size: 14px;
    }
    .rename {
      display: flex;
      gap: 8px;
    }
  `,
];
