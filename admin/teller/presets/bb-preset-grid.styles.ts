import { css } from 'lit';

export const presetGridStyles = css`
  :host {
    display: block;
  }
  .groups {
    columns: 3 300px;
    column-gap: 16px;
  }
  .group {
    break-inside: avoid;
    display: flex;
    flex-direction: column;
    gap: 8px;
    margin-bottom: 14px;
  }
  .group h3 {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 0;
    font-size: 15px;
    font-weight: 700;
    letter-spacing: 0.02em;
    color: var(--cause);
  }
  .tile {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 4px;
    width: 100%;
    min-height: 64px;
    padding: 10px 14px 10px 16px;
    border: 1.5px solid var(--bb-border);
    border-left: 6px solid var(--cause);
    border-radius: 12px;
    background: var(--bb-surface);
    color: var(--bb-text);
    font: inherit;
    text-align: left;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  .tile:active {
    background: var(--bb-surface-2);
  }
  .tile:focus-visible {
    outline: 3px solid var(--bb-primary);
    outline-offset: 2px;
  }
  .tile .head {
    font-size: 17px;
    font-weight: 700;
    line-height: 1.25;
  }
  .tile .rest {
    font-size: 14px;
    line-height: 1.3;
    color: var(--bb-muted);
    display: -webkit-box;
    -webkit-line-clamp: 1;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .tile.other {
    justify-content: center;
    border-style: dashed;
    border-left-style: solid;
  }
  .chips {
    display: flex;
    gap: 6px;
    flex-wrap: wrap;
    margin-top: 4px;
  }
  .chip {
    display: inline-block;
    padding: 2px 10px;
    border-radius: 999px;
    background: var(--bb-surface-2);
    border: 1px solid var(--bb-border);
    font-size: 13px;
    font-weight: 600;
    color: var(--bb-muted);
  }
  .muted {
    color: var(--bb-muted);
  }
  @media (max-width: 900px) {
    .groups {
      columns: 2 260px;
    }
  }
`;
