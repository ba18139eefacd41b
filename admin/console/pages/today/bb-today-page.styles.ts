import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const todayPageStyles = [
  pageStyles,
  css`
    bb-teller-alerts {
      display: block;
      margin-bottom: 18px;
    }
    .stats {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: 16px;
      margin-bottom: 18px;
    }
    .stat {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin: 0 !important;
    }
    .stat .label {
      font-size: 12px;
      font-weight: 700;
      letter-spacing: 0.05em;
      text-transform: uppercase;
      color: var(--bb-muted);
    }
    .stat strong {
      font-size: 30px;
      font-weight: 750;
      font-variant-numeric: tabular-nums;
    }
    .stat .muted {
      font-size: 14px;
    }
    td .btn svg {
      width: 16px;
      height: 16px;
    }
  `,
];
