import { css } from 'lit';
import { formStyles } from '../settings/form.styles';

export const counterFormStyles = [
  formStyles,
  css`
    ol.prefs {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 420px;
    }
    ol.prefs li {
      display: grid;
      grid-template-columns: 24px 1fr auto;
      align-items: center;
      gap: 8px;
      padding: 4px 8px;
      border: 1px solid var(--bb-border);
      border-radius: 8px;
    }
    .n {
      color: var(--bb-muted);
      font-variant-numeric: tabular-nums;
    }
    .icon {
      width: 32px;
      height: 32px;
      border: 1px solid var(--bb-border);
      border-radius: 6px;
      background: var(--bb-surface);
      cursor: pointer;
    }
    .icon:disabled {
      opacity: 0.35;
      cursor: default;
    }
  `,
];
