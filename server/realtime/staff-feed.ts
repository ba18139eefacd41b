import { parse as parseCookies } from 'cookie';
import type { Namespace, Server, Socket } from 'socket.io';
import { branchSummary, type BranchSummary, type ServerToStaff } from '../../core';
import { SESSION_COOKIE, type Sessions } from '../auth/sessions';
import { mayActOn, type User } from '../auth/users';
import type { BranchStates } from '../commands/branch-states';
import type { CommittedEvents } from '../commands/committed';
import type { ScreenRegistry } from '../screens/screen-registry';
import type { ScreenSockets } from '../screens/screen-sockets';
import type { EventStore } from '../store/event-store';

const room = (branchId: string) => `staff:${branchId}`;
/** The whole overview again this often: ages tick, new branches appear, a disabled account is let go. */
const REFRESH_MS = 5_000;
/** A burst of events on one branch is one update. */
const SETTLE_MS = 250;

/**
 * The console's live feed: Socket.IO namespace `/staff`, signed in by the session cookie (staff
 * who manage: admin, manager). Each socket gets the branches its account may see — an overview
 * on connect and every few seconds, a branch's summary when it changes, and screen status.
 */
export class StaffFeed {
  private readonly ns: Namespace<Record<string, never>, ServerToStaff>;
  private readonly due = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly refresher: ReturnType<typeof setInterval>;

  constructor(
    io: Server,
    private readonly deps: { sessions: Sessions; states: BranchStates; store: EventStore; registry: ScreenRegistry; screens: ScreenSockets; committed: CommittedEvents },
  ) {
    this.ns = io.of('/staff') as unknown as Namespace<Record<string, never>, ServerToStaff>;
    this.ns.use((socket, next) => {
      void this.userOf(socket).then(
        (user) => {
          if (!user) return next(new Error('unauthenticated'));
          if (user.role !== 'admin' && user.role !== 'manager') return next(new Error('forbidden'));
          socket.data.user = user;
          next();
        },
        () => next(new Error('unavailable')),
      );
    });
    this.ns.on('connection', (socket) => void this.sendOverview(socket));
    deps.committed.on((branchId) => this.soon(branchId));
    deps.screens.onChange((screen, removed) => {
      this.ns.to(room(screen.branchId)).emit('screen', { screen, ...(removed ? { removed } : {}), serverTime: Date.now() });
      this.soon(screen.branchId);
    });
    this.refresher = setInterval(() => void this.refreshAll(), REFRESH_MS);
    this.refresher.unref();
  }

  close(): void {
    clearInterval(this.refresher);
    for (const t of this.due.values()) clearTimeout(t);
  }

  private async userOf(socket: Socket): Promise<User | undefined> {
    const token = parseCookies(socket.request.headers.cookie ?? '')[SESSION_COOKIE];
    socket.data.token = token;
    return this.deps.sessions.user(token, Date.now());
  }

  /** Every branch the account may see, summarised; the socket follows each of them. */
  private async sendOverview(socket: Socket): Promise<void> {
    const user = socket.data.user as User;
    const counts = await this.deps.registry.counts();
    const branches: BranchSummary[] = [];
    for (const id of await this.deps.store.branchIds()) {
      if (!mayActOn(user, id)) continue;
      const state = await this.deps.states.get(id);
      if (!state?.config) continue;
      branches.push(branchSummary(state, counts.get(id)));
      void socket.join(room(id));
    }
    socket.emit('overview', { branches, serverTime: Date.now() });
  }

  private async refreshAll(): Promise<void> {
    for (const socket of this.ns.sockets.values()) {
      // A session that ended (logout, account disabled) ends the feed too.
      const user = await this.deps.sessions.user(socket.data.token as string | undefined, Date.now()).catch(() => undefined);
      if (!user) {
        socket.disconnect(true);
        continue;
      }
      socket.data.user = user;
      await this.sendOverview(socket).catch(() => undefined);
    }
  }

  private soon(branchId: string): void {
    if (this.due.has(branchId)) return;
    this.due.set(
      branchId,
      setTimeout(() => {
        this.due.delete(branchId);
        void this.sendBranch(branchId).catch(() => undefined);
      }, SETTLE_MS),
    );
  }

  private async sendBranch(branchId: string): Promise<void> {
    const state = await this.deps.states.get(branchId);
    if (!state?.config) return;
    const counts = await this.deps.registry.counts();
    this.ns.to(room(branchId)).emit('branch', { summary: branchSummary(state, counts.get(branchId)), serverTime: Date.now() });
  }
}
