import { css } from 'lit';

/**
 * What every console page looks like: a heading with a line of explanation, white panels on the
 * grey ground, plain tables, labelled fields, and buttons. Pages add these to their own styles.
 */
export const pageStyles = css`
  :host {
    display: block;
    color: var(--bb-text);
  }
  * {
    box-sizing: border-box;
  }
  header.page-head {
    display: flex;
    align-items: flex-end;
    justify-content: space-between;
    gap: 16px;
    margin: 0 0 22px;
  }
  .crumb {
    margin: 0 0 2px;
    font-size: 13px;
    font-weight: 600;
    color: var(--bb-muted);
  }
  h1 {
    margin: 0;
    font-size: 26px;
    font-weight: 750;
    letter-spacing: -0.01em;
  }
  .lede {
    margin: 6px 0 0;
    color: var(--bb-muted);
    font-size: 15px;
    max-width: 64ch;
  }
  h2 {
    margin: 0 0 12px;
    font-size: 17px;
    font-weight: 700;
  }
  .panel {
    background: var(--bb-surface);
    border: 1px solid var(--bb-border);
    border-radius: var(--bb-radius);
    box-shadow: var(--bb-shadow);
    padding: 20px 22px;
  }
  .panel + .panel {
    margin-top: 18px;
  }
  .muted {
    color: var(--bb-muted);
  }
  .empty {
    padding: 28px;
    text-align: center;
    color: var(--bb-muted);
  }

  /* tables */
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th {
    text-align: left;
    font-size: 12px;
    font-weight: 700;
    letter-spacing: 0.05em;
    text-transform: uppercase;
    color: var(--bb-muted);
    padding: 0 12px 10px;
    border-bottom: 1px solid var(--bb-border);
  }
  td {
    padding: 12px;
    border-bottom: 1px solid var(--bb-border);
    vertical-align: middle;
  }
  tr:last-child td {
    border-bottom: none;
  }
  td.num,
  th.num {
    text-align: right;
  }

  /* buttons */
  button {
    font: inherit;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: var(--bb-touch, 40px);
    padding: 0 16px;
    border-radius: 8px;
    border: 1px solid var(--bb-border);
    background: var(--bb-surface);
    color: var(--bb-text);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
    white-space: nowrap;
  }
  .btn:hover:not(:disabled) {
    background: var(--bb-surface-2);
  }
  .btn.primary {
    background: var(--bb-primary);
    border-color: var(--bb-primary);
    color: #fff;
  }
  .btn.primary:hover:not(:disabled) {
    background: var(--bb-primary-dark);
  }
  .btn.danger {
    color: var(--bb-danger);
  }
  .btn.quiet {
    border-color: transparent;
    background: transparent;
    color: var(--bb-primary);
  }
  .btn:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .btn:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: none;
    box-shadow: var(--bb-focus);
  }
  .actions {
    display: flex;
    gap: 10px;
    align-items: center;
    flex-wrap: wrap;
  }

  /* fields */
  .field {
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-width: 0;
  }
  .field > span,
  .field > legend {
    font-size: 14px;
    font-weight: 600;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .hint {
    font-size: 13px;
    color: var(--bb-muted);
  }
  input[type='text'],
  input[type='url'],
  input[type='number'],
  input[type='password'],
  input[type='date'],
  input[type='time'],
  input:not([type]),
  select,
  textarea {
    font: inherit;
    min-height: 40px;
    padding: 8px 12px;
    border: 1px solid var(--bb-border);
    border-radius: 8px;
    background: var(--bb-surface);
    color: var(--bb-text);
    width: 100%;
  }
  textarea {
    resize: vertical;
    min-height: 64px;
  }
  [aria-invalid='true'] {
    border-color: var(--bb-danger);
  }
  /* A form's outcome: why it was not saved, that it was, or a warning — one box, three colours. */
  .error,
  .ok-note,
  .warn-note {
    margin: 0;
    padding: 10px 14px;
    border-radius: 8px;
    font-weight: 600;
  }
  .error {
    background: var(--bb-danger-soft);
    color: var(--bb-danger);
  }
  .ok-note {
    background: var(--bb-ok-soft);
    color: var(--bb-ok);
  }
  .warn-note {
    background: var(--bb-warn-soft);
    color: var(--bb-warn);
  }
  .field-error {
    font-size: 13px;
    color: var(--bb-danger);
    font-weight: 600;
  }

  /* status pills */
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 2px 10px;
    border-radius: 999px;
    font-size: 13px;
    font-weight: 700;
    background: var(--bb-surface-2);
    color: var(--bb-muted);
    white-space: nowrap;
  }
  .pill::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
  }
  .pill.ok {
    background: var(--bb-ok-soft);
    color: var(--bb-ok);
  }
  .pill.warn {
    background: var(--bb-warn-soft);
    color: var(--bb-warn);
  }
  .pill.danger {
    background: var(--bb-danger-soft);
    color: var(--bb-danger);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
