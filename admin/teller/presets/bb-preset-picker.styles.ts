import { css } from 'lit';

export const presetPickerStyles = css`
  :host {
    display: contents;
  }
  .subtitle {
    margin: 0;
    font-size: 15px;
    color: var(--bb-muted);
  }
  .back {
    margin-left: -12px;
    font-size: 18px;
  }
  .durations-head h3 {
    margin: 24px 0 2px;
    font-size: 22px;
  }
  .durations-head p {
    margin: 0 0 12px;
    color: var(--bb-muted);
  }
`;
