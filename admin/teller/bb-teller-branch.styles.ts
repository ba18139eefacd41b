import { css } from 'lit';

export const tellerBranchStyles = css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100%;
      }
      bb-top-bar {
        position: sticky;
        top: 0;
        z-index: 10;
      }
      .loading {
        display: grid;
        place-items: center;
        flex: 1;
        font-size: 20px;
        color: var(--bb-muted);
      }
      .stale {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 12px 20px;
        background: var(--bb-warn-soft);
        color: var(--bb-warn);
        border-bottom: 1px solid color-mix(in srgb, var(--bb-warn) 30%, white);
        font-weight: 700;
        font-size: 17px;
      }
      .pulse {
        width: 12px;
        height: 12px;
        border-radius: 50%;
        background: currentColor;
        animation: pulse 1.2s ease-in-out infinite;
      }
      @keyframes pulse {
        50% {
          opacity: 0.25;
        }
      }
      /* At work: exactly one screen high; the columns scroll by themselves, the page never does. */
      :host([workspace]) {
        height: 100vh;
        height: 100dvh;
        /* max-height too: as a flex item of the app's screen, the height alone would grow with the content. */
        max-height: 100vh;
        max-height: 100dvh;
        min-height: 0;
        overflow: hidden;
      }
      main {
        flex: 1;
        min-height: 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr) var(--bb-notices-w);
        grid-template-rows: minmax(0, 1fr);
        gap: 0 var(--bb-gutter);
        padding: 0 var(--bb-gutter);
      }
      .panel-col {
        min-height: 0;
        /* Only when the screen is too short for the whole panel; "Call next" sits in its upper half. */
        overflow-y: auto;
        overscroll-behavior: contain;
        padding: var(--bb-gutter) 4px;
        margin: 0 -4px;
      }
      .notices {
        display: flex;
        flex-direction: column;
        gap: 12px;
        min-width: 0;
        min-height: 0;
        padding-top: var(--bb-gutter);
      }
      .notices-scroll {
        flex: 1;
        min-height: 0;
        overflow-y: auto;
        overscroll-behavior: contain;
        -webkit-overflow-scrolling: touch;
        /* Room for focus rings and shadows, and at the end for a toast: the last notice can always be scrolled clear of it. */
        padding: 2px 4px var(--bb-toast-room);
        margin: -2px -4px 0;
        scroll-padding-bottom: var(--bb-toast-room);
      }
      .notices-head {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .notices-head h2 {
        margin: 6px 0 0;
        font-size: 13px;
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--bb-muted);
      }
      .report {
        min-height: 72px;
        font-size: 22px;
        font-weight: 800;
        color: var(--bb-danger);
        border: 2px solid color-mix(in srgb, var(--bb-danger) 50%, white);
        background: var(--bb-danger-soft);
      }
      .bang {
        display: inline-grid;
        place-items: center;
        width: 32px;
        height: 32px;
        border-radius: 50%;
        background: var(--bb-danger);
        color: #fff;
        font-size: 20px;
        font-weight: 900;
      }
      /* Portrait: the panel on top, always whole; the notices fill the rest and scroll. */
      @media (max-width: 900px), (orientation: portrait) {
        main {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: auto minmax(0, 1fr);
          padding: 0 16px;
        }
        .panel-col {
          overflow: visible;
          padding: 16px 0 4px;
          margin: 0;
        }
        .notices {
          padding-top: 12px;
        }
      }
      /* A screen too short to keep the whole panel and some notices in view (a phone): the page scrolls as one. */
      @media (orientation: portrait) and (max-height: 879px) {
        :host([workspace]) {
          height: auto;
          max-height: none;
          min-height: 100%;
          overflow: visible;
        }
        main {
          grid-template-rows: auto auto;
          padding-bottom: 16px;
        }
        .notices-scroll {
          overflow: visible;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .pulse {
          animation: none;
        }
      }
    `;
