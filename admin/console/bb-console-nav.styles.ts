import { css } from 'lit';

export const consoleNavStyles = css`
  :host {
    display: block;
    background: var(--bb-surface);
    border-right: 1px solid var(--bb-border);
    overflow-y: auto;
  }
  nav {
    display: flex;
    flex-direction: column;
    min-height: 100%;
    padding: 16px 12px 12px;
    box-sizing: border-box;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 4px 10px 8px;
    font-weight: 800;
    font-size: 17px;
    color: var(--bb-primary);
    text-decoration: none;
  }
  .mark {
    width: 14px;
    height: 14px;
    border-radius: 4px;
    background: var(--bb-primary);
  }
  .section {
    margin: 14px 10px 4px;
    font-size: 12px;
    font-weight: 700;
    letter-spacing: 0.07em;
    text-transform: uppercase;
    color: var(--bb-muted);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 1px;
  }
  a[aria-current] {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 32px;
    padding: 0 12px;
    border-radius: 8px;
    color: var(--bb-text);
    text-decoration: none;
    font-weight: 500;
    line-height: 1.2;
  }
  a[aria-current] svg {
    flex: none;
    color: var(--bb-muted);
  }
  a[aria-current]:hover {
    background: var(--bb-surface-2);
  }
  a[aria-current='page'] {
    background: var(--bb-primary-soft);
    color: var(--bb-primary-dark);
    font-weight: 700;
  }
  a[aria-current='page'] svg {
    color: var(--bb-primary);
  }
  a:focus-visible,
  select:focus-visible,
  button:focus-visible {
    outline: none;
    box-shadow: var(--bb-focus);
  }
  .switch {
    display: block;
    margin: 0 0 8px;
  }
  select {
    width: 100%;
    min-height: 40px;
    padding: 0 10px;
    border: 1px solid var(--bb-border);
    border-radius: 8px;
    background: var(--bb-surface);
    color: var(--bb-text);
    font: inherit;
    font-weight: 600;
  }
  .branch-name {
    margin: 0 12px 6px;
    font-weight: 700;
    line-height: 1.3;
  }
  .foot {
    margin-top: auto;
    padding: 10px 4px 0;
    border-top: 1px solid var(--bb-border);
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .foot-row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  /* Room for the longest language name ("Nederlands") and the arrow; the logout button goes
     under it when both don't fit side by side. */
  .foot-row .lang {
    flex: 1 0 9.5em;
  }
  .foot-row .logout {
    flex: 1 0 auto;
  }
  .who {
    margin: 0;
    font-size: 14px;
    color: var(--bb-muted);
  }
  .lang {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-size: 13px;
    color: var(--bb-muted);
  }
  .lang select {
    font-weight: 500;
  }
  .logout {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-height: 40px;
    padding: 0 10px;
    white-space: nowrap;
    border: 1px solid var(--bb-border);
    border-radius: 8px;
    background: var(--bb-surface);
    color: var(--bb-text);
    font: inherit;
    cursor: pointer;
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
