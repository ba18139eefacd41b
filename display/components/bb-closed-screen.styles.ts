import { css } from 'lit';

export const closedScreenStyles = css`
  :host {
    display: grid;
    place-items: center;
    min-height: 100vh;
    box-sizing: border-box;
    padding: 5vh 6vw;
    background: var(--bb-bg);
    color: var(--bb-text);
    font-family: var(--bb-font);
    text-align: center;
  }
  .box {
    display: grid;
    gap: 2.2rem;
    justify-items: center;
  }
  .branch {
    font-size: max(var(--bb-min, 0px), 2.2rem);
    font-weight: 600;
    color: var(--bb-text-2);
  }
  .moon {
    width: 6rem;
    height: 6rem;
    color: var(--bb-text-2);
  }
  h1 {
    margin: 0;
    font-size: max(var(--bb-min, 0px), 5rem);
    line-height: 1.1;
  }
  .opens {
    font-size: max(var(--bb-min, 0px), 3rem);
    font-weight: 600;
    color: var(--bb-ok);
  }
  .thanks {
    font-size: max(var(--bb-min, 0px), 2.2rem);
    color: var(--bb-text-2);
  }
  .l1 {
    font-size: max(var(--bb-min, 0px), 0.82em);
  }
  @media (max-width: 899px) {
    h1 {
      font-size: max(var(--bb-min, 0px), 2.6rem);
    }
    .opens {
      font-size: max(var(--bb-min, 0px), 1.6rem);
    }
    .branch,
    .thanks {
      font-size: max(var(--bb-min, 0px), 1.3rem);
    }
  }
`;
