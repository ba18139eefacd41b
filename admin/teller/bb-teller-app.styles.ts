import { css } from 'lit';

export const tellerAppStyles = css`
      :host {
        display: block;
        min-height: 100vh;
        min-height: 100dvh;
        background: var(--bb-bg);
        font-size: 16px;
        line-height: 1.4;
        -webkit-font-smoothing: antialiased;
        -webkit-text-size-adjust: 100%;
      }
      .screen {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        min-height: 100dvh;
      }
      .screen > bb-teller-branch,
      .screen > bb-login {
        flex: 1;
      }
      .center {
        flex: 1;
        display: grid;
        place-items: center;
        padding: 24px;
        font-size: 20px;
        text-align: center;
      }
      .muted {
        color: var(--bb-muted);
      }
    `;
