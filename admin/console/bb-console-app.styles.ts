import { css } from 'lit';
import { tokens } from '../styles/shared';
import { consoleTokens } from './console-theme';

export const consoleAppStyles = [
  tokens,
  consoleTokens,
  css`
    :host {
      display: block;
      min-height: 100vh;
      background: var(--bb-bg);
      font-size: 15px;
      line-height: 1.45;
      -webkit-font-smoothing: antialiased;
    }
    .layout {
      display: grid;
      grid-template-columns: var(--bb-nav-w) minmax(0, 1fr);
      min-height: 100vh;
    }
    bb-console-nav {
      position: sticky;
      top: 0;
      height: 100vh;
    }
    .page {
      min-width: 0;
      padding: 28px 36px 48px;
      box-sizing: border-box;
    }
    .page > * {
      max-width: var(--bb-page-max);
      margin: 0 auto;
    }
    .center {
      min-height: 60vh;
      display: grid;
      place-items: center;
      font-size: 18px;
      text-align: center;
    }
    .muted {
      color: var(--bb-muted);
    }
    .problem {
      padding: 20px 24px;
      border-radius: var(--bb-radius);
      background: var(--bb-surface);
      border: 1px solid var(--bb-border);
      font-size: 17px;
    }
    .login {
      min-height: 100vh;
      display: grid;
    }
  `,
];
