import { css } from 'lit';
import { pageStyles } from '../../parts/page-styles';

export const presetRowStyles = [
  pageStyles,
  css`
    .row {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr) auto;
      gap: 14px;
      align-items: center;
      padding: 14px 16px;
      background: var(--bb-surface);
      border: 1px solid var(--bb-border);
      border-left: 5px solid var(--cause);
      border-radius: var(--bb-radius);
    }
    .row.hidden {
      opacity: 0.6;
    }
    .icon {
      display: grid;
      place-items: center;
      width: 38px;
      height: 38px;
      border-radius: 50%;
      background: var(--cause);
      color: #fff;
    }
    .icon svg {
      width: 22px;
      height: 22px;
    }
    .main {
      display: flex;
      flex-direction: column;
      gap: 3px;
      min-width: 0;
    }
    .cause {
      font-size: 13px;
      font-weight: 700;
      color: var(--bb-muted);
    }
    .text {
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-top: 2px;
    }
    .tag {
      font-size: 12px;
      font-weight: 700;
      padding: 1px 8px;
      border-radius: 999px;
      background: var(--bb-surface-2);
      color: var(--bb-muted);
      border: 1px solid var(--bb-border);
    }
    .tag.override,
    .tag.branch {
      background: var(--bb-primary-soft);
      color: var(--bb-primary-dark);
      border-color: transparent;
    }
    .tag.warn {
      background: var(--bb-warn-soft);
      color: #7a4800;
      border-color: transparent;
    }
    .tag.ok {
      background: var(--bb-ok-soft);
      color: var(--bb-ok);
      border-color: transparent;
    }
    .actions {
      display: flex;
      gap: 6px;
    }
  `,
];
