import { css } from 'lit';

export const noticeBoardStyles = css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .title {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 1rem;
        margin: 0 0 1.2rem;
      }
      h2 {
        margin: 0;
        font-size: max(var(--bb-min, 0px), 1.9rem);
        font-weight: 700;
        letter-spacing: 0.06em;
        text-transform: uppercase;
        color: var(--bb-text-2);
      }
      h2 .i0 {
        color: var(--bb-text);
      }
      /* The page dots (ui/theme/pager-styles.ts). */
      .pager {
        font-size: max(var(--bb-min, 0px), 1.5rem);
      }
      .list {
        position: relative;
        flex: 1;
        display: flex;
        flex-direction: column;
        gap: 1.2rem;
        min-height: 0;
        overflow: hidden;
      }
      /* Cards on another page keep their size (so they can be measured) but take no room and stay hidden. */
      .list > .off {
        position: absolute;
        top: 0;
        left: 0;
        right: 0;
        visibility: hidden;
      }
      .calm {
        display: flex;
        align-items: center;
        gap: 1.6rem;
        padding: 2rem 2.2rem;
        border-radius: var(--bb-radius);
        background: var(--bb-surface);
        font-size: max(var(--bb-min, 0px), 2.2rem);
        font-weight: 600;
      }
      .calm svg {
        flex: none;
        width: 3.6rem;
        height: 3.6rem;
        color: var(--bb-ok);
      }
      /* Something is degraded that no notice says: said plainly, never a green "all is well". */
      .degraded {
        flex: none;
        display: flex;
        align-items: flex-start;
        gap: 1.6rem;
        padding: 1.8rem 2.2rem;
        border-radius: var(--bb-radius);
        border-left: 0.5rem solid var(--bb-warn);
        background: var(--bb-surface);
      }
      .degraded svg {
        flex: none;
        width: 3.6rem;
        height: 3.6rem;
        color: var(--bb-warn);
      }
      .degraded-title {
        font-size: max(var(--bb-min, 0px), 2.4rem);
        font-weight: 800;
        color: var(--bb-warn);
        margin-bottom: 0.5rem;
      }
      .degraded-title .l1 {
        display: block;
        font-size: max(var(--bb-min, 0px), 0.7em);
        font-weight: 700;
      }
      .degraded-line {
        font-size: max(var(--bb-min, 0px), 2rem);
        font-weight: 600;
        line-height: 1.25;
        margin-top: 0.4rem;
      }
      /* Beside active notices: the title on one line and the facts at the least size, so the
         column keeps the room for a notice whole. */
      .degraded.beside {
        gap: 1.2rem;
        padding: 1.2rem 1.6rem;
      }
      .degraded.beside svg {
        width: 2.6rem;
        height: 2.6rem;
      }
      .degraded.beside .degraded-title {
        font-size: max(var(--bb-min, 0px), 1.9rem);
        margin-bottom: 0.2rem;
      }
      .degraded.beside .degraded-title .i1,
      .degraded.beside .degraded-title .sep {
        font-size: max(var(--bb-min, 0px), 0.75em);
        font-weight: 700;
      }
      .degraded.beside .degraded-line {
        font-size: max(var(--bb-min, 0px), 1.75rem);
        margin-top: 0.2rem;
      }
      @media (max-width: 899px) {
        .degraded {
          padding: 1rem;
          gap: 0.8rem;
        }
        .degraded svg {
          width: 1.8rem;
          height: 1.8rem;
        }
        .degraded-title {
          font-size: max(var(--bb-min, 0px), 1.2rem);
        }
        .degraded-line {
          font-size: max(var(--bb-min, 0px), 1rem);
        }
        .title {
          margin-bottom: 0.6rem;
        }
        h2 {
          font-size: max(var(--bb-min, 0px), 1rem);
        }
        .pager {
          display: none;
        }
        .list {
          gap: 0.6rem;
          overflow: visible;
        }
        .list > .off {
          position: static;
          visibility: visible;
        }
        .calm {
          font-size: max(var(--bb-min, 0px), 1.05rem);
          padding: 1rem;
          gap: 0.8rem;
        }
        .calm svg {
          width: 1.8rem;
          height: 1.8rem;
        }
      }
    
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
