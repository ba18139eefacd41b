import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import type { Users } from '../auth/users';
import type { CommandHandler } from '../commands/execute';
import type { BranchAdmin } from '../console/branch-admin';
import type { StaffAdmin } from '../console/staff-admin';
import type { EventStore } from '../store/event-store';
import { buildDemo } from './build-demo';
import { DEMO_ADMIN, DEMO_BRANCH, DEMO_MANAGER, DEMO_TELLERS } from './demo-branch';

/** A demo account made by this start, with its password, to be shown once to whoever started the server. */
export interface DemoAccount {
  username: string;
  password: string;
}

/** 10 characters from an alphabet without look-alikes (no 0/O, 1/l/I): read off a terminal, typed on a tablet. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * On first start with an empty database: the demo branch (configured through its own event, so
 * it is in the log like everything else), a manager and four tellers, each with their own
 * generated password (or `password` for all, when the operator chose one). Returns the accounts
 * it made, so they can be shown once; null when there was something already.
 */
export async function seedDemo(
  deps: { commands: CommandHandler; admin: BranchAdmin; staff: StaffAdmin },
  store: EventStore,
  users: Users,
  password?: string,
): Promise<DemoAccount[] | null> {
  if ((await store.branchExists(DEMO_BRANCH.id)) || (await users.count()) > 0) return null;
  const people = [
    { username: DEMO_ADMIN, name: 'Head office', role: 'admin' as const },
    { username: DEMO_MANAGER, name: 'Demo manager', role: 'manager' as const },
    ...DEMO_TELLERS.map((u, i) => ({ username: u, name: `Teller ${i + 1}`, role: 'teller' as const })),
  ];
  const accounts = people.map((p) => ({ ...p, password: password ?? generatePassword() }));
  // One hash for a shared password (tests start many servers), one per account otherwise.
  const shared = password === undefined ? null : await hashPassword(password);
  const hashes = await Promise.all(accounts.map((a) => shared ?? hashPassword(a.password)));
  // Built through the console's own commands (library, branch, services, counters, accounts).
  await buildDemo(deps, accounts.map((a, i) => ({ ...a, passwordHash: hashes[i]! })));
  return accounts.map(({ username, password }) => ({ username, password }));
}
