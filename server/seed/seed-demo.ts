import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import type { Users } from '../auth/users';
import type { CommandHandler } from '../commands/execute';
import type { EventStore } from '../store/event-store';
import { DEMO_BRANCH, DEMO_MANAGER, DEMO_TELLERS } from './demo-branch';

/**
 * On first start with an empty database: the demo branch (configured through its own event, so
 * it is in the log like everything else), a manager and four tellers. Returns the password when
 * it made the accounts, so it can be printed once.
 */
export async function seedDemo(commands: CommandHandler, store: EventStore, users: Users, password?: string): Promise<string | null> {
  if ((await store.branchExists(DEMO_BRANCH.id)) || users.count() > 0) return null;
  const secret = password ?? randomBytes(6).toString('base64url');
  const hash = await hashPassword(secret);
  const now = Date.now();
  await commands.openBranch(DEMO_BRANCH.id, DEMO_BRANCH, { role: 'system' });
  users.create({ username: DEMO_MANAGER, name: 'Demo manager', role: 'manager', branches: [DEMO_BRANCH.id] }, hash, now);
  DEMO_TELLERS.forEach((u, i) => users.create({ username: u, name: `Teller ${i + 1}`, role: 'teller', branches: [DEMO_BRANCH.id] }, hash, now));
  return secret;
}
