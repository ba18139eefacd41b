import { css } from 'lit';

export const waitEstimateStyles = css`
      :host {
        --est: 1.75rem;
        --why: 1.75rem;
        display: block;
        min-width: 0;
      }
      /* The figure and the reasons are parts: a parent may place them apart (display: contents on
         this element, then ::part(figure) and ::part(reasons)), as the waiting list does on the TV. */
      .wrap {
        display: contents;
      }
      /* Icon column of the same width for the estimate and its reasons, so their words line up. */
      .row {
        display: grid;
        grid-template-columns: calc(var(--est) * 1.6) minmax(0, 1fr);
        column-gap: calc(var(--est) * 0.4);
        align-items: start;
      }
      .icon {
        display: block;
        justify-self: center;
        width: 1.15em;
        height: 1.15em;
        margin-top: 0.05em;
        color: var(--bb-text-3);
      }
      .estimate {
        font-size: max(var(--bb-min, 0px), var(--est));
        line-height: 1.15;
        color: var(--bb-text-2);
        text-wrap: balance;
      }
      .estimate .l0 .label {
        color: var(--bb-text-2);
      }
      .estimate .shared {
        text-wrap: pretty;
      }
      .estimate .shared .other,
      .estimate .shared .sep {
        color: var(--bb-text-3);
      }
      .fig {
        font-weight: 800;
        color: var(--bb-text);
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .range {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .estimate .l1 {
        font-size: max(var(--bb-min, 0px), 0.8em);
        margin-top: 0.1em;
        color: var(--bb-text-3);
      }
      .estimate .l1 .fig {
        font-weight: 700;
        color: var(--bb-text-2);
      }
      .unknown .l0 {
        color: var(--bb-text-2);
      }
      .unknown .l1 {
        color: var(--bb-text-3);
      }
      .pending {
        font-style: italic;
      }
      /* Reasons: quieter than the figure, an amber icon saying "unusual" without alarm. */
      ul {
        list-style: none;
        margin: 0.55rem 0 0;
        padding: 0;
        display: grid;
        gap: 0.4rem;
        font-size: max(var(--bb-min, 0px), var(--why));
        line-height: 1.2;
      }
      li .icon {
        width: 1.1em;
        height: 1.1em;
        color: var(--bb-warn);
      }
      li .i0 {
        color: var(--bb-text-2);
        font-weight: 600;
      }
      li .i1,
      li .sep {
        font-size: max(var(--bb-min, 0px), 0.85em);
        color: var(--bb-text-3);
      }
      @media (max-width: 899px) {
        :host {
          --est: 1rem;
          --why: 0.9rem;
        }
        ul {
          margin-top: 0.35rem;
          gap: 0.3rem;
        }
      }
    `;
