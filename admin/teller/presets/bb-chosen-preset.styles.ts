import { css } from 'lit';

export const chosenPresetStyles = css`
  :host {
    display: block;
  }
  .chosen {
    padding: 18px 20px;
    border-radius: 12px;
    border: 1.5px solid var(--bb-border);
    border-left: 8px solid var(--cause);
    background: var(--bb-surface-2);
  }
  .chosen-cause {
    display: flex;
    align-items: center;
    gap: 8px;
    font-weight: 700;
    color: var(--cause);
  }
  .chosen-text {
    margin: 8px 0 10px;
    font-size: 22px;
    line-height: 1.35;
  }
  .chip {
    display: inline-block;
    padding: 2px 10px;
    border-radius: 999px;
    background: var(--bb-surface);
    border: 1px solid var(--bb-border);
    font-size: 13px;
    font-weight: 600;
    color: var(--bb-muted);
  }
`;
