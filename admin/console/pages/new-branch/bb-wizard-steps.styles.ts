import { css } from 'lit';

export const wizardStepsStyles = css`
  ol {
    list-style: none;
    display: flex;
    gap: 6px;
    margin: 0 0 22px;
    padding: 0;
    flex-wrap: wrap;
  }
  li {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    padding: 6px 14px 6px 6px;
    border-radius: 999px;
    background: var(--bb-surface);
    border: 1px solid var(--bb-border);
    color: var(--bb-muted);
    font-size: 14px;
    font-weight: 600;
  }
  .n {
    display: grid;
    place-items: center;
    width: 24px;
    height: 24px;
    border-radius: 50%;
    background: var(--bb-surface-2);
    font-size: 13px;
  }
  li.done {
    color: var(--bb-ok);
  }
  li.done .n {
    background: var(--bb-ok-soft);
  }
  li.now {
    color: var(--bb-primary-dark);
    border-color: var(--bb-primary);
    background: var(--bb-primary-soft);
  }
  li.now .n {
    background: var(--bb-primary);
    color: #fff;
  }
`;
