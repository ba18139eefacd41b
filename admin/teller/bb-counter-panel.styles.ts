import { css } from 'lit';

export const counterPanelStyles = css`
      :host {
        display: block;
        /* Sized by its column, not the screen: narrow columns get the compact rules below. */
        container-type: inline-size;
      }
      section {
        display: flex;
        flex-direction: column;
        gap: 14px;
        padding: 20px 24px 22px;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 16px;
        flex-wrap: wrap;
      }
      h2 {
        margin: 0;
        font-size: 30px;
        font-weight: 800;
      }
      .status {
        display: inline-flex;
        align-items: center;
        gap: 10px;
        padding: 8px 16px;
        border-radius: 999px;
        font-size: 18px;
        font-weight: 700;
        background: var(--bb-surface-2);
        color: var(--bb-muted);
      }
      .status .dot {
        width: 12px;
        height: 12px;
        border-radius: 50%;
        background: currentColor;
      }
      .status.open {
        background: var(--bb-ok-soft);
        color: var(--bb-ok);
      }
      .status.paused {
        background: var(--bb-warn-soft);
        color: var(--bb-warn);
      }
      .facts {
        display: grid;
        grid-template-columns: 1.3fr 1fr;
        gap: 16px;
      }
      .fact {
        padding: 16px 20px;
        border-radius: 12px;
        background: var(--bb-surface-2);
        border: 1px solid var(--bb-border);
        min-width: 0;
      }
      .ticket,
      .count {
        font-size: 60px;
        line-height: 1.05;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        letter-spacing: 0.01em;
        margin: 6px 0 4px;
      }
      .ticket {
        color: var(--bb-primary);
      }
      .ticket.none {
        color: var(--bb-border);
      }
      .sub {
        font-size: 16px;
        color: var(--bb-muted);
      }
      .next {
        margin-top: 2px;
        font-weight: 600;
        color: var(--bb-text);
      }
      .call {
        min-height: 92px;
        font-size: 30px;
        font-weight: 800;
        letter-spacing: 0.01em;
        box-shadow: 0 4px 14px rgba(11, 87, 164, 0.28);
      }
      .row {
        display: grid;
        gap: 12px;
      }
      .row.three {
        grid-template-columns: repeat(3, 1fr);
      }
      .row .btn {
        min-height: 64px;
        padding: 0 10px;
        font-size: 20px;
        white-space: nowrap;
      }
      .counter-state {
        display: flex;
        flex-direction: column;
        gap: 10px;
        padding-top: 14px;
        border-top: 1px solid var(--bb-border);
      }
      .btn.expanded {
        border-color: var(--bb-warn);
        box-shadow: inset 0 0 0 1px var(--bb-warn);
      }
      .pause-choices {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(84px, 1fr));
        gap: 8px;
        padding: 10px 12px 12px;
        border-radius: 12px;
        background: var(--bb-warn-soft);
      }
      .pause-title {
        grid-column: 1 / -1;
        font-weight: 700;
        color: var(--bb-warn);
      }
      .pause-choices .btn {
        padding: 4px 6px;
        white-space: normal;
        line-height: 1.15;
        text-align: center;
        font-size: 18px;
      }
      /* The question when a customer is at the counter: whole sentences, one button a row. */
      .pause-choices.ask {
        grid-template-columns: 1fr;
      }
      .pause-choices.ask .btn {
        white-space: normal;
        padding: 6px 12px;
      }
      .undo {
        width: 100%;
        margin-top: 10px;
      }
      /* A narrow panel (a 1024 px landscape tablet): the labels stay inside their buttons. */
      @container (max-width: 520px) {
        section {
          padding: 18px 18px 20px;
        }
        .row .btn {
          font-size: 17px;
          padding: 0 6px;
        }
        .pause-choices {
          padding: 8px 8px 10px;
          gap: 6px;
        }
        .pause-choices .btn {
          font-size: 15px;
          padding: 0 2px;
        }
      }
      /* A phone: labels may wrap rather than spill out. */
      @container (max-width: 400px) {
        .row .btn,
        .pause-choices .btn {
          white-space: normal;
          font-size: 15px;
        }
        .call {
          font-size: 24px;
        }
      }
      /* A short screen: the panel keeps everything in view with smaller figures and a lower "Call next". */
      @media (max-height: 1100px) and (orientation: portrait), (max-height: 780px) and (orientation: landscape) {
        section {
          gap: 12px;
          padding-top: 16px;
          padding-bottom: 18px;
        }
        .fact {
          padding: 12px 18px;
        }
        .ticket,
        .count {
          font-size: 50px;
        }
        .call {
          min-height: 80px;
        }
        .row .btn {
          min-height: 58px;
        }
        .counter-state {
          padding-top: 12px;
        }
      }
    `;
