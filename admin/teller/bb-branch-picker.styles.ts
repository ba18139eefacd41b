import { css } from 'lit';

export const branchPickerStyles = css`
      :host {
        display: block;
        width: 100%;
        box-sizing: border-box;
        padding: 32px;
        max-width: 960px;
        margin: 0 auto;
      }
      h1 {
        font-size: 28px;
        margin: 0 0 24px;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
        gap: 16px;
      }
      .btn {
        flex-direction: column;
        align-items: flex-start;
        min-height: 96px;
        padding: 16px 20px;
      }
      .name {
        font-size: 20px;
      }
      .id {
        font-size: 14px;
        font-weight: 500;
      }
      .empty {
        padding: 24px;
        font-size: 18px;
      }
    `;
