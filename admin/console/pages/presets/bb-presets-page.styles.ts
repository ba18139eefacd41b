import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const presetsPageStyles = [
  pageStyles,
  css`
    ul.presets {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .override-note {
      margin: -4px 0 16px;
    }
    .error,
    .warn-note {
      margin-bottom: 14px;
    }
  `,
];
