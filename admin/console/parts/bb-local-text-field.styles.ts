import { css } from 'lit';

export const localTextFieldStyles = css`
  :host {
    display: block;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 6px;
    font-size: 14px;
    font-weight: 600;
  }
  .hint {
    margin: -4px 0 4px;
    font-size: 13px;
    color: var(--bb-muted);
  }
  .row {
    display: grid;
    grid-template-columns: 120px minmax(0, 1fr);
    align-items: start;
    column-gap: 12px;
  }
  label {
    display: flex;
    flex-direction: column;
    padding-top: 9px;
    font-size: 14px;
  }
  .lang {
    font-weight: 600;
  }
  .main {
    font-size: 12px;
    color: var(--bb-muted);
  }
  input,
  textarea {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
    min-height: 40px;
    padding: 8px 12px;
    border: 1px solid var(--bb-border);
    border-radius: 8px;
    background: var(--bb-surface);
    color: var(--bb-text);
  }
  textarea {
    resize: vertical;
    min-height: 64px;
  }
  input:focus-visible,
  textarea:focus-visible {
    outline: none;
    box-shadow: var(--bb-focus);
  }
  .missing input,
  .missing textarea {
    border-color: color-mix(in srgb, var(--bb-warn) 60%, white);
    background: color-mix(in srgb, var(--bb-warn-soft) 45%, white);
  }
  .flag {
    grid-column: 2;
    margin-top: 4px;
    font-size: 13px;
    font-weight: 600;
    color: var(--bb-warn);
  }
  .field-error {
    margin: 0;
    font-size: 13px;
    font-weight: 600;
    color: var(--bb-danger);
  }
`;
