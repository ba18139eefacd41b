import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Cause } from '../../core/client';

/**
 * One icon per notice cause, drawn for Branchboard on a 24×24 grid with round 2px strokes in
 * `currentColor`, so the element that shows it decides the colour. Shared by the lobby screen and
 * the teller tablet, so a cause looks the same everywhere. Always show the cause's words beside
 * the icon (ui/cause/cause-presentation.ts causeLabel): the icon helps, it never speaks alone.
 */
export const CAUSE_ICON_PATHS: Record<Cause, SVGTemplateResult> = {
  // A screen with a warning mark.
  technical_problem: svg`
    <rect x="2.5" y="3.5" width="19" height="13" rx="2" />
    <path d="M8.5 20.5h7M12 16.5v4" />
    <path d="M12 6.8v4.4" />
    <path d="M12 13.7v.1" />`,
  // An hourglass.
  long_transaction: svg`
    <path d="M5.5 2.5h13M5.5 21.5h13" />
    <path d="M7.5 2.5c0 5 4.5 6 4.5 9.5s-4.5 4.5-4.5 9.5M16.5 2.5c0 5-4.5 6-4.5 9.5s4.5 4.5 4.5 9.5" />
    <path d="M9.5 19.5h5" />`,
  // A person and a clock.
  staff_late: svg`
    <circle cx="8" cy="6.5" r="3.5" />
    <path d="M1.5 21v-1.5a6.5 6.5 0 0 1 9.6-5.7" />
    <circle cx="17" cy="16.5" r="5.5" />
    <path d="M17 13.5v3.2l2.1 1.4" />`,
  // A person, and an empty place beside them.
  staff_shortage: svg`
    <circle cx="8" cy="7" r="3.5" />
    <path d="M2 21v-1.5a6 6 0 0 1 12 0V21" />
    <circle cx="18" cy="7" r="2.5" stroke-dasharray="2 2.2" />
    <path d="M16 14.2a4.8 4.8 0 0 1 6 4.6V21" stroke-dasharray="2 2.2" />`,
  // A crowd of three.
  high_demand: svg`
    <circle cx="12" cy="7" r="3.2" />
    <path d="M6.5 21v-1.8a5.5 5.5 0 0 1 11 0V21" />
    <circle cx="4.6" cy="9.2" r="2.2" />
    <path d="M1.5 19.5v-1a3.6 3.6 0 0 1 4.3-3.5" />
    <circle cx="19.4" cy="9.2" r="2.2" />
    <path d="M22.5 19.5v-1a3.6 3.6 0 0 0-4.3-3.5" />`,
  // A banknote.
  cash_logistics: svg`
    <rect x="1.5" y="6" width="21" height="12" rx="2" />
    <circle cx="12" cy="12" r="2.8" />
    <path d="M5.5 12h.1M18.4 12h.1" />`,
  // A wrench.
  maintenance: svg`
    <path d="M20.83 6.71A5 5 0 0 1 13.79 12.48L6.13 20.13A1.6 1.6 0 0 1 3.87 17.87L11.52 10.21A5 5 0 0 1 17.29 3.17L15.17 5.29L18.71 8.83Z" />`,
  // An "i" in a circle.
  other: svg`
    <circle cx="12" cy="12" r="9.5" />
    <path d="M12 11v5.5" />
    <path d="M12 7.6v.1" />`,
};

export interface CauseIconOptions {
  /** CSS size (width and height); defaults to 1em so the icon follows the text. */
  size?: string;
  /** Accessible name; leave empty when the cause's words are shown beside the icon (the usual case). */
  label?: string;
}

/** The icon of a cause as an inline <svg>, for any Lit template. */
export function causeIcon(cause: Cause, opts: CauseIconOptions = {}): TemplateResult {
  const size = opts.size ?? '1em';
  const paths = CAUSE_ICON_PATHS[cause] ?? CAUSE_ICON_PATHS.other;
  return opts.label
    ? html`<svg class="cause-icon" data-cause=${cause} role="img" aria-label=${opts.label} viewBox="0 0 24 24" width=${size} height=${size}
        fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`
    : html`<svg class="cause-icon" data-cause=${cause} aria-hidden="true" focusable="false" viewBox="0 0 24 24" width=${size} height=${size}
        fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;
}
