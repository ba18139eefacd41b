import { css } from 'lit';
import { pageStyles } from './page-styles';

/** A list of things (services, counters, presets, screens) with a row each and the form opening in place. */
export const listEditorStyles = [
  pageStyles,
  css`
    ul.items {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    ul.items > li {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr) minmax(0, 1fr) auto;
      align-items: center;
      gap: 16px;
      padding: 14px 16px;
      background: var(--bb-surface);
      border: 1px solid var(--bb-border);
      border-radius: var(--bb-radius);
    }
    ul.items > li.editing {
      display: block;
      padding: 20px 22px;
      border-color: var(--bb-primary);
      box-shadow: var(--bb-focus);
    }
    .badge {
      display: grid;
      place-items: center;
      width: 40px;
      height: 40px;
      border-radius: 10px;
      background: var(--bb-primary-soft);
      color: var(--bb-primary-dark);
      font-weight: 800;
      font-size: 18px;
    }
    .main,
    .facts {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    .main strong {
      font-size: 16px;
    }
    .muted {
      font-size: 14px;
    }
    .row-actions {
      display: flex;
      gap: 6px;
    }
    .error {
      margin-bottom: 12px;
    }
  `,
];
