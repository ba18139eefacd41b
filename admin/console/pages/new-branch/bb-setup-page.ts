import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ct } from '../../i18n/console-strings';
import { BranchPage } from '../../parts/branch-page';
import { consoleHash } from '../../routes';
import type { AccountCreated } from '../staff/bb-account-form';
import { resumeStep, wizardProgress, WIZARD_STEPS, type WizardStep } from './wizard-steps';
import { setupPageStyles } from './bb-setup-page.styles';
import '../settings/bb-hours-editor';
import '../services/bb-services-editor';
import '../counters/bb-counters-editor';
import '../staff/bb-account-form';
import '../staff/bb-password-once';
import './bb-wizard-steps';

/**
 * Setting up a branch just opened, one step at a time: opening hours, services, counters, its
 * manager; then where to go next (presets, screens). Every step saves as it goes, so leaving
 * half-way loses nothing, and the step can be redone from the branch's own pages.
 */
@customElement('bb-setup-page')
export class BbSetupPage extends BranchPage {
  static override styles = setupPageStyles;

  @state() private step: WizardStep = 'hours';
  @state() private created: AccountCreated | null = null;

  private resumed = false;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate?.(changed);
    // Once the branch is known: resume at its next unfinished step, not at the first one.
    const cfg = this.config;
    if (!this.resumed && cfg) {
      this.resumed = true;
      this.step = resumeStep(cfg, wizardProgress.get(cfg.id));
    }
  }

  private go(step: WizardStep): void {
    this.step = step;
    if (this.config) wizardProgress.set(this.config.id, step);
    this.created = null;
    window.scrollTo?.({ top: 0 });
  }

  private next(): void {
    const i = WIZARD_STEPS.indexOf(this.step);
    this.go(WIZARD_STEPS[Math.min(i + 1, WIZARD_STEPS.length - 1)]!);
  }

  private back(): void {
    const i = WIZARD_STEPS.indexOf(this.step);
    if (i > 1) this.go(WIZARD_STEPS[i - 1]!);
  }

  override render() {
    const u = this.language;
    const cfg = this.config;
    return html`<header class="page-head">
        <div>
          <p class="crumb">${ct(u, 'page.newBranch')}</p>
          <h1>${cfg?.name ?? this.branch}</h1>
          <p class="lede">${ct(u, `wizard.${this.step}Lede`)}</p>
        </div>
      </header>
      <bb-wizard-steps .ui=${u} .current=${this.step}></bb-wizard-steps>
      ${cfg ? html`<section class="panel" data-testid="wizard-step" data-step=${this.step}>${this.renderStep()}</section>` : this.loading()}`;
  }

  private renderStep() {
    const u = this.language;
    const cfg = this.config!;
    const nav = (canGoOn: boolean) => html`<div class="wizard-nav">
      <button class="btn quiet" ?disabled=${this.step === 'hours'} @click=${() => this.back()}>${ct(u, 'common.back')}</button>
      <button class="btn primary" data-testid="wizard-next" ?disabled=${!canGoOn} @click=${() => this.next()}>${ct(u, 'common.next')}</button>
    </div>`;
    switch (this.step) {
      case 'hours':
        return html`<bb-hours-editor .config=${cfg} .submitLabel=${ct(u, 'wizard.saveAndGoOn')} @bb-hours-saved=${() => this.next()}></bb-hours-editor>
          <div class="wizard-nav"><span></span><button class="btn quiet" data-testid="wizard-skip" @click=${() => this.next()}>${ct(u, 'wizard.skip')}</button></div>`;
      case 'services':
        return html`<bb-services-editor .config=${cfg}></bb-services-editor>${nav(cfg.services.length > 0)}`;
      case 'counters':
        return html`<bb-counters-editor .config=${cfg}></bb-counters-editor>${nav(cfg.counters.length > 0)}`;
      case 'manager':
        return html`${this.created
            ? html`<bb-password-once .ui=${u} .username=${this.created.username} .password=${this.created.password} @bb-dismiss=${() => (this.created = null)}></bb-password-once>`
            : html`<bb-account-form
                initialRole="manager"
                .initialBranches=${[cfg.id]}
                @bb-account-created=${(e: CustomEvent<AccountCreated>) => (this.created = e.detail)}
              ></bb-account-form>`}
          ${nav(true)}`;
      case 'done':
        return html`<div class="done">
          <p class="ok-note">${ct(u, 'wizard.ready', { name: cfg.name })}</p>
          <ul class="next-steps">
            <li><a class="btn" href=${consoleHash({ kind: 'branch', branch: cfg.id, page: 'presets' })}>${ct(u, 'wizard.goPresets')}</a></li>
            <li><a class="btn" href=${consoleHash({ kind: 'branch', branch: cfg.id, page: 'screens' })}>${ct(u, 'wizard.goScreens')}</a></li>
            <li><a class="btn" href=${consoleHash({ kind: 'branch', branch: cfg.id, page: 'staff' })}>${ct(u, 'wizard.goStaff')}</a></li>
            <li><a class="btn primary" href=${consoleHash({ kind: 'branch', branch: cfg.id, page: 'today' })}>${ct(u, 'wizard.goToday')}</a></li>
          </ul>
        </div>`;
      default:
        return nothing;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-setup-page': BbSetupPage;
  }
}
