import { css } from 'lit';

/**
 * The tablet's look: design tokens (set once on the app, inherited through shadow roots) and the
 * touch-sized buttons every element uses. Calm colours, system fonts, 56 px minimum targets.
 */
export const tokens = css`
  :host {
    --bb-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --bb-bg: #eef1f4;
    --bb-surface: #ffffff;
    --bb-surface-2: #f6f8fa;
    --bb-text: #17202b;
    --bb-muted: #5a6573;
    --bb-border: #d5dbe2;
    --bb-primary: #0b57a4;
    --bb-primary-dark: #08457f;
    --bb-primary-soft: #e3eefa;
    --bb-ok: #1d7a4c;
    --bb-ok-soft: #e1f3e9;
    --bb-warn: #9a5b00;
    --bb-warn-soft: #fff2d6;
    --bb-danger: #b3261e;
    --bb-danger-soft: #fde7e5;
    --bb-radius: 14px;
    --bb-touch: 56px;
    --bb-shadow: 0 1px 2px rgba(16, 24, 40, 0.06), 0 1px 3px rgba(16, 24, 40, 0.08);
    /* The workspace's layout, shared with the toasts so they sit over the notices, never over the panel. */
    --bb-gutter: 20px;
    --bb-notices-w: calc((100vw - 3 * var(--bb-gutter)) * 0.47);
    --bb-toast-room: 96px;
    font-family: var(--bb-font);
    color: var(--bb-text);
  }
`;

export const buttonStyles = css`
  button {
    font: inherit;
    color: inherit;
  }
  .btn {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: var(--bb-touch, 56px);
    min-width: var(--bb-touch, 56px);
    padding: 0 20px;
    border-radius: var(--bb-radius, 14px);
    border: 1.5px solid var(--bb-border);
    background: var(--bb-surface);
    color: var(--bb-text);
    font-size: 18px;
    font-weight: 600;
    line-height: 1.2;
    cursor: pointer;
    user-select: none;
    -webkit-tap-highlight-color: transparent;
    touch-action: manipulation;
    transition: background 120ms, border-color 120ms, transform 80ms;
  }
  .btn:active:not(:disabled) {
    transform: scale(0.98);
  }
  .btn:focus-visible {
    outline: 3px solid var(--bb-primary);
    outline-offset: 2px;
  }
  .btn:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .btn.primary {
    background: var(--bb-primary);
    border-color: var(--bb-primary);
    color: #fff;
  }
  .btn.primary:active:not(:disabled) {
    background: var(--bb-primary-dark);
  }
  .btn.danger {
    color: var(--bb-danger);
    border-color: color-mix(in srgb, var(--bb-danger) 45%, white);
  }
  .btn.ok {
    color: var(--bb-ok);
    border-color: color-mix(in srgb, var(--bb-ok) 45%, white);
  }
  .btn.selected {
    background: var(--bb-primary-soft);
    border-color: var(--bb-primary);
    color: var(--bb-primary-dark);
  }
  .btn.ghost {
    border-color: transparent;
    background: transparent;
  }
  .btn[aria-busy='true'] {
    color: transparent !important;
    pointer-events: none;
  }
  .btn[aria-busy='true']::after {
    content: '';
    position: absolute;
    inset: 0;
    margin: auto;
    width: 22px;
    height: 22px;
    border-radius: 50%;
    border: 3px solid currentColor;
    border-color: var(--bb-muted) transparent var(--bb-muted) transparent;
    animation: bb-spin 0.8s linear infinite;
  }
  .btn.primary[aria-busy='true']::after {
    border-color: #fff transparent #fff transparent;
  }
  @keyframes bb-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .btn {
      transition: none;
    }
  }
`;

export const cardStyles = css`
  .card {
    background: var(--bb-surface);
    border: 1px solid var(--bb-border);
    border-radius: var(--bb-radius);
    box-shadow: var(--bb-shadow);
  }
  .label {
    font-size: 13px;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--bb-muted);
  }
  .muted {
    color: var(--bb-muted);
  }
`;
