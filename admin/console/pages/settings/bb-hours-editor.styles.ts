import { css } from 'lit';
import { formStyles } from './form.styles';

export const hoursEditorStyles = [
  formStyles,
  css`
    table.week th {
      width: 130px;
      text-transform: none;
      letter-spacing: 0;
      font-size: 15px;
      color: var(--bb-text);
      border: none;
      padding: 8px 12px 8px 0;
    }
    table.week td {
      padding: 6px 12px;
      border-bottom: 1px solid var(--bb-border);
    }
    table.week tr:last-child td {
      border-bottom: none;
    }
    .switch {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-width: 110px;
      font-weight: 600;
    }
    .switch input {
      width: 18px;
      height: 18px;
    }
    .intervals {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
    }
    .iv,
    .range,
    .line {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    /* Room for "08:30 AM" too: a browser in English shows the 12-hour clock. */
    .range input {
      width: 9.5em;
    }
    .line {
      display: flex;
      margin-bottom: 8px;
    }
    .line input[type='date'] {
      width: 170px;
    }
    h3 {
      margin: 0 0 2px;
      font-size: 15px;
    }
    section .hint {
      margin: 0 0 10px;
    }
    .none {
      margin: 0 0 12px;
      font-size: 15px;
    }
    .hint {
      color: var(--bb-muted);
    }
  `,
];
