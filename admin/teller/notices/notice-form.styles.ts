import { css } from 'lit';

/** What the update and resolve drawers under a notice share: the drawer, its fields and rows. */
export const noticeFormStyles = css`
  .drawer {
    display: flex;
    flex-direction: column;
    gap: 10px;
    margin-top: 12px;
    padding: 14px;
    border-radius: 12px;
    background: var(--bb-surface-2);
    border: 1px solid var(--bb-border);
  }
  .text-row {
    display: flex;
    gap: 8px;
  }
  .text-row input {
    flex: 1;
    min-width: 0;
  }
  input {
    font: inherit;
    font-size: 18px;
    min-height: 56px;
    padding: 0 14px;
    box-sizing: border-box;
    border: 1.5px solid var(--bb-border);
    border-radius: 12px;
    background: var(--bb-surface);
  }
  input:focus {
    outline: 3px solid var(--bb-primary-soft);
    border-color: var(--bb-primary);
  }
  .lang-row {
    display: flex;
    align-items: center;
    gap: 10px;
    font-size: 16px;
    font-weight: 600;
  }
  .lang-row select {
    font: inherit;
    min-height: 48px;
    padding: 0 12px;
    border: 1.5px solid var(--bb-border);
    border-radius: 12px;
    background: var(--bb-surface);
    color: var(--bb-text);
  }
  .hint {
    margin: -4px 0 0;
    font-size: 15px;
    color: var(--bb-muted);
  }
  .resolve-row {
    display: flex;
    flex-wrap: wrap;
    gap: 10px;
  }
  .resolve-row .btn {
    flex: 1 1 200px;
  }
  .toggle {
    justify-content: flex-start;
    font-weight: 600;
    font-size: 17px;
  }
  .box {
    display: inline-grid;
    place-items: center;
    width: 26px;
    height: 26px;
    border-radius: 6px;
    border: 2px solid currentColor;
    font-size: 16px;
    font-weight: 800;
  }
`;
