import { css } from 'lit';

export const otherNoticeFormStyles = css`
  :host {
    display: block;
  }
  .other-form {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  textarea {
    font: inherit;
    font-size: 20px;
    padding: 12px 14px;
    border: 1.5px solid var(--bb-border);
    border-radius: 12px;
    resize: vertical;
    min-height: 96px;
  }
  textarea:focus {
    outline: 3px solid var(--bb-primary-soft);
    border-color: var(--bb-primary);
  }
  .under {
    display: flex;
    align-items: baseline;
    gap: 12px;
  }
  .hint {
    font-size: 15px;
    color: var(--bb-muted);
  }
  .count {
    margin-left: auto;
    font-size: 13px;
    color: var(--bb-muted);
  }
  .error {
    margin: 0;
    padding: 10px 14px;
    border-radius: 10px;
    background: var(--bb-danger-soft);
    color: var(--bb-danger);
    font-weight: 600;
  }
  .choice-row {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 10px;
  }
  .choice-row .label {
    min-width: 90px;
  }
`;
