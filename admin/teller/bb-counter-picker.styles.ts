import { css } from 'lit';

export const counterPickerStyles = css`
      :host {
        display: block;
        width: 100%;
        padding: 32px;
        max-width: 1100px;
        margin: 0 auto;
        box-sizing: border-box;
      }
      h1 {
        font-size: 30px;
        margin: 0 0 6px;
      }
      header p {
        margin: 0 0 24px;
        font-size: 17px;
      }
      .warn {
        padding: 12px 16px;
        border-radius: 12px;
        background: var(--bb-warn-soft);
        color: var(--bb-warn);
        font-weight: 600;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
        gap: 16px;
      }
      .btn {
        position: relative;
        flex-direction: column;
        align-items: flex-start;
        justify-content: flex-start;
        gap: 6px;
        min-height: 150px;
        padding: 20px;
        text-align: left;
      }
      /* The name and the ticket at the counter share a row; a long name pushes the ticket below, never under it. */
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 2px 12px;
        width: 100%;
      }
      .name {
        min-width: 0;
        font-size: 24px;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .status {
        font-size: 16px;
        font-weight: 600;
        padding: 2px 10px;
        /* A pill on one line, a rounded box when "Paused until 15:54" wraps. */
        border-radius: 10px;
        background: var(--bb-surface-2);
        color: var(--bb-muted);
      }
      .status.open {
        background: var(--bb-ok-soft);
        color: var(--bb-ok);
      }
      .status.paused {
        background: var(--bb-warn-soft);
        color: var(--bb-warn);
      }
      .services {
        font-size: 15px;
        font-weight: 500;
      }
      .ticket {
        flex: none;
        white-space: nowrap;
        font-size: 20px;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        color: var(--bb-primary);
      }
      .ticket-label {
        font-size: 13px;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--bb-muted);
      }
    `;
