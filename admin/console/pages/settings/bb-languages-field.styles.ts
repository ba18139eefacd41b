import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const languagesFieldStyles = [
  pageStyles,
  css`
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
      font-size: 14px;
      font-weight: 600;
    }
    .hint {
      margin: 2px 0 10px;
    }
    .warn {
      margin: 0 0 10px;
      padding: 8px 10px;
      border-left: 4px solid var(--bb-warn);
      background: color-mix(in srgb, var(--bb-warn-soft) 45%, white);
      border-radius: 4px;
    }
    ol {
      list-style: none;
      margin: 0 0 10px;
      padding: 0;
      border: 1px solid var(--bb-border);
      border-radius: 8px;
    }
    li {
      display: grid;
      grid-template-columns: 28px 1fr auto auto;
      align-items: center;
      gap: 10px;
      min-height: 44px;
      padding: 0 8px 0 12px;
      border-bottom: 1px solid var(--bb-border);
    }
    li:last-child {
      border-bottom: none;
    }
    .n {
      color: var(--bb-muted);
      font-variant-numeric: tabular-nums;
    }
    .name {
      font-weight: 600;
    }
    .main {
      font-size: 12px;
      font-weight: 700;
      color: var(--bb-primary-dark);
      background: var(--bb-primary-soft);
      padding: 2px 8px;
      border-radius: 999px;
    }
    .tools {
      display: flex;
      gap: 4px;
    }
    .icon {
      width: 32px;
      height: 32px;
      border: 1px solid var(--bb-border);
      border-radius: 6px;
      background: var(--bb-surface);
      color: var(--bb-text);
      cursor: pointer;
    }
    .icon:disabled {
      opacity: 0.35;
      cursor: default;
    }
    .add {
      display: flex;
      gap: 8px;
    }
    .add select {
      flex: 1;
    }
  `,
];
