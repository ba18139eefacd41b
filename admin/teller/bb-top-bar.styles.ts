import { css } from 'lit';

export const topBarStyles = css`
      :host {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 16px;
        min-height: 64px;
        padding: 4px 12px 4px 20px;
        box-sizing: border-box;
        background: var(--bb-surface);
        border-bottom: 1px solid var(--bb-border);
      }
      .where,
      .tools {
        display: flex;
        align-items: center;
        gap: 14px;
        min-width: 0;
      }
      .brand {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        font-weight: 800;
        font-size: 17px;
        color: var(--bb-primary);
        white-space: nowrap;
      }
      .mark {
        width: 14px;
        height: 14px;
        border-radius: 4px;
        background: var(--bb-primary);
      }
      .branch {
        font-size: 16px;
        color: var(--bb-muted);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .counter {
        gap: 10px;
        padding: 0 12px;
        white-space: nowrap;
        min-width: 0;
      }
      .cname {
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        font-size: 18px;
        font-weight: 800;
      }
      .change {
        font-size: 14px;
        font-weight: 600;
        color: var(--bb-primary);
        text-decoration: underline;
        text-underline-offset: 3px;
      }
      .clock {
        font-size: 22px;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .langs select {
        min-height: var(--bb-touch);
        padding: 0 12px;
        font: inherit;
        font-size: 16px;
        font-weight: 600;
        color: var(--bb-text);
        background: var(--bb-surface);
        border: 1px solid var(--bb-border);
        border-radius: 10px;
      }
      .sr {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      /* Names are typed by staff (80 letters): a long one ends in an ellipsis, the strip keeps its place. */
      .user {
        min-width: 0;
        max-width: 14em;
        overflow: hidden;
        text-overflow: ellipsis;
        font-size: 15px;
        color: var(--bb-muted);
        white-space: nowrap;
      }
      .tools .btn {
        white-space: nowrap;
      }
      /* A landscape tablet (1180 px): the product's name gives its room to the branch's, and a
         long "Se déconnecter" stays on one line. */
      @media (max-width: 1280px) {
        .brand-name {
          display: none;
        }
        .tools {
          gap: 10px;
        }
        .tools .btn {
          padding: 0 10px;
        }
      }
      /* Where the branch's name shows, it gives way (ellipsis) before the counter's. */
      @media (min-width: 901px) {
        .counter {
          flex-shrink: 0;
          max-width: 40vw;
        }
      }
      @media (max-width: 900px) {
        .branch,
        .user,
        .change {
          display: none;
        }
      }
    `;
