import { css } from 'lit';

export const counterTileStyles = css`
      :host {
        display: block;
        min-width: 0;
        container-type: inline-size;
      }
      .tile {
        --accent: var(--bb-off);
        height: 100%;
        box-sizing: border-box;
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas:
          'name main'
          'status status'
          'back back'
          'notice notice';
        align-content: start;
        gap: 0 1rem;
        padding: 0.6rem 1.2rem 0.7rem;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
        border-top: 0.45rem solid var(--accent);
      }
      .tile[data-status='open'] {
        --accent: var(--bb-ok);
      }
      .tile[data-status='paused'] {
        --accent: var(--bb-warn);
      }
      .tile[data-status='closed'] {
        background: transparent;
        box-shadow: inset 0 0 0 0.12rem var(--bb-line);
      }
      .name {
        grid-area: name;
        font-size: max(var(--bb-min, 0px), 1.7rem);
        font-weight: 800;
        line-height: 1.1;
        min-width: 0;
        overflow-wrap: break-word;
      }
      .name .l1 {
        font-size: max(var(--bb-min, 0px), 0.8em);
        margin-top: 0;
      }
      .status {
        grid-area: status;
        margin-top: 0.35rem;
        display: flex;
        align-items: center;
        gap: 0.45em;
        font-size: max(var(--bb-min, 0px), 1.35rem);
        font-weight: 700;
        color: var(--accent);
      }
      .status svg {
        flex: none;
        width: 1.2em;
        height: 1.2em;
      }
      .status .i1,
      .status .sep {
        color: inherit;
        opacity: 0.85;
      }
      .main {
        grid-area: main;
        font-size: max(var(--bb-min, 0px), 2.8rem);
        font-weight: 800;
        line-height: 1;
        font-variant-numeric: tabular-nums;
        color: var(--bb-call);
      }
      /* When a paused counter is back: its own line under the status, the full width of the tile,
         so a long one ("In ritardo sul previsto (15:48)", a day before the time) wraps there and
         never crowds the counter's name. */
      .back {
        grid-area: back;
        margin-top: 0.3rem;
        font-size: max(var(--bb-min, 0px), 1.3rem);
        font-weight: 700;
        line-height: 1.2;
        color: var(--bb-text);
        font-variant-numeric: tabular-nums;
        min-width: 0;
      }
      .back[data-late='true'] {
        color: var(--bb-late);
      }
      .back .i1,
      .back .sep {
        font-weight: 600;
        color: inherit;
        opacity: 0.8;
      }
      .notice {
        grid-area: notice;
        margin-top: 0.35rem;
        display: flex;
        align-items: center;
        gap: 0.45em;
        font-size: max(var(--bb-min, 0px), 1.2rem);
        font-weight: 700;
        color: var(--bb-warn);
        min-width: 0;
      }
      .notice svg {
        flex: none;
        width: 1.3em;
        height: 1.3em;
      }
      /* Paused by a notice: its cause stands in the status's place. */
      .status.notice {
        grid-area: status;
        margin-top: 0.35rem;
      }
      /* A narrow tile (many counters in a row): the name across the top, the ticket beside the status. */
      @container (max-width: 21rem) {
        .tile {
          grid-template-areas:
            'name name'
            'status main'
            'back back'
            'notice notice';
          padding: 0.7rem 1rem 0.8rem;
        }
        .name {
          font-size: max(var(--bb-min, 0px), 1.5rem);
        }
        .main {
          font-size: max(var(--bb-min, 0px), 2.4rem);
          align-self: end;
        }
        .status {
          font-size: max(var(--bb-min, 0px), 1.2rem);
          align-items: flex-start;
        }
        .status .sep {
          display: none;
        }
        .status .i1 {
          display: block;
          font-size: max(var(--bb-min, 0px), 0.85em);
        }
      }
      @media (max-width: 899px) {
        .tile {
          padding: 0.6rem 0.8rem 0.7rem;
          column-gap: 0.6rem;
          border-top-width: 0.3rem;
        }
        .name {
          font-size: max(var(--bb-min, 0px), 1.05rem);
        }
        .status {
          font-size: max(var(--bb-min, 0px), 0.9rem);
        }
        .main {
          font-size: max(var(--bb-min, 0px), 1.5rem);
        }
        .back {
          font-size: max(var(--bb-min, 0px), 0.9rem);
        }

        .notice {
          font-size: max(var(--bb-min, 0px), 0.85rem);
        }
      }
    `;
