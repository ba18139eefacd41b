import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { wizardStepsStyles } from './bb-wizard-steps.styles';
import { ct, type ConsoleLang } from '../../i18n/console-strings';
import { STEP_TITLE, WIZARD_STEPS, type WizardStep } from './wizard-steps';

/** The wizard's steps as a row: done, current, to come. */
@customElement('bb-wizard-steps')
export class BbWizardSteps extends LitElement {
  @property() ui: ConsoleLang = 'it';
  @property() current: WizardStep = 'details';

  override render() {
    const at = WIZARD_STEPS.indexOf(this.current);
    return html`<ol aria-label=${ct(this.ui, 'wizard.progress')}>
      ${WIZARD_STEPS.map(
        (s, i) => html`<li class=${i < at ? 'done' : i === at ? 'now' : ''} aria-current=${i === at ? 'step' : 'false'}>
          <span class="n" aria-hidden="true">${i < at ? '✓' : i + 1}</span>${ct(this.ui, STEP_TITLE[s])}
        </li>`,
      )}
    </ol>`;
  }

  static override styles = wizardStepsStyles;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-wizard-steps': BbWizardSteps;
  }
}
