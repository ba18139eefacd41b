import { css } from 'lit';

export const presetPreviewStyles = css`
  :host {
    display: block;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  section {
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 10px;
  }
  h3 {
    margin: 0;
    font-size: 15px;
    color: #17202b;
  }
  .seg {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 4px;
    padding: 3px;
    border-radius: 9px;
    background: #e4e8ed;
    align-self: flex-start;
  }
  .seg button {
    white-space: nowrap;
    font: inherit;
    font-size: 13px;
    font-weight: 600;
    min-height: 30px;
    padding: 0 12px;
    border: 0;
    border-radius: 7px;
    background: transparent;
    color: #3d4a5c;
    cursor: pointer;
  }
  .seg button[aria-pressed='true'] {
    background: #fff;
    color: #08457f;
    box-shadow: 0 1px 2px rgba(16, 24, 40, 0.12);
  }
  .seg button:focus-visible {
    outline: 3px solid #0b57a4;
    outline-offset: 1px;
  }
  .warn {
    margin: 0;
    padding: 8px 12px;
    border-radius: 8px;
    background: #fff2d6;
    color: #7a4800;
    font-size: 14px;
    font-weight: 600;
  }
  /* The lobby's ground, and its card drawn at the TV's size, then scaled down to fit: what the
     preview shows is the TV's layout, line breaks included. */
  .lobby {
    background: var(--bb-bg);
    color: var(--bb-text);
    border-radius: 12px;
    padding: 14px;
    font-family: var(--bb-font);
    overflow: hidden;
  }
  /* Drawn at the TV's size and scaled by 0.4: the box it gets (about 420 px) holds 1,050 px of
     the TV's notice column, so its lines break as on the TV. Its width stays 100%: with CSS zoom
     a percentage is of the zoomed box already (200% would run off the edge). */
  bb-notice-card {
    display: block;
    width: 100%;
    zoom: 0.4;
  }
  .caption {
    margin: 0;
    font-size: 13px;
    color: #5a6573;
  }
`;
