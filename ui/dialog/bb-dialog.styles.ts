import { css } from 'lit';

export const dialogStyles = css`
  :host {
    display: contents;
  }
  .backdrop {
    position: fixed;
    inset: 0;
    z-index: 50;
    background: rgba(15, 23, 33, 0.45);
  }
  .panel {
    position: fixed;
    z-index: 51;
    inset: 12px;
    margin: auto;
    max-width: var(--bb-dialog-width, 1180px);
    max-height: calc(100dvh - 24px);
    height: var(--bb-dialog-height, auto);
    display: flex;
    flex-direction: column;
    overflow: hidden;
    outline: none;
    background: var(--bb-surface, #fff);
    color: var(--bb-text, #17202b);
    border-radius: var(--bb-radius, 14px);
    box-shadow: 0 12px 40px rgba(16, 24, 40, 0.28);
  }
  header {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 8px 12px 8px 24px;
    border-bottom: 1px solid var(--bb-border, #d5dbe2);
  }
  .titles {
    flex: 1;
    min-width: 0;
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 2px 16px;
  }
  h2 {
    margin: 0;
    font-size: 24px;
  }
  .close {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: var(--bb-touch, 56px);
    min-height: var(--bb-touch, 56px);
    border: 0;
    border-radius: 12px;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 22px;
    cursor: pointer;
  }
  .close:hover {
    background: var(--bb-surface-2, #f6f8fa);
  }
  .close:focus-visible {
    outline: 3px solid var(--bb-primary, #0b57a4);
    outline-offset: 2px;
  }
  .body {
    flex: 1;
    overflow: auto;
    padding: 14px 24px 20px;
    -webkit-overflow-scrolling: touch;
  }
`;
