import { ApiClient, type SessionUser } from '../../lib/api';
import type { BranchSummary } from './branch-directory';

const enc = encodeURIComponent;

/**
 * The console's reads and commands, in the domain's words. Views call these and never build a
 * URL themselves; every command carries an Idempotency-Key (ApiClient.command).
 */
export class ConsoleApi {
  constructor(readonly client: ApiClient) {}

  // --- session ---------------------------------------------------------------------------
  session(): Promise<SessionUser | null> {
    return this.client.getSession();
  }
  login(username: string, password: string): Promise<SessionUser> {
    return this.client.login(username, password);
  }
  logout(): Promise<void> {
    return this.client.logout();
  }

  // --- branches --------------------------------------------------------------------------
  /** The branches this user may see, named. */
  async branches(user: SessionUser): Promise<BranchSummary[]> {
    const ids = user.branches.filter((b) => b !== '*');
    const named = await Promise.all(
      ids.map((id) =>
        this.client.branchState(id).then(
          (r) => ({ id, name: r.state.config?.name ?? id }),
          () => ({ id, name: id }),
        ),
      ),
    );
    return named;
  }

  branchPath(branch: string, rest = ''): string {
    return `/api/branches/${enc(branch)}${rest}`;
  }
}
