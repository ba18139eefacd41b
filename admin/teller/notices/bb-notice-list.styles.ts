import { css } from 'lit';

export const noticeListStyles = css`
  :host {
    display: block;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .empty {
    margin: 0;
    padding: 28px 20px;
    text-align: center;
    font-size: 17px;
    border: 1.5px dashed var(--bb-border);
    border-radius: var(--bb-radius);
  }
`;
