import { css } from 'lit';

/**
 * The lobby's look: a calm dark navy wall, high-contrast type, one colour per status, always
 * paired with words and an icon. Custom properties inherit through shadow roots, so bb-lobby sets
 * them once on its host and every child element reads them.
 *
 * Contrast (WCAG): text #f4f7fb and #c2cfe0 on #0b1a30 / #13263f are above 7:1; the status colours
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
    --bb-text-3: #93a6bf;
    --bb-on-accent: #0b1a30;
    /* calls */
    --bb-call: #ffd66b;
    /* statuses */
    --bb-ok: #5ee0a0;
    --bb-warn: #ffc25c;
    --bb-late: #ff9a6b;
    --bb-off: #9aabc2;
    --bb-radius: 1rem;
  }
`;
