import { css } from 'lit';

/**
 * The lobby's page dots ("page 2 of 3" of a list that pages when it does not fit: the waiting
 * list, the notice board): one dot a page, the current one filled, beside its number. Each list
 * sets its own `.pager` size and place after these.
 */
export const pagerStyles = css`
  .pager {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    font-weight: 700;
    color: var(--bb-text-2);
    font-variant-numeric: tabular-nums;
  }
  .dot {
    width: 0.9rem;
    height: 0.9rem;
    border-radius: 50%;
    border: 0.15rem solid var(--bb-text-2);
  }
  .dot.on {
    background: var(--bb-text);
    border-color: var(--bb-text);
  }
`;
