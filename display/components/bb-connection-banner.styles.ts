import { css } from 'lit';

export const connectionBannerStyles = css`
      :host {
        display: block;
      }
      .banner {
        height: 100%;
        box-sizing: border-box;
        display: flex;
        align-items: center;
        gap: 1.5rem;
        padding: 0.8rem 3rem;
        background: var(--bb-warn);
        color: var(--bb-on-accent);
        font-size: max(var(--bb-min, 0px), 2rem);
        font-weight: 700;
        line-height: 1.2;
      }
      .l1 {
        color: inherit;
        opacity: 0.85;
      }
      svg {
        flex: none;
        width: 3rem;
        height: 3rem;
        animation: spin 2.4s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        svg {
          animation: none;
        }
      }
      @media (max-width: 899px) {
        .banner {
          font-size: max(var(--bb-min, 0px), 1.05rem);
          padding: 0.75rem 1rem;
          gap: 0.75rem;
        }
        svg {
          width: 1.6rem;
          height: 1.6rem;
        }
      }
    `;
