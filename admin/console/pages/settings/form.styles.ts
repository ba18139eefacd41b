import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

/** The console's forms: a grid of labelled fields, then the status line and the actions. */
export const formStyles = [
  pageStyles,
  css`
    form {
      display: flex;
      flex-direction: column;
      gap: 20px;
    }
    .grid {
      display: grid;
      gap: 16px 20px;
    }
    .grid.two {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .grid.three {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    fieldset.field {
      margin: 0;
      padding: 0;
      border: 0;
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-height: 32px;
      font-weight: 500;
    }
    .check input {
      width: 18px;
      height: 18px;
      margin: 0;
    }
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 20px;
    }
    .inline {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    .inline input {
      width: 96px;
    }
    code.fixed {
      display: flex;
      align-items: center;
      min-height: 40px;
      font-size: 14px;
      color: var(--bb-muted);
    }
  `,
];
