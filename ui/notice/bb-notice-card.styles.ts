import { css } from 'lit';

export const noticeCardStyles = css`
      :host {
        display: block;
        --accent: var(--bb-warn);
        --fs-cause: 1.8rem;
        --fs-meta: 1.45rem;
        --fs-text: 2.2rem;
        --fs-when: 1.75rem;
        --icon: 3.8rem;
      }
      /* A piece left for the next part (pieces() and showPart()): the author styles set display. */
      [hidden] {
        display: none !important;
      }
      :host([density='large']) {
        --fs-cause: 2.3rem;
        --fs-meta: 1.75rem;
        --fs-text: 3rem;
        --fs-when: 2.3rem;
        --icon: 5rem;
      }
      /* Three notices and more (they page): at --bb-min, the main text set apart by its weight. */
      :host([density='compact']) {
        --fs-cause: 1.8rem;
        --fs-meta: 1.75rem;
        --fs-text: 1.75rem;
        --fs-when: 1.4rem;
        --icon: 3rem;
      }
      /* Icon | cause, with scope and effect right beneath it; "since" (and "updated") float at the
         right, so a two-line one never opens a gap between the cause and its scope, and the scope
         takes the full width once past it. Then the body. */
      article {
        position: relative;
        display: grid;
        grid-template-columns: var(--icon) minmax(0, 1fr);
        grid-template-areas:
          'badge title'
          'body body';
        align-items: start;
        column-gap: 1.6rem;
        row-gap: 0.9rem;
        padding: 1.6rem 2rem 1.6rem 2.2rem;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
        border-left: 0.7rem solid var(--accent);
        line-height: 1.25;
      }
      article[data-status='overdue'] {
        --accent: var(--bb-late);
      }
      article[data-status='resolved'] {
        --accent: var(--bb-ok);
      }
      .badge {
        grid-area: badge;
        width: var(--icon);
        height: var(--icon);
        border-radius: 50%;
        display: grid;
        place-items: center;
        background: var(--accent);
        color: var(--bb-on-accent);
      }
      .badge svg {
        width: 62%;
        height: 62%;
      }
      /* The cause, its scope and effect, then since when: at --bb-min a "since" floating beside the
         cause squeezed it onto three lines. */
      .title {
        grid-area: title;
        min-width: 0;
        display: flex;
        flex-direction: column;
      }
      .side {
        order: 3;
        margin: 0.3rem 0 0;
      }
      .cause {
        font-size: max(var(--bb-min, 0px), var(--fs-cause));
        font-weight: 800;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .chip {
        flex: none;
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
        padding: 0.25em 0.7em;
        border-radius: 999px;
        border: 0.15rem solid var(--accent);
        color: var(--accent);
        font-size: max(var(--bb-min, 0px), var(--fs-meta));
        font-weight: 700;
        white-space: nowrap;
      }
      .chip .i1,
      .chip .sep {
        color: inherit;
        opacity: 0.85;
      }
      .chip svg {
        width: 1.1em;
        height: 1.1em;
      }
      .where {
        margin-top: 0.35rem;
        font-size: max(var(--bb-min, 0px), var(--fs-meta));
        line-height: 1.35;
        overflow-wrap: anywhere;
        color: var(--bb-text-2);
      }
      .where > span {
        display: inline-flex;
        align-items: baseline;
        gap: 0.45em;
        max-width: 100%;
        margin-right: 1.4rem;
      }
      .where svg {
        width: 1em;
        height: 1em;
        align-self: center;
        flex: none;
        color: var(--bb-text-3);
      }
      .where .i0 {
        color: var(--bb-text);
        font-weight: 700;
      }
      .body {
        grid-area: body;
        min-width: 0;
        display: flex;
        flex-direction: column;
        gap: 0.8rem;
      }
      /* Staff and preset text: a long unbroken word (a web address, a compound) breaks rather than
         overflowing the card. */
      .text {
        font-size: max(var(--bb-min, 0px), var(--fs-text));
        font-weight: 600;
        hyphens: auto;
        overflow-wrap: anywhere;
        min-width: 0;
      }
      .text .l1 {
        margin-top: 0.45em;
      }
      .note-lang {
        display: block;
        margin-top: 0.2em;
        font-size: max(var(--bb-min, 0px), var(--fs-meta));
        font-style: italic;
        color: var(--bb-text-2);
      }
      .prevention {
        margin-top: 0.4em;
        padding-left: 0.8em;
        border-left: 0.25rem solid var(--bb-ok);
      }
      .prevention-label {
        font-size: max(var(--bb-min, 0px), var(--fs-meta));
        font-weight: 700;
        color: var(--bb-ok);
      }
      .apology {
        font-size: max(var(--bb-min, 0px), var(--fs-meta));
        font-style: italic;
        color: var(--bb-text-2);
      }
      .when {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        gap: 0.6rem 2.4rem;
        padding-top: 0.9rem;
        border-top: 0.1rem solid var(--bb-line);
      }
      .expected {
        flex: 1 1 auto;
        display: flex;
        gap: 0.6em;
        font-size: max(var(--bb-min, 0px), var(--fs-when));
        font-weight: 800;
        color: var(--accent);
      }
      .expected svg,
      .resolved-line svg {
        flex: none;
        width: 1.1em;
        height: 1.1em;
        margin-top: 0.05em;
      }
      .expected .l1,
      .resolved-line .l1 {
        color: inherit;
        opacity: 0.85;
        font-size: max(var(--bb-min, 0px), 0.8em);
      }
      .since {
        display: flex;
        flex-direction: column;
        align-items: flex-end;
        gap: 0.2em;
        font-size: max(var(--bb-min, 0px), var(--fs-meta));
        color: var(--bb-text-2);
        font-variant-numeric: tabular-nums;
      }
      .since .i0 {
        color: var(--bb-text);
        font-weight: 600;
      }
      .since .updated .i0 {
        color: var(--accent);
      }
      .text.original {
        font-size: max(var(--bb-min, 0px), calc(var(--fs-text) * 0.8));
        font-weight: 400;
        color: var(--bb-text-2);
      }
      .text.original .l1 {
        color: var(--bb-text-3);
      }
      .resolved-line {
        display: flex;
        gap: 0.6em;
        font-size: max(var(--bb-min, 0px), var(--fs-when));
        font-weight: 800;
        color: var(--bb-ok);
      }
      :host([density='compact']) article {
        row-gap: 0.5rem;
        padding: 1rem 1.5rem 1rem 1.7rem;
      }
      :host([density='compact']) .body {
        gap: 0.6rem;
      }
      :host([density='compact']) .when {
        padding-top: 0.6rem;
      }
      :host([density='compact']) .expected .i1,
      :host([density='compact']) .expected .sep,
      :host([density='compact']) .resolved-line .i1,
      :host([density='compact']) .resolved-line .sep {
        color: inherit;
        opacity: 0.8;
        font-weight: 600;
      }
      @media (max-width: 899px) {
        :host,
        :host([density]) {
          --fs-cause: 1.15rem;
          --fs-meta: 0.95rem;
          --fs-text: 1.15rem;
          --fs-when: 1.05rem;
          --icon: 2.6rem;
        }
        .text .l1 {
          font-size: max(var(--bb-min, 0px), 0.85em);
        }
        article {
          padding: 1rem 1rem 1rem 1.1rem;
          column-gap: 0.8rem;
          row-gap: 0.5rem;
          border-left-width: 0.4rem;
        }
        .title {
          display: flex;
          flex-direction: column;
        }
        .side {
          order: 3;
          float: none;
          margin: 0.35rem 0 0;
        }
        .when {
          gap: 0.4rem 1rem;
        }
        .expected {
          flex-basis: 100%;
        }
        .since {
          align-items: flex-start;
        }
      }
    `;
