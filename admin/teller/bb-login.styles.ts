import { css } from 'lit';

export const loginStyles = css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100%;
        padding: 24px;
        box-sizing: border-box;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 18px;
        width: min(440px, 100%);
        padding: 36px 36px 32px;
        box-sizing: border-box;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 10px;
        font-weight: 700;
        font-size: 16px;
        color: var(--bb-primary);
      }
      .dot {
        width: 14px;
        height: 14px;
        border-radius: 4px;
        background: var(--bb-primary);
      }
      h1 {
        margin: 0;
        font-size: 28px;
      }
      p {
        margin: -8px 0 4px;
        font-size: 17px;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 6px;
        font-size: 16px;
        font-weight: 600;
      }
      input {
        font: inherit;
        font-size: 20px;
        min-height: 56px;
        padding: 0 16px;
        border: 1.5px solid var(--bb-border);
        border-radius: 12px;
        background: var(--bb-surface);
        color: var(--bb-text);
      }
      input:focus {
        outline: 3px solid var(--bb-primary-soft);
        border-color: var(--bb-primary);
      }
      .error {
        margin: 0;
        padding: 12px 16px;
        border-radius: 12px;
        background: var(--bb-danger-soft);
        color: var(--bb-danger);
        font-weight: 600;
      }
      .btn {
        margin-top: 6px;
        font-size: 20px;
      }
    `;
