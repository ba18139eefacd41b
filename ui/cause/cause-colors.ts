import type { Cause } from '../../core/client';

/**
 * An accent per cause, so a group of presets and its notices are found by colour too (with the
 * words and the icon, never alone). Each is a token, `--bb-cause-<cause>`, that a front end may
 * set for its own ground; the value here is the default, dark enough for white text (≥ 4.5:1).
 */
const COLORS: Record<Cause, string> = {
  technical_problem: '#b3261e',
  long_transaction: '#0b57a4',
  staff_late: '#9a5b00',
  staff_shortage: '#8a4b00',
  high_demand: '#6b3fa0',
  cash_logistics: '#1d7a4c',
  maintenance: '#5c5f66',
  other: '#3d4a5c',
};

export function causeColor(cause: Cause): string {
  const c = cause in COLORS ? cause : 'other';
  return `var(--bb-cause-${c.replace(/_/g, '-')}, ${COLORS[c]})`;
}
