import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UiLang } from '../i18n/strings';
import { errorMessage } from './messages';
import { showToast } from './toast-events';

/**
 * Runs a user's action for an element: marks its button busy (and ignores a second tap while it
 * runs), then tells the outcome with a toast, "Done" or the reason it failed.
 */
export class ActionController implements ReactiveController {
  private readonly running = new Set<string>();
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly lang: () => UiLang,
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

  private toast(kind: 'ok' | 'error', message: string): void {
    showToast(this.connected ? this.host : document, kind, message);
  }
}
