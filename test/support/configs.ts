import type { BranchConfig } from '../../core';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';

/** The demo branch promising 15 minutes for the teller, nothing for advice. */
export const PROMISED: BranchConfig = {
  ...DEMO_BRANCH,
  services: DEMO_BRANCH.services.map((s) => (s.id === 'teller' ? { ...s, promiseMinutes: 15 } : s)),
};

/** The same, open Monday–Friday 08:30–13:30 and 14:30–16:00 (Rome time). */
export const PROMISED_WITH_HOURS = {
  ...PROMISED,
  hours: {
    weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ open: '08:30', close: '13:30' }, { open: '14:30', close: '16:00' }]])),
    closed: [{ date: '2026-12-08' }],
    exceptions: [],
  },
} as BranchConfig;
