import type {
  BranchConfig,
  CounterBody,
  CounterConfig,
  CreateBranchBody,
  CreateUserBody,
  IntegrationToken,
  PairScreenBody,
  Preset,
  PresetBody,
  ScreenSound,
  ScreenStatus,
  ServiceBody,
  ServiceConfig,
  StaffAccount,
  UpdateBranchBody,
  UpdateUserBody,
} from '../../../core/client';
import { ApiClient, type SessionUser } from '../../lib/api';
import type { BranchSummary } from './branch-directory';

const enc = encodeURIComponent;

/** One signed-in browser or tablet of an account (GET /api/users/:username/sessions). */
export interface AccountSession {
  id: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  userAgent: string | null;
  address: string | null;
  /** The session this console runs in. */
  current?: boolean;
}

/**
 * The console's reads and commands, in the domain's words (REST paths: README, "Manager
 * console"). Views call these and never build a URL themselves; every command carries an
 * Idempotency-Key made once per user action (ApiClient.command), so a retry is applied once.
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
  /** The branches this user may see, in their configuration of now. */
  async branchConfigs(): Promise<BranchConfig[]> {
    return (await this.client.get<{ branches: BranchConfig[] }>('/api/branches')).branches;
  }

  async branches(): Promise<BranchSummary[]> {
    return (await this.branchConfigs()).map((b) => ({ id: b.id, name: b.name }));
  }

  async createBranch(body: CreateBranchBody): Promise<BranchConfig> {
    return (await this.client.command<{ branch: BranchConfig }>('POST', '/api/branches', body)).branch;
  }

  async updateBranch(branch: string, body: UpdateBranchBody): Promise<BranchConfig> {
    return (await this.client.command<{ branch: BranchConfig }>('PATCH', b(branch), body)).branch;
  }

  // --- services and counters ---------------------------------------------------------------
  async saveService(branch: string, id: string, body: ServiceBody): Promise<ServiceConfig> {
    return (await this.client.command<{ service: ServiceConfig }>('PUT', b(branch, `/services/${enc(id)}`), body)).service;
  }
  async removeService(branch: string, id: string): Promise<void> {
    await this.client.command('DELETE', b(branch, `/services/${enc(id)}`), {});
  }
  async saveCounter(branch: string, id: string, body: CounterBody): Promise<CounterConfig> {
    return (await this.client.command<{ counter: CounterConfig }>('PUT', b(branch, `/counters/${enc(id)}`), body)).counter;
  }
  async removeCounter(branch: string, id: string): Promise<void> {
    await this.client.command('DELETE', b(branch, `/counters/${enc(id)}`), {});
  }

  // --- presets ---------------------------------------------------------------------------
  async savePreset(branch: string, id: string, body: PresetBody): Promise<void> {
    await this.client.command('PUT', b(branch, `/presets/${enc(id)}`), body);
  }
  /** Removes the branch's own preset or override (the library's comes back), or hides a library one here. */
  async removePreset(branch: string, id: string): Promise<void> {
    await this.client.command('DELETE', b(branch, `/presets/${enc(id)}`), {});
  }
  async restorePreset(branch: string, id: string): Promise<void> {
    await this.client.command('POST', b(branch, `/presets/${enc(id)}/restore`), {});
  }
  async library(): Promise<Preset[]> {
    return (await this.client.get<{ presets: Preset[] }>('/api/preset-library')).presets;
  }
  async saveLibraryPreset(id: string, body: PresetBody): Promise<void> {
    await this.client.command('PUT', `/api/preset-library/${enc(id)}`, body);
  }
  async removeLibraryPreset(id: string): Promise<void> {
    await this.client.command('DELETE', `/api/preset-library/${enc(id)}`, {});
  }

  // --- staff -----------------------------------------------------------------------------
  async users(): Promise<StaffAccount[]> {
    return (await this.client.get<{ users: StaffAccount[] }>('/api/users')).users;
  }
  /** The reply's password is shown once and never again. */
  async createUser(body: CreateUserBody): Promise<{ user: StaffAccount; password: string }> {
    return this.client.command('POST', '/api/users', body);
  }
  async updateUser(username: string, body: UpdateUserBody): Promise<StaffAccount> {
    return (await this.client.command<{ user: StaffAccount }>('PATCH', `/api/users/${enc(username)}`, body)).user;
  }
  async resetPassword(username: string): Promise<{ user: StaffAccount; password: string }> {
    return this.client.command('POST', `/api/users/${enc(username)}/reset-password`, {});
  }

  /** The account's open sessions (where and when it is signed in). */
  async sessions(username: string): Promise<AccountSession[]> {
    return (await this.client.get<{ sessions: AccountSession[] }>(`/api/users/${enc(username)}/sessions`)).sessions;
  }
  async revokeSession(username: string, id: string): Promise<void> {
    await this.client.command('DELETE', `/api/users/${enc(username)}/sessions/${enc(id)}`, {});
  }
  async revokeAllSessions(username: string): Promise<void> {
    await this.client.command('DELETE', `/api/users/${enc(username)}/sessions`, {});
  }

  // --- integration tokens (an existing queue system feeding the branch) ------------------
  async integrationTokens(branch: string): Promise<IntegrationToken[]> {
    return (await this.client.get<{ tokens: IntegrationToken[] }>(b(branch, '/integration-tokens'))).tokens;
  }
  /** `secret` is in the first reply only (absent on a retry of the same action). */
  async createIntegrationToken(branch: string, name: string): Promise<{ token: IntegrationToken; secret?: string }> {
    return this.client.command('POST', b(branch, '/integration-tokens'), { name });
  }
  async revokeIntegrationToken(branch: string, id: string): Promise<void> {
    await this.client.command('DELETE', b(branch, `/integration-tokens/${enc(id)}`), {});
  }

  // --- screens ---------------------------------------------------------------------------
  async screens(branch: string): Promise<ScreenStatus[]> {
    return (await this.client.get<{ screens: ScreenStatus[] }>(b(branch, '/screens'))).screens;
  }
  async pairScreen(branch: string, body: PairScreenBody): Promise<ScreenStatus> {
    return (await this.client.command<{ screen: ScreenStatus }>('POST', b(branch, '/screens'), body)).screen;
  }
  async renameScreen(branch: string, id: string, name: string): Promise<void> {
    await this.client.command('PATCH', b(branch, `/screens/${enc(id)}`), { name });
  }
  async unpairScreen(branch: string, id: string): Promise<void> {
    await this.client.command('DELETE', b(branch, `/screens/${enc(id)}`), {});
  }
  /** Whether a connected screen got the message. */
  /** A screen's own chime, voice and volume (each null: the branch's); pushed to the screen at once. */
  async setScreenSound(branch: string, id: string, sound: ScreenSound): Promise<ScreenStatus> {
    return (await this.client.command<{ screen: ScreenStatus }>('PUT', b(branch, `/screens/${enc(id)}/sound`), sound)).screen;
  }
  async screenAction(branch: string, id: string, action: 'reload' | 'identify'): Promise<boolean> {
    return (await this.client.command<{ delivered: boolean }>('POST', b(branch, `/screens/${enc(id)}/${action}`), {})).delivered;
  }
}

function b(branch: string, rest = ''): string {
  return `/api/branches/${enc(branch)}${rest}`;
}
