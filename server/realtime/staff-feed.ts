import { parse as parseCookies } from 'cookie';
import type { Namespace, Server, Socket } from 'socket.io';
import { branchSummary, type BranchEvent, type BranchSummary, type ScreenStatus, type ServerToStaff, type StaffToServer } from '../../core';
import { SESSION_COOKIE, type Sessions } from '../auth/sessions';
import { mayActOn, type User } from '../auth/users';
import type { BranchStates } from '../commands/branch-states';
import type { CommittedEvents } from '../commands/committed';
import type { ScreenRegistry } from '../screens/screen-registry';
import type { ScreenSockets } from '../screens/screen-sockets';
import type { EventStore } from '../store/event-store';

const room = (branchId: string) => `staff:${branchId}`;
/** Those who also follow every report of a branch's screens (its screens page), not only up and down. */
const screensRoom = (branchId: string) => `staff-screens:${branchId}`;
/** Sessions are checked this often (a logout, an account disabled elsewhere); nothing is sent for it. */
const RECHECK_MS = 15_000;
/** A burst of events on one branch is one update. */
const SETTLE_MS = 250;
/** Account changes that alter what its feed may see, or whether it may see anything. */
const ACCESS_CHANGES = new Set(['bound', 'unbound', 'role_changed', 'disabled']);

/**
 * The console's live feed: Socket.IO namespace `/staff`, signed in by the session cookie (staff
 * who manage: admin, manager). Each socket gets the branches its account may see as an
 * overview on connect, then only what changes: a branch's row when an event changed it (from
 * CommittedEvents, a burst settled into one row, nothing when the row is as it was), and a
 * screen when it goes up or down, is paired, renamed or unpaired. An idle feed sends nothing,
 * so an admin's table of thousands of branches costs what changes, not what exists; ages tick
 * in the browser from the instants in the rows. Every report of a screen goes only to those on
 * that branch's screens page (`watch-screens`).
 */
export class StaffFeed {
  private readonly ns: Namespace<StaffToServer, ServerToStaff>;
  private readonly due = new Map<string, ReturnType<typeof setTimeout>>();
  /** The row each branch last sent, as JSON: a batch that leaves it as it was sends nothing. */
  private readonly sent = new Map<string, string>();
  /** Whether each screen was up when last heard of: a report that changes nothing of the row stays on the screens page. */
  private readonly screenUp = new Map<string, boolean>();
  private readonly rechecker: ReturnType<typeof setInterval>;

  constructor(
    io: Server,
    private readonly deps: { sessions: Sessions; states: BranchStates; store: EventStore; registry: ScreenRegistry; screens: ScreenSockets; committed: CommittedEvents },
  ) {
    this.ns = io.of('/staff') as unknown as Namespace<StaffToServer, ServerToStaff>;
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
    this.ns.on('connection', (socket) => {
      socket.on('watch-screens', (branchId: unknown) => {
        const user = socket.data.user as User;
        if (typeof branchId === 'string' && branchId.length <= 64 && mayActOn(user, branchId)) void socket.join(screensRoom(branchId));
      });
      // The database failing it: the socket is let go (the console shows it is not connected)
      // rather than an unhandled rejection, which would end the node.
      this.sendOverview(socket).catch(() => socket.disconnect(true));
    });
    deps.committed.on((branchId, events) => this.committed(branchId, events));
    deps.screens.onChange((screen, removed) => this.screenChanged(screen, removed ?? false));
    this.rechecker = setInterval(() => void this.recheckAll(), RECHECK_MS);
    this.rechecker.unref();
  }

  close(): void {
    clearInterval(this.rechecker);
    for (const t of this.due.values()) clearTimeout(t);
  }

  private async userOf(socket: Socket): Promise<User | undefined> {
    // A connection that came without a session cookie no longer holds its request (upgrade-request.ts).
    const token = parseCookies(socket.request?.headers.cookie ?? '')[SESSION_COOKIE];
    socket.data.token = token;
    return this.deps.sessions.user(token, Date.now());
  }

  /** Every branch the account may see, summarised; the socket follows each of them (and leaves those it may no longer see). */
  private async sendOverview(socket: Socket): Promise<void> {
    const user = socket.data.user as User;
    const counts = await this.deps.registry.counts();
    const branches: BranchSummary[] = [];
    for (const r of socket.rooms) {
      const id = r.startsWith('staff:') ? r.slice(6) : r.startsWith('staff-screens:') ? r.slice(14) : null;
      if (id !== null && !mayActOn(user, id)) void socket.leave(r);
    }
    for (const id of await this.deps.store.branchIds()) {
      if (!mayActOn(user, id)) continue;
      const state = await this.deps.states.get(id);
      if (!state?.config) continue;
      const summary = branchSummary(state, counts.get(id));
      branches.push(summary);
      // Where no row was sent yet, this one is what the room now holds: a batch heard after it
      // (committed before this socket came, told late) that leaves it as it is sends nothing.
      if (!this.sent.has(id)) {
        const { seq: _seq, ...shown } = summary;
        this.sent.set(id, JSON.stringify(shown));
      }
      void socket.join(room(id));
    }
    socket.emit('overview', { branches, serverTime: Date.now() });
  }

  private committed(branchId: string, events: readonly BranchEvent[]): void {
    // A branch just opened: the sockets that may see it follow it from now on.
    if (events.some((e) => e.type === 'BranchConfigured')) this.adopt(branchId);
    for (const e of events) {
      if (e.type === 'StaffChanged' && e.account && ACCESS_CHANGES.has(e.change)) void this.recheck((u) => u === e.account!.username);
    }
    this.soon(branchId);
  }

  private adopt(branchId: string): void {
    for (const socket of this.ns.sockets.values()) {
      if (mayActOn(socket.data.user as User, branchId)) void socket.join(room(branchId));
    }
  }

  private screenChanged(screen: ScreenStatus, removed: boolean): void {
    const msg = { screen, ...(removed ? { removed } : {}), serverTime: Date.now() };
    const before = this.screenUp.get(screen.id);
    if (removed) this.screenUp.delete(screen.id);
    else this.screenUp.set(screen.id, screen.up);
    if (!removed && before === screen.up) {
      // Only a report (heartbeat, rendered seq): for whoever watches this branch's screens.
      this.ns.to(screensRoom(screen.branchId)).emit('screen', msg);
      return;
    }
    // Up, down, paired or unpaired: the screens page and the branch's row both change.
    this.ns.to(room(screen.branchId)).to(screensRoom(screen.branchId)).emit('screen', msg);
    void this.sendBranch(screen.branchId, false).catch(() => undefined);
  }

  /** Re-reads the sessions of the feed's sockets (those of `which` accounts): ended ones are let go, changed rights get a new overview. */
  private async recheck(which: (username: string) => boolean): Promise<void> {
    for (const socket of this.ns.sockets.values()) {
      const was = socket.data.user as User;
      if (!which(was.username)) continue;
      const user = await this.deps.sessions.user(socket.data.token as string | undefined, Date.now()).catch(() => undefined);
      if (!user || (user.role !== 'admin' && user.role !== 'manager')) {
        socket.disconnect(true);
        continue;
      }
      socket.data.user = user;
      if (user.role !== was.role || user.branches.join() !== was.branches.join()) await this.sendOverview(socket).catch(() => undefined);
    }
  }

  private recheckAll(): Promise<void> {
    return this.recheck(() => true);
  }

  private soon(branchId: string): void {
    if (this.due.has(branchId)) return;
    this.due.set(
      branchId,
      setTimeout(() => {
        this.due.delete(branchId);
        void this.sendBranch(branchId, true).catch(() => undefined);
      }, SETTLE_MS),
    );
  }

  /**
   * The branch's row to those following it here. `onlyIfChanged`: after events, which this node
   * hears whichever node wrote them, so each node tells its own sockets, and only a row that
   * differs from the last one sent.
   */
  private async sendBranch(branchId: string, onlyIfChanged: boolean): Promise<void> {
    const watching = this.ns.adapter.rooms.get(room(branchId))?.size ?? 0;
    if (onlyIfChanged && !watching) {
      // Nobody here follows it: nothing to compute, and what was last sent is no longer known to be what they saw.
      this.sent.delete(branchId);
      return;
    }
    const state = await this.deps.states.get(branchId);
    if (!state?.config) return;
    const summary = branchSummary(state, await this.deps.registry.countsOf(branchId));
    // Its seq moves with every event; the row is news only when something shown in it changed.
    const { seq: _seq, ...shown } = summary;
    const json = JSON.stringify(shown);
    if (onlyIfChanged && this.sent.get(branchId) === json) return;
    this.sent.set(branchId, json);
    const msg = { summary, serverTime: Date.now() };
    if (onlyIfChanged) this.ns.local.to(room(branchId)).emit('branch', msg);
    else this.ns.to(room(branchId)).emit('branch', msg);
  }
}
