import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const historyStyles = [
  pageStyles,
  css`
    form.range {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 12px 16px;
      margin-bottom: 18px;
    }
    form.range .field {
      margin: 0;
    }
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0 0 16px;
    }
    .table-wrap {
      overflow-x: auto;
    }
    td.wrap {
      min-width: 16ch;
      max-width: 40ch;
    }
    .chart {
      position: relative;
      height: 320px;
    }
    .diff {
      margin: 0;
      padding-left: 18px;
      font-size: 13px;
    }
    code {
      font-size: 12px;
      word-break: break-all;
    }
    .secret {
      font-family: ui-monospace, monospace;
      user-select: all;
    }
  `,
];
