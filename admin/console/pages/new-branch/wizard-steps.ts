import type { ConsoleKey } from '../../i18n/console-strings';
import type { BranchConfig } from '../../../../core/client';

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

/**
 * Where the wizard resumes after a reload: the first step the branch has not done yet (no hours,
 * no service, no counter), or further if this computer already went past it (hours skipped: the
 * branch stays open all day; the manager step leaves nothing in the configuration).
 */
export function resumeStep(cfg: Pick<BranchConfig, 'hours' | 'services' | 'counters'>, reached: WizardStep | null): WizardStep {
  const todo: WizardStep = !cfg.hours ? 'hours' : cfg.services.length === 0 ? 'services' : cfg.counters.length === 0 ? 'counters' : 'manager';
  if (!reached) return todo;
  return WIZARD_STEPS[Math.max(WIZARD_STEPS.indexOf(todo), WIZARD_STEPS.indexOf(reached))]!;
}

/** The furthest step reached on this computer, per branch (sessionStorage: one sitting). */
export const wizardProgress = {
  get(branch: string): WizardStep | null {
    try {
      const v = globalThis.sessionStorage?.getItem(`branchboard.wizard.${branch}`);
      return (WIZARD_STEPS as readonly string[]).includes(v ?? '') ? (v as WizardStep) : null;
    } catch {
      return null;
    }
  },
  set(branch: string, step: WizardStep): void {
    try {
      globalThis.sessionStorage?.setItem(`branchboard.wizard.${branch}`, step);
    } catch {
      /* not remembered: the configuration still says most of it */
    }
  },
};
