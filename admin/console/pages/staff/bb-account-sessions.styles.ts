import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const accountSessionsStyles = [
  pageStyles,
  css`
    ul {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    li {
      display: grid;
      grid-template-columns: 1.4fr 1fr 1.2fr auto;
      gap: 10px;
      align-items: center;
      font-size: 14px;
    }
    .device {
      font-weight: 600;
    }
  `,
];
