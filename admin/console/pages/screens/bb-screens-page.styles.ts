import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const screensPageStyles = [
  pageStyles,
  css`
    .list {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin-top: 18px;
    }
    .ok-note,
    .error {
      margin-top: 16px;
    }
  `,
];
