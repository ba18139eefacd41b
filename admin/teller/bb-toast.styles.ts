import { css } from 'lit';

export const toastStyles = css`
    :host {
      position: fixed;
      left: 50%;
      bottom: max(16px, env(safe-area-inset-bottom, 0px));
      transform: translateX(-50%);
      z-index: 100;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 10px;
      width: min(560px, calc(100vw - 32px));
      pointer-events: none;
    }
    /* Landscape: over the foot of the notices' column (the same layout as bb-teller-branch), clear of the counter panel. */
    @media (min-width: 901px) and (orientation: landscape) {
      :host {
        left: auto;
        right: calc(var(--bb-gutter, 20px) + 12px);
        transform: none;
        width: min(560px, calc(var(--bb-notices-w, 47vw) - 24px));
      }
    }
    .toast {
      /* Taps go through to the buttons beneath: a toast never stands in the teller's way. */
      pointer-events: none;
      display: flex;
      align-items: center;
      gap: 12px;
      min-height: 52px;
      width: 100%;
      box-sizing: border-box;
      padding: 10px 20px;
      border-radius: 14px;
      background: #1f2a37;
      color: #fff;
      font-size: 18px;
      font-weight: 600;
      line-height: 1.3;
      box-shadow: 0 8px 24px rgba(16, 24, 40, 0.25);
      animation: in 160ms ease-out;
    }
    .msg {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .toast.error {
      background: var(--bb-danger, #b3261e);
    }
    .icon {
      display: inline-grid;
      place-items: center;
      flex: none;
      width: 28px;
      height: 28px;
      border-radius: 50%;
      background: rgba(255, 255, 255, 0.18);
      font-weight: 800;
    }
    .toast.ok .icon {
      background: var(--bb-ok, #1d7a4c);
    }
    @keyframes in {
      from {
        opacity: 0;
        transform: translateY(8px);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .toast {
        animation: none;
      }
    }
  `;
