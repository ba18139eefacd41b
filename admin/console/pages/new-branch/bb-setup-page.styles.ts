import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const setupPageStyles = [
  pageStyles,
  css`
    .wizard-nav {
      display: flex;
      justify-content: space-between;
      margin-top: 22px;
      padding-top: 16px;
      border-top: 1px solid var(--bb-border);
    }
    .next-steps {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 10px;
      margin: 16px 0 0;
      padding: 0;
    }
  `,
];
