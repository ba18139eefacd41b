import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const staffPageStyles = [
  pageStyles,
  css`
    bb-password-once {
      display: block;
      margin-bottom: 18px;
    }
    .actions.end {
      justify-content: flex-end;
      flex-wrap: nowrap;
      gap: 6px;
    }
    .actions.end .btn {
      padding: 0 12px;
    }
    td strong,
    td.when {
      white-space: nowrap;
    }
    tr.sessions td {
      background: var(--bb-surface-2);
    }
  `,
];
