import { css } from 'lit';

export const waitingListStyles = css`
      /* On the TV: the room the grid gives, no more; the rows page when they do not fit. */
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        overflow: hidden;
      }
      ul {
        flex: 1 1 auto;
        min-height: 0;
        overflow: hidden;
        align-content: start;
      }
      /* The page dots (ui/theme/pager-styles.ts), at the right. */
      .pager {
        margin-left: auto;
        font-size: max(var(--bb-min, 0px), 1.45rem);
      }
      /* The heading, and beside it (or under it when it does not fit) the counters open against the plan. */
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 1.6rem;
        margin: 0 0 0.6rem;
      }
      h2 {
        margin: 0;
        font-size: max(var(--bb-min, 0px), 1.45rem);
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--bb-text-2);
      }
      h2 .i0 {
        color: var(--bb-text);
      }
      /* One row per service: count, name, and the expected wait beside them. The rows share their
         columns (subgrid), so the estimates line up whatever the length of the names. */
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: auto fit-content(15rem) minmax(0, 1fr);
        gap: 0.5rem 0;
      }
      li {
        grid-column: 1 / -1;
        min-width: 0;
        display: grid;
        grid-template-columns: subgrid;
        align-items: center;
        padding: 0.4rem 1.2rem 0.4rem 0.4rem;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
      }
      /* The expected wait and the promise, one above the other, beside the name. */
      .facts {
        min-width: 0;
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
        padding: 0 0 0 1.4rem;
        border-left: 0.12rem solid var(--bb-line);
      }
      .facts:empty {
        display: none;
      }
      .name {
        padding-right: 1.4rem;
      }
      /* Capacity below plan and the promise, in plain words from live data, beside the counts. */
      .capacity {
        padding: 0.2rem 1rem;
        border-left: 0.4rem solid var(--bb-warn);
        border-radius: 0.3rem;
        background: var(--bb-surface);
        font-size: max(var(--bb-min, 0px), 1.7rem);
        font-weight: 700;
        color: var(--bb-warn);
      }
      .promise {
        display: flex;
        flex-direction: column;
        gap: 0.1rem;
        line-height: 1.15;
        font-size: max(var(--bb-min, 0px), 1.3rem);
        color: var(--bb-text-2);
      }
      /* "within 15 min" breaks between its languages, never between the figure and its unit. */
      .promise .aim .i0,
      .promise .aim .i1 {
        white-space: nowrap;
      }
      .promise .missed {
        font-weight: 700;
        color: var(--bb-warn);
      }
      .count {
        flex: none;
        font-size: max(var(--bb-min, 0px), 4rem);
        font-weight: 800;
        line-height: 1;
        font-variant-numeric: tabular-nums;
        min-width: 1.3em;
        padding: 0 0.6rem;
        text-align: center;
      }
      .name {
        min-width: 0;
        overflow-wrap: break-word;
        font-size: max(var(--bb-min, 0px), 1.9rem);
        font-weight: 700;
        line-height: 1.1;
      }
      .name .l1 {
        font-size: max(var(--bb-min, 0px), 0.8em);
      }
      .sr {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      /* A TV on its side: a narrower name column (names wrap between words, never inside one: at
         least its longest word) leaves the estimate and the promise a line less. */
      @media (min-width: 900px) and (orientation: portrait) {
        ul {
          grid-template-columns: auto minmax(min-content, 11rem) minmax(0, 1fr);
        }
      }
      @media (max-width: 899px) {
        :host {
          display: block;
          overflow: visible;
        }
        ul {
          overflow: visible;
        }
        .pager {
          display: none;
        }
        h2 {
          font-size: max(var(--bb-min, 0px), 1rem);
          margin-bottom: 0.6rem;
        }
        ul {
          grid-template-columns: 1fr;
          gap: 0.5rem;
        }
        li {
          grid-template-columns: auto minmax(0, 1fr);
          padding: 0.6rem 0.8rem 0.7rem 0.4rem;
        }
        .name {
          padding-right: 0;
        }
        .facts {
          grid-column: 1 / -1;
          margin: 0.55rem 0 0 0.4rem;
          padding: 0.55rem 0 0;
          border-left: none;
          border-top: 0.08rem solid var(--bb-line);
        }
        .count {
          font-size: max(var(--bb-min, 0px), 2.2rem);
        }
        .capacity {
          font-size: max(var(--bb-min, 0px), 1rem);
          padding: 0.4rem 0.7rem;
        }
        .promise {
          font-size: max(var(--bb-min, 0px), 0.9rem);
        }
        .name {
          font-size: max(var(--bb-min, 0px), 1.05rem);
        }
      }
    `;
