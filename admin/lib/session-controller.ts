import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionUser } from './api';

export type SessionPhase = 'checking' | 'offline' | 'login' | 'ready';

const RECHECK_MS = 3000;

/**
 * The staff apps' session (the teller tablet and the manager console): is someone signed in
 * (checked on connect; while the server cannot be reached, "offline" and a new try every 3 s),
 * the login form's busy state and error, a session that ends under the app. The app says what a
 * signed-in account means for it (`accept`: false when it sends the account elsewhere).
 */
export class SessionController implements ReactiveController {
  phase: SessionPhase = 'checking';
  busy = false;
  error: string | null = null;
  private recheck?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly opts: {
      check: () => Promise<SessionUser | null>;
      login: (username: string, password: string) => Promise<SessionUser>;
      /** What the app does with a signed-in account; false when it is not for this app (it went elsewhere). */
      accept: (user: SessionUser) => boolean;
      /** The login error in the app's words. */
      loginError: (err: unknown) => string;
      /** After a failed login (e.g. clear the password field). */
      failed?: () => void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.check();
  }

  hostDisconnected(): void {
    clearTimeout(this.recheck);
  }

  async check(): Promise<void> {
    clearTimeout(this.recheck);
    try {
      const user = await this.opts.check();
      if (user) this.signedIn(user);
      else this.set('login');
    } catch {
      // The server is down or restarting: say so, and try again by itself.
      this.set('offline');
      this.recheck = setTimeout(() => void this.check(), RECHECK_MS);
    }
  }

  async login(username: string, password: string): Promise<void> {
    this.busy = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      this.signedIn(await this.opts.login(username, password));
    } catch (err) {
      this.error = this.opts.loginError(err);
      this.opts.failed?.();
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Back to the login form, with `message` (a session that ended) or none (a logout). */
  signedOut(message: string | null = null): void {
    this.error = message;
    this.set('login');
  }

  private signedIn(user: SessionUser): void {
    if (this.opts.accept(user)) this.set('ready');
  }

  private set(phase: SessionPhase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }
}
