import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const allBranchesPageStyles = [
  pageStyles,
  css`
    td a {
      color: var(--bb-primary-dark);
      font-weight: 700;
      text-decoration: none;
    }
    td a:hover {
      text-decoration: underline;
    }
    td .pill + .muted {
      margin-left: 8px;
      font-size: 13px;
    }
  `,
];
