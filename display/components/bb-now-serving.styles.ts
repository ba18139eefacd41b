import { css } from 'lit';

export const nowServingStyles = css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      h2 {
        flex: none;
        margin: 0 0 1.2rem;
        font-size: max(var(--bb-min, 0px), 1.9rem);
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--bb-text-2);
      }
      h2 .i0 {
        color: var(--bb-text);
      }
      /* Only whole rows: the list is measured and packed tighter (or told to show fewer) until its
         rows fit; the clip is only a last guard. Sizes in the list are in em of its font size, so
         --k (set by fit()) scales a whole layout down a little before a tighter one is tried. */
      ol {
        font-size: calc(1rem * var(--k, 1));
        flex: 1;
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        align-content: start;
        gap: 0.7em 0.8em;
        min-height: 0;
        overflow: hidden;
      }
      ol.half {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      li {
        display: grid;
        grid-template-columns: minmax(0, auto) 3em minmax(0, 1fr) auto;
        align-items: center;
        gap: 1.2em;
        min-width: 0;
        box-sizing: border-box;
        padding: 0.45em 1.6em;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
        border: 0.2rem solid transparent;
      }
      .ticket {
        font-size: max(var(--bb-min, 0px), 3.3em);
        font-weight: 800;
        line-height: 1;
        font-variant-numeric: tabular-nums;
        letter-spacing: 0.01em;
        color: var(--bb-call);
        white-space: nowrap;
      }
      .arrow {
        width: 3em;
        height: 3em;
        color: var(--bb-text-3);
      }
      .counter {
        font-size: max(var(--bb-min, 0px), 2em);
        font-weight: 700;
        line-height: 1.1;
        min-width: 0;
        overflow-wrap: break-word;
      }
      /* The counter's name with, beneath it, why this call (reason, service) and "Called again":
         the tag used to sit at the end of the row and squeezed the name onto two lines. */
      .where {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 0.25em;
        min-width: 0;
      }
      .why {
        font-size: max(var(--bb-min, 0px), 1.45em);
        font-weight: 600;
        line-height: 1.15;
        color: var(--bb-text-2);
      }
      li.lead .why {
        font-size: max(var(--bb-min, 0px), 1.8em);
      }
      .why .l0,
      .why .l1 {
        display: inline;
        font-size: max(var(--bb-min, 0px), 1em);
      }
      .why .l1 {
        opacity: 0.8;
      }
      .why .l1::before {
        content: ' / ';
      }
      /* "Called again": shown only while the call is highlighted. */
      .recall {
        justify-self: end;
        padding: 0.3em 0.7em;
        border: 0.15rem solid var(--bb-call);
        border-radius: 0.6em;
        font-size: max(var(--bb-min, 0px), 1.35em);
        font-weight: 700;
        line-height: 1.15;
        color: var(--bb-call);
        text-align: right;
      }
      .recall .l1 {
        color: inherit;
        opacity: 0.85;
        font-weight: 600;
      }
      li.lead .recall {
        font-size: max(var(--bb-min, 0px), 1.6em);
      }
      /* Level 0, rows after the first: the names side by side, "Sportello 2 · Counter 2". */
      ol[data-level='0'] li:not(.lead) .counter .l0,
      ol[data-level='0'] li:not(.lead) .counter .l1 {
        display: inline;
        font-size: max(var(--bb-min, 0px), 1em);
      }
      ol[data-level='0'] li:not(.lead) .counter .l1::before {
        content: ' · ';
      }
      /* The newest call: a lighter ground at every level. */
      li.first {
        background: var(--bb-surface-2);
      }
      /* Level 0 and 1: the newest across the whole width, large. */
      li.lead {
        padding: 1em 1.8em;
      }
      li.lead .ticket {
        font-size: max(var(--bb-min, 0px), 6.2em);
      }
      li.lead .counter {
        font-size: max(var(--bb-min, 0px), 3em);
      }
      ol[data-level='1'] li.lead {
        grid-column: 1 / -1;
        padding: 0.5em 1.6em;
      }
      ol[data-level='1'] li.lead .ticket {
        font-size: max(var(--bb-min, 0px), 4.4em);
      }
      ol[data-level='1'] li.lead .counter {
        font-size: max(var(--bb-min, 0px), 2.2em);
      }
      /* Levels 1–3, two per row: the names stacked, smaller. */
      ol.half li:not(.lead) {
        grid-template-columns: minmax(0, auto) 2em minmax(0, 1fr) auto;
        gap: 0.8em;
        padding: 0.45em 1.1em;
      }
      ol.half li:not(.lead) .ticket {
        font-size: max(var(--bb-min, 0px), 2.9em);
      }
      ol.half li:not(.lead) .arrow {
        width: 2em;
        height: 2em;
      }
      ol.half li:not(.lead) .counter {
        font-size: max(var(--bb-min, 0px), 1.65em);
      }
      ol.half li:not(.lead) .recall {
        grid-column: 1 / -1;
        justify-self: start;
        padding: 0;
        border: none;
        font-size: max(var(--bb-min, 0px), 1.2em);
      }
      ol.half li:not(.lead) .recall .l0,
      ol.half li:not(.lead) .recall .l1 {
        display: inline;
        font-size: max(var(--bb-min, 0px), 1em);
      }
      ol.half li:not(.lead) .recall .l1::before {
        content: ' · ';
      }
      /* Level 3: each call on one line (two to a row when they fit): the ticket, then the
         counter's names side by side and why ("A002 → Sportello 3 · Counter 3 · Nuova chiamata · Called again"). No language is
         left out and no text goes under --bb-min: the rows get shorter, not the words smaller. */
      ol.half.oneline {
        /* Two to a row where a row is wide enough for two one-line calls, else one. */
        grid-template-columns: repeat(auto-fill, minmax(34rem, 1fr));
        gap: 0.4em 0.8em;
      }
      ol.half.oneline li:not(.lead) {
        padding: 0.3em 1.2em;
      }
      ol.half.oneline li:not(.lead) .ticket {
        font-size: max(var(--bb-min, 0px), 2.9em);
      }
      /* Level 3: the newest, with its tag, across the row on one line. */
      ol.half.oneline[data-level='3'] li.first.tagged {
        grid-column: 1 / -1;
      }
      /* The newest call still stands out. */
      ol.half.oneline li.first .ticket {
        font-size: max(var(--bb-min, 0px), 3.5em);
      }
      ol.half.oneline li:not(.lead) .where {
        flex-direction: row;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0 0.8em;
      }
      ol.half.oneline li:not(.lead) .counter .l0,
      ol.half.oneline li:not(.lead) .counter .l1,
      ol.half.oneline li:not(.lead) .why .l0,
      ol.half.oneline li:not(.lead) .why .l1 {
        display: inline;
        margin: 0;
      }
      ol.half.oneline li:not(.lead) .counter .l1::before {
        content: ' · ';
      }
      ol.half.oneline li:not(.lead) .recall {
        grid-column: auto;
      }
      li.fresh {
        border-color: var(--bb-call);
        animation: flash 1.2s ease-in-out 3;
      }
      @keyframes flash {
        0%,
        100% {
          background: var(--bb-surface-2);
        }
        50% {
          background: #3a320d;
        }
      }
      .more {
        flex: none;
        margin-top: 0.7rem;
        padding: 0.5rem 1.6rem;
        border-radius: var(--bb-radius);
        border: 0.15rem dashed var(--bb-line);
        font-size: max(var(--bb-min, 0px), 1.45rem);
        font-weight: 700;
      }
      .sr {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .empty {
        font-size: max(var(--bb-min, 0px), 2.2rem);
        font-weight: 600;
        color: var(--bb-text-2);
        padding: 2rem 2.2rem;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
      }
      @media (prefers-reduced-motion: reduce) {
        li.fresh {
          animation: none;
        }
      }
      /* Phone: the page scrolls, so every call shows, one per row. */
      @media (max-width: 899px) {
        h2 {
          font-size: max(var(--bb-min, 0px), 1rem);
          margin-bottom: 0.6rem;
        }
        ol,
        ol.half {
          grid-template-columns: minmax(0, 1fr);
          row-gap: 0.5em;
          overflow: visible;
        }
        li,
        li.lead {
          gap: 0.6em;
          padding: 0.6em 0.9em;
          grid-template-columns: minmax(0, auto) 1.4em minmax(0, 1fr);
        }
        li,
        li.lead {
          row-gap: 0.2em;
        }
        .recall,
        li.lead .recall {
          grid-column: 3;
          justify-self: start;
          text-align: left;
          padding: 0;
          border: none;
        }
        .recall .l0,
        .recall .l1 {
          display: inline;
          font-size: max(var(--bb-min, 0px), 1em);
        }
        .recall .l1::before {
          content: ' · ';
        }
        .ticket {
          font-size: max(var(--bb-min, 0px), 2em);
        }
        li.lead .ticket {
          font-size: max(var(--bb-min, 0px), 2.8em);
        }
        .counter,
        li.lead .counter {
          font-size: max(var(--bb-min, 0px), 1.25em);
        }
        ol[data-level] li:not(.lead) .counter .l0,
        ol[data-level] li:not(.lead) .counter .l1 {
          display: block;
        }
        ol[data-level] li:not(.lead) .counter .l1 {
          font-size: max(var(--bb-min, 0px), 0.72em);
        }
        ol[data-level] li:not(.lead) .counter .l1::before {
          content: none;
        }
        .arrow {
          width: 1.4em;
          height: 1.4em;
        }
        .recall,
        li.lead .recall {
          font-size: max(var(--bb-min, 0px), 0.8em);
        }
        .empty {
          font-size: max(var(--bb-min, 0px), 1.05rem);
          padding: 1rem;
        }
      }
    `;
