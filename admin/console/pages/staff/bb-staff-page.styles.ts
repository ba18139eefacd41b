import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const staffPageStyles = [
  pageStyles,
  css`
    bb-password-once {
      display: block;
      margin-bottom: 18px;
    }
    /* The page must fit 1280 px: the buttons stay on one line, and a long name wraps instead of
       widening the table. */
    .actions.end {
      justify-content: flex-end;
      flex-wrap: nowrap;
      gap: 6px;
    }
    .actions.end .btn {
      padding: 0 12px;
    }
    td strong {
      overflow-wrap: anywhere;
    }
    td.when {
      white-space: nowrap;
    }
    tr.sessions td {
      background: var(--bb-surface-2);
    }
  `,
];
