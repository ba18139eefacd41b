import { css } from 'lit';

export const lobbyStyles = css`
      :host {
        display: block;
        height: 100%;
        background: var(--bb-bg);
        color: var(--bb-text);
        font-family: var(--bb-font);
        -webkit-font-smoothing: antialiased;
      }
      .screen {
        height: 100%;
        display: flex;
        flex-direction: column;
        overflow: hidden;
      }
      header {
        position: relative;
        flex: none;
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 2rem;
        padding: 0.7rem 2.4rem 0.6rem;
        border-bottom: 0.15rem solid var(--bb-line);
      }
      /* The branch's name and the date on one line (the date wraps under a long name). */
      .branch {
        min-width: 0;
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        column-gap: 2rem;
      }
      .branch-name {
        overflow-wrap: break-word;
        font-size: max(var(--bb-min, 0px), 2.6rem);
        font-weight: 800;
        line-height: 1.1;
        letter-spacing: -0.01em;
      }
      .date {
        font-size: max(var(--bb-min, 0px), 1.6rem);
        color: var(--bb-text-2);
      }
      .date::first-letter {
        text-transform: uppercase;
      }
      main {
        flex: 1;
        min-height: 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr) 40rem;
        /* Left: who is served, then who waits (with estimates and the promise); right: the notices
           (paged when they do not all fit); the counters in a strip across the bottom. "Now
           serving" keeps at least its heading and its first (largest) call. Every text is at
           least --bb-min (28 px at 1080p). The waiting list takes what is left (its rows page when
           they do not fit), so the counters are never pushed off the screen. */
        grid-template-rows: minmax(12.2rem, 1fr) minmax(0, auto) auto;
        grid-template-areas:
          'serving notices'
          'waiting notices'
          'counters counters';
        gap: 1rem 2.4rem;
        padding: 1rem 2.4rem 1rem;
        transition:
          opacity 0.4s,
          filter 0.4s;
      }
      /* More than four counters: five or six to a row. */
      main.many .tiles {
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      }
      /* Stale: everything that comes from the server greys out, so it never looks live. */
      .stale main,
      .stale header .live {
        opacity: 0.4;
        filter: grayscale(1);
      }
      bb-now-serving {
        grid-area: serving;
      }
      /* Phone only: the language switch, and a link down to the notices (see the phone rules below). */
      .lang-switch {
        display: none;
      }
      .jump {
        display: none;
      }
      bb-notice-board {
        grid-area: notices;
      }
      bb-waiting-list {
        grid-area: waiting;
      }
      .counters {
        grid-area: counters;
        min-width: 0;
      }
      .section-title {
        margin: 0 0 0.6rem;
        font-size: max(var(--bb-min, 0px), 1.45rem);
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--bb-text-2);
      }
      .section-title .i0 {
        color: var(--bb-text);
      }
      /* On the TV the tiles name themselves ("Sportello 1"): the counters' heading stays for screen
         readers only, and its line goes to "now serving". The phone shows it (below). */
      .counters .section-title {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr));
        gap: 0.8rem;
      }
      .header-end {
        display: flex;
        align-items: center;
        gap: 3rem;
      }
      /* TV: while reconnecting, the banner takes the header's place up to the clock (the branch's
         name and the QR code go under it), so the board below keeps its layout and nothing of it
         is pushed off the screen or covered; the clock stays in view. */
      header bb-connection-banner {
        position: absolute;
        top: 0;
        bottom: 0;
        left: 0;
        right: 19rem;
      }
      .message {
        height: 100%;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 1.6rem;
        text-align: center;
        padding: 3rem;
        box-sizing: border-box;
      }
      .message .title {
        font-size: max(var(--bb-min, 0px), 3.4rem);
        font-weight: 800;
      }
      .message .hint {
        font-size: max(var(--bb-min, 0px), 2rem);
        color: var(--bb-text-2);
        max-width: 60rem;
      }
      .message .brand {
        font-size: max(var(--bb-min, 0px), 1.6rem);
        letter-spacing: 0.12em;
        text-transform: uppercase;
        color: var(--bb-text-3);
      }
      .pulse {
        width: 1.6rem;
        height: 1.6rem;
        border-radius: 50%;
        background: var(--bb-text-3);
        animation: pulse 1.6s ease-in-out infinite;
      }
      @keyframes pulse {
        50% {
          opacity: 0.25;
          transform: scale(0.7);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .pulse {
          animation: none;
        }
      }
      /* Phone view: one column, normal page scrolling. */
      @media (max-width: 899px) {
        :host {
          height: auto;
          min-height: 100%;
        }
        .screen {
          height: auto;
          overflow: visible;
        }
        header {
          padding: 0.9rem 1rem 0.8rem;
          gap: 1rem;
          flex-wrap: wrap;
        }
        /* Phone: the page scrolls, so the banner is a strip under the name and clock, edge to edge. */
        header bb-connection-banner {
          position: static;
          order: 10;
          flex: 1 1 100%;
          margin: 0 -1rem -0.8rem;
        }
        .branch {
          flex: 1 1 0;
        }
        .lang-switch {
          display: block;
          order: 5;
          flex: 1 1 100%;
        }
        /* Lines of even length: a short last part of the address ("1") never on a line alone. */
        .branch-name {
          font-size: max(var(--bb-min, 0px), 1.3rem);
          text-wrap: balance;
        }
        .date {
          font-size: max(var(--bb-min, 0px), 0.9rem);
          margin-top: 0.25rem;
        }
        /* What a customer looks up first: who is being served and how long they will wait; then
           why (the notices, which can be many), then the counters. A link at the top says how
           many notices there are and takes the reader down to them. */
        main {
          display: flex;
          flex-direction: column;
          gap: 1.4rem;
          padding: 1rem 1rem 2rem;
        }
        .jump {
          order: 0;
          display: flex;
          align-items: center;
          gap: 0.6rem;
          width: 100%;
          padding: 0.7rem 0.9rem;
          border: 0.12rem solid var(--bb-warn);
          border-radius: var(--bb-radius);
          background: var(--bb-surface);
          color: var(--bb-warn);
          font: inherit;
          font-size: max(var(--bb-min, 0px), 1rem);
          font-weight: 700;
          text-align: left;
          cursor: pointer;
        }
        .jump svg {
          flex: none;
          width: 1.3rem;
          height: 1.3rem;
        }
        .jump .i1,
        .jump .sep {
          color: inherit;
          opacity: 0.85;
        }
        bb-now-serving {
          order: 1;
        }
        bb-waiting-list {
          order: 2;
        }
        bb-notice-board {
          order: 3;
          scroll-margin-top: 1rem;
        }
        .counters {
          order: 4;
        }
        .header-end {
          gap: 0;
        }
        .section-title,
        .counters .section-title {
          position: static;
          width: auto;
          height: auto;
          overflow: visible;
          clip-path: none;
          white-space: normal;
          font-size: max(var(--bb-min, 0px), 1rem);
          margin-bottom: 0.6rem;
        }
        .tiles {
          grid-template-columns: 1fr;
          gap: 0.5rem;
        }
        bb-phone-qr {
          display: none;
        }
        .message .title {
          font-size: max(var(--bb-min, 0px), 1.6rem);
        }
        .message .hint {
          font-size: max(var(--bb-min, 0px), 1.05rem);
        }
        .message .brand {
          font-size: max(var(--bb-min, 0px), 0.85rem);
        }
      }
    
  /* Sound blocked by the browser: a discreet sign on a line of its own under the board, at the
     right (it takes its room from the board, so it covers nothing the room reads), for as long as
     it stays; a tap turns sound on. */
  .staff-line {
    flex: none;
    display: flex;
    justify-content: flex-end;
    padding: 0 2.4rem 0.5rem;
  }
  .sound-blocked {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.45rem 0.9rem;
    border: 1px solid var(--bb-line);
    border-radius: 999px;
    background: var(--bb-surface-2);
    color: var(--bb-text);
    font: inherit;
    /* For whoever looks after the screen, not for the room: discreet, under --bb-min. */
    font-size: 1.1rem;
    cursor: pointer;
  }
  .sound-blocked svg {
    width: 1.3rem;
    height: 1.3rem;
  }

  /* Against burn-in: the whole layout moves by a few pixels every few minutes (lib/burn-in.ts). */
  .screen {
    transform: translate(var(--shift-x, 0), var(--shift-y, 0));
    transition: transform 3s ease-in-out;
  }

  /* A TV in portrait: one column — now serving, waiting, then the notices (why it is slow, right
     under who waits), the counters in a strip along the bottom as in landscape. */
  @media (min-width: 900px) and (orientation: portrait) {
    main,
    main.many {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas:
        'serving'
        'waiting'
        'notices'
        'counters';
    }
    /* "Now serving" and the notices share what the waiting list and the counters leave, the
       notices six parts to one: they keep room for a whole card on a busy branch, and a quiet one
       has no empty band under its calls. "Now serving" keeps at least what its calls take one per
       row at its tightest (--calls, set by the lobby: a heading of about 4.6rem, 3.8rem a call,
       the calls a hair smaller if need be). */
    main,
    main.many {
      grid-template-rows: minmax(max(14rem, calc(4.6rem + var(--calls, 1) * 3.8rem)), 1fr) minmax(0, auto) minmax(30rem, 6fr) auto;
      row-gap: 0.8rem;
    }
    /* Beside the branch's name and the clock, the QR code's words take two short lines each. */
    bb-phone-qr {
      flex: none;
      --qr-caption: 18rem;
    }
  }
`;
