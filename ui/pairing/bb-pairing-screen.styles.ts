import { css } from 'lit';
import { themeTokens } from '../theme/lobby-theme';

export const pairingScreenStyles = [
  themeTokens,
  css`
    :host {
      display: grid;
      place-items: center;
      height: 100%;
      /* The whole screen, also on a page that does not size its body (the kiosk's). */
      min-height: 100vh;
      box-sizing: border-box;
      background: var(--bb-bg);
      color: var(--bb-text);
      font-family: var(--bb-font);
    }
    main {
      text-align: center;
      padding: 4rem;
      max-width: 90rem;
    }
    .brand {
      margin: 0 0 3rem;
      font-size: 2rem;
      font-weight: 700;
      letter-spacing: 0.12em;
      text-transform: uppercase;
      color: var(--bb-text-3);
    }
    h1 {
      margin: 0;
      font-size: 4rem;
      font-weight: 800;
    }
    h1.second {
      margin-top: 0.6rem;
      font-size: 2.6rem;
      font-weight: 500;
      color: var(--bb-text-2);
    }
    /* Readable from across the lobby: about a tenth of the screen's height, on one line even on a
       screen on its side (a kiosk, a portrait TV: 13vw keeps its seven characters within the width). */
    .code {
      margin: 4rem 0;
      font-size: min(14rem, 13vw);
      white-space: nowrap;
      font-weight: 800;
      letter-spacing: 0.08em;
      font-variant-numeric: tabular-nums;
      color: var(--bb-call);
      font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
    }
    .how {
      margin: 0 auto;
      max-width: 70rem;
      font-size: 2.4rem;
      line-height: 1.35;
    }
    .how.second {
      margin-top: 1.2rem;
      font-size: 1.9rem;
      color: var(--bb-text-2);
    }
    .waiting {
      margin-top: 3rem;
      font-size: 1.8rem;
      color: var(--bb-text-3);
    }
  `,
];
