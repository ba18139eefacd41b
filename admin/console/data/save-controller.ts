import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../../lib/api';
import { consoleError } from '../i18n/console-errors';
import type { ConsoleLang } from '../i18n/console-strings';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

/**
 * One form's save: busy while it runs (a second click does nothing), then "saved" or the reason it
 * failed, worded for a person, with the field the server named so the form can mark it.
 */
export class SaveController implements ReactiveController {
  status: SaveStatus = 'idle';
  message: string | null = null;
  field: string | null = null;
  private savedTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly lang: () => ConsoleLang,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.savedTimer);
  }

  get busy(): boolean {
    return this.status === 'saving';
  }

  /** Runs `fn`; returns its result, or undefined when it failed (the reason is in `message`). */
  async run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    clearTimeout(this.savedTimer);
    this.set('saving', null, null);
    try {
      const r = await fn();
      this.set('saved', null, null);
      // "Saved" is news for a moment, then the form is simply as it is.
      this.savedTimer = setTimeout(() => this.set('idle', null, null), 4000);
      return r;
    } catch (e) {
      this.set('error', consoleError(this.lang(), e), e instanceof ApiError ? (e.field ?? null) : null);
      return undefined;
    }
  }

  /** Runs an action that answers nothing; returns whether it worked. */
  async runOk(fn: () => Promise<unknown>): Promise<boolean> {
    await this.run(fn);
    return this.status === 'saved';
  }

  /** A problem found before sending (the form's own check). */
  fail(message: string, field: string | null = null): void {
    this.set('error', message, field);
  }

  reset(): void {
    this.set('idle', null, null);
  }

  private set(status: SaveStatus, message: string | null, field: string | null): void {
    this.status = status;
    this.message = message;
    this.field = field;
    this.host.requestUpdate();
  }
}
