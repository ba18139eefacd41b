import { css } from 'lit';

/**
 * The lobby's look: a calm dark navy wall, high-contrast type, one colour per status, always
 * paired with words and an icon. Custom properties inherit through shadow roots, so bb-lobby sets
 * them once on its host and every child element reads them.
 *
 * Contrast (WCAG): text #f4f7fb, #c2cfe0 and #b4c2d5 on #0b1a30 / #13263f / #1b3250 are above 7:1 (tested: test/e2e/lobby-readable.test.ts); the status colours
 * are used as text or borders on the dark ground (all above 7:1) or as a ground under dark text.
 */
export const themeTokens = css`
  :host {
    --bb-font: Inter, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --bb-bg: #0b1a30;
    --bb-surface: #13263f;
    --bb-surface-2: #1b3250;
    --bb-line: #2c4569;
    --bb-text: #f4f7fb;
    --bb-text-2: #c2cfe0;
    --bb-text-3: #b4c2d5;
    --bb-on-accent: #0b1a30;
    /* calls */
    --bb-call: #ffd66b;
    /* statuses */
    --bb-ok: #5ee0a0;
    --bb-warn: #ffc25c;
    --bb-late: #ff9a6b;
    --bb-off: #9aabc2;
    --bb-radius: 1rem;
    /* The smallest text on the TV: 1.75rem is 28 px at 1080p (56 px at 4K), readable at 5 m from a
       55" screen. Every font size of the lobby is at least this (see docs/LOBBY.md). */
    --bb-min: 1.75rem;
  }
  @media (max-width: 899px) {
    :host {
      --bb-min: 0.8rem;
    }
  }
`;
