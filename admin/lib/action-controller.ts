import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Language } from '../../ui/i18n/languages';
import { errorMessage } from './messages';
import { clearToasts, showToast, type ToastKind } from './toast-events';

let controllers = 0;

/**
 * Runs a user's action for an element: marks its button busy (and ignores a second tap while it
 * runs), then tells the outcome with a toast: what was done, or the reason it failed. When the
 * teller acts again on the same element, its old error goes away: it is about the try before.
 */
export class ActionController implements ReactiveController {
  private readonly running = new Set<string>();
  private connected = false;
  /** Names this element's toasts, so a newer outcome here replaces the older one. */
  private readonly source = `actions-${++controllers}`;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly lang: () => Language,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
  }

  busy(key: string): boolean {
    return this.running.has(key);
  }

  /** The keys of the actions under way. */
  get busyKeys(): readonly string[] {
    return [...this.running];
  }

  get anyBusy(): boolean {
    return this.running.size > 0;
  }

  /**
   * Runs `fn` under `key`. `ok` words the success (a string, or from the reply); returns whether
   * it worked. Toasts are sent from the host, so they reach the app even if the host is removed
   * meanwhile (the event is dispatched on `document` then).
   */
  async run<T>(key: string, fn: () => Promise<T>, ok: string | ((reply: T) => string)): Promise<boolean> {
    if (this.running.has(key)) return false;
    this.running.add(key);
    this.host.requestUpdate();
    clearToasts(this.target, this.source, 'error');
    try {
      const reply = await fn();
      this.toast('ok', typeof ok === 'string' ? ok : ok(reply));
      return true;
    } catch (e) {
      this.toast('error', errorMessage(this.lang(), e));
      return false;
    } finally {
      this.running.delete(key);
      this.host.requestUpdate();
    }
  }

  private get target(): EventTarget {
    return this.connected ? this.host : document;
  }

  private toast(kind: ToastKind, message: string): void {
    showToast(this.target, kind, message, this.source);
  }
}
