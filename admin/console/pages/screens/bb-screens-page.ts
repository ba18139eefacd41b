import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ScreenStatus } from '../../../../core/client';
import { apiContext } from '../../data/contexts';
import type { ConsoleApi } from '../../data/console-api';
import { SaveController } from '../../data/save-controller';
import { StaffStreamController } from '../../data/staff-stream';
import { ct } from '../../i18n/console-strings';
import { BranchPage } from '../../parts/branch-page';
import type { ScreenAction } from './bb-screen-card';
import { screensPageStyles } from './bb-screens-page.styles';
import './bb-pair-screen-form';
import './bb-screen-card';
import './bb-branch-sound';
import './bb-branch-wording';

/**
 * The branch's screens: pair a new TV with the code it shows, then watch each one — up or down,
 * what it last rendered — and reload it or make it show its name. Kept live by the staff stream.
 */
@customElement('bb-screens-page')
export class BbScreensPage extends BranchPage {
  static override styles = screensPageStyles;

  @consume({ context: apiContext }) private api!: ConsoleApi;
  @state() private loaded: ScreenStatus[] | null = null;
  @state() private note: string | null = null;
  private readonly staff = new StaffStreamController(this, { screensOf: () => this.branch });
  private readonly action = new SaveController(this, () => this.language);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const list = await this.action.run(() => this.api.screens(this.branch));
    if (list) {
      this.loaded = list;
      this.action.reset();
    }
  }

  /** The list as loaded, with every newer status the staff stream brought since. */
  private get screens(): ScreenStatus[] {
    const byId = new Map((this.loaded ?? []).map((s) => [s.id, s]));
    for (const s of this.staff.screens.values()) if (s.branchId === this.branch) byId.set(s.id, s);
    return [...byId.values()].filter((s) => !this.removed.has(s.id)).sort((a, b) => a.name.localeCompare(b.name));
  }

  private removed = new Set<string>();

  private async onAction(e: CustomEvent<{ action: ScreenAction; id: string; name?: string }>): Promise<void> {
    const { action, id, name } = e.detail;
    const u = this.language;
    this.note = null;
    if (action === 'reload' || action === 'identify') {
      const delivered = await this.action.run(() => this.api.screenAction(this.branch, id, action));
      if (delivered !== undefined) this.note = ct(u, delivered ? (action === 'reload' ? 'screens.reloadSent' : 'screens.identifySent') : 'screens.notDelivered');
    } else if (action === 'rename' && name) {
      if (await this.action.runOk(() => this.api.renameScreen(this.branch, id, name))) await this.load();
    } else if (action === 'unpair') {
      if (await this.action.runOk(() => this.api.unpairScreen(this.branch, id))) {
        this.removed.add(id);
        await this.load();
      }
    }
  }

  /** A screen's sound saved: the list shows it as the server has it now. */
  private onUpdated(e: CustomEvent<ScreenStatus>): void {
    this.staff.screens.set(e.detail.id, e.detail);
    this.loaded = (this.loaded ?? []).map((s) => (s.id === e.detail.id ? e.detail : s));
  }

  override render() {
    const u = this.language;
    const list = this.screens;
    const now = this.staff.connected ? this.staff.now() : this.stream.now();
    return html`${this.head('page.screens', 'screens.lede')}
      <section class="panel">
        <h2>${ct(u, 'screens.pairTitle')}</h2>
        <bb-pair-screen-form .branch=${this.branch} @bb-screen-paired=${() => this.load()}></bb-pair-screen-form>
      </section>
      <section class="panel">
        <h2>${ct(u, 'screens.branchSound')}</h2>
        <bb-branch-sound .config=${this.config} branch=${this.branch} .ui=${u}></bb-branch-sound>
      </section>
      <section class="panel">
        <h2>${ct(u, 'screens.wording')}</h2>
        <bb-branch-wording .config=${this.config} branch=${this.branch} .ui=${u}></bb-branch-wording>
      </section>
      ${this.note ? html`<p class="ok-note" role="status" data-testid="screen-note">${this.note}</p>` : nothing}
      ${this.action.status === 'error' ? html`<p class="error" role="alert">${this.action.message}</p>` : nothing}
      <section class="list" @bb-screen-action=${this.onAction} @bb-screen-updated=${this.onUpdated} data-testid="screens">
        ${this.loaded === null
          ? html`<p class="empty" role="status">${ct(u, 'shell.loading')}</p>`
          : list.length === 0
            ? html`<p class="empty">${ct(u, 'screens.none')}</p>`
            : list.map(
                (s) => html`<bb-screen-card .screen=${s} .branchSeq=${this.stream.state?.seq ?? 0} .now=${now} .ui=${u} .busy=${this.action.busy}></bb-screen-card>`,
              )}
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-screens-page': BbScreensPage;
  }
}
