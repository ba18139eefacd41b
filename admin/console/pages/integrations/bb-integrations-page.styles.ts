import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const integrationsPageStyles = [
  pageStyles,
  css`
    form.new {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 12px 16px;
    }
    form.new .field {
      flex: 1 1 320px;
    }
    .once {
      margin: 0 0 18px;
      padding: 18px 20px;
      border-radius: var(--bb-radius);
      background: var(--bb-ok-soft);
      border: 1px solid color-mix(in srgb, var(--bb-ok) 35%, white);
    }
    .once .title {
      margin: 0;
      font-weight: 700;
    }
    .once code {
      display: block;
      margin: 10px 0;
      padding: 10px 14px;
      border-radius: 8px;
      background: var(--bb-surface);
      font-size: 16px;
      font-weight: 700;
      word-break: break-all;
      user-select: all;
    }
    .once p {
      margin: 0 0 12px;
    }
    td.when {
      white-space: nowrap;
    }
    pre {
      margin: 8px 0 0;
      padding: 12px 14px;
      border-radius: 8px;
      background: var(--bb-surface-2);
      font-size: 13px;
      overflow-x: auto;
      white-space: pre;
    }
    details summary {
      cursor: pointer;
      font-weight: 600;
    }
  `,
];
