import { css } from 'lit';

/**
 * The console's look, on the tablet's tokens (admin/styles/shared.ts): the same calm blue and
 * greys, sized for a desk computer — 40 px controls instead of the tablet's 56 px, 15 px text.
 */
export const consoleTokens = css`
  :host {
    --bb-touch: 40px;
    --bb-radius: 10px;
    --bb-nav-w: 248px;
    --bb-page-max: 1120px;
    --bb-focus: 0 0 0 3px color-mix(in srgb, var(--bb-primary) 35%, transparent);
  }
`;
