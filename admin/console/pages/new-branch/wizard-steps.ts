import type { ConsoleKey } from '../../i18n/console-strings';

/** The steps of opening a branch, in order; the first is the new-branch page, the rest the setup page. */
export const WIZARD_STEPS = ['details', 'hours', 'services', 'counters', 'manager', 'done'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const STEP_TITLE: Record<WizardStep, ConsoleKey> = {
  details: 'wizard.details',
  hours: 'wizard.hours',
  services: 'wizard.services',
  counters: 'wizard.counters',
  manager: 'wizard.manager',
  done: 'wizard.done',
};
