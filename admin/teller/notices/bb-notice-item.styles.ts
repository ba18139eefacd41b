import { css } from 'lit';

export const noticeItemStyles = css`
  :host {
    display: block;
  }
  .notice {
    padding: 14px 16px 16px 18px;
    background: var(--bb-surface);
    border: 1px solid var(--bb-border);
    border-left: 6px solid var(--cause);
    border-radius: var(--bb-radius);
    box-shadow: var(--bb-shadow);
  }
  .notice.resolved {
    border-left-color: var(--bb-ok);
    background: var(--bb-surface-2);
    box-shadow: none;
    opacity: 0.8;
  }
  .notice.overdue {
    border-color: var(--bb-warn);
    border-left-color: var(--cause);
  }
  .top {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 6px 12px;
  }
  .cause {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    font-weight: 800;
    font-size: 17px;
    color: var(--cause);
  }
  .effect {
    font-size: 15px;
    font-weight: 600;
    color: var(--bb-muted);
  }
  .tag {
    margin-left: auto;
    padding: 2px 10px;
    border-radius: 999px;
    font-size: 13px;
    font-weight: 700;
    background: var(--bb-surface-2);
    border: 1px solid var(--bb-border);
    color: var(--bb-muted);
  }
  .text {
    margin: 8px 0 6px;
    font-size: 17px;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  .closing {
    font-style: italic;
  }
  .note {
    margin-top: 0;
  }
  .note-label {
    font-weight: 700;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    font-size: 15px;
    color: var(--bb-muted);
  }
  .meta > span + span::before {
    content: '·';
    margin-right: 8px;
    color: var(--bb-muted);
    font-weight: 400;
  }
  .end {
    font-weight: 700;
    color: var(--bb-text);
  }
  .resolved-at {
    font-weight: 700;
    color: var(--bb-ok);
  }
  .overdue {
    margin: 10px 0 0;
    padding: 8px 12px;
    border-radius: 10px;
    background: var(--bb-warn-soft);
    color: var(--bb-warn);
    font-weight: 600;
    font-size: 15px;
  }
  .actions {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 10px;
    margin-top: 12px;
  }
`;
