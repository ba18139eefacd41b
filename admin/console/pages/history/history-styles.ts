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
    form.panel:not(.range) {
      display: flex;
      flex-direction: column;
      gap: 14px;
    }
    fieldset.field label {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      margin-right: 18px;
    }
    .table-wrap {
      overflow-x: auto;
    }
    /* Many columns: tighter cells and a smaller type, so a row fits the page without scrolling. */
    .table-wrap table {
      font-size: 14px;
    }
    .table-wrap th,
    .table-wrap td {
      padding-left: 8px;
      padding-right: 8px;
    }
    .table-wrap th {
      letter-spacing: 0.02em;
    }
    .table-wrap td .btn.quiet {
      white-space: normal;
      padding: 0 4px;
      text-align: left;
    }
    td.wrap {
      min-width: 12ch;
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
