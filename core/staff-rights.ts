import type { StaffRole } from './events';

type Who = { username: string; role: StaffRole; branches: readonly string[] };

/**
 * Whether `actor` may create or change an account that is (or becomes) `target`: an admin may do
 * anything but demote or disable the last admin (checked by the server); a manager only tellers
 * bound to their own branches, never themselves (no one raises their own rights); a teller nothing.
 */
export function mayManageUser(actor: Who, target: { username: string; role: Who['role']; branches: readonly string[] }): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'manager') return false;
  if (target.username === actor.username) return false;
  if (target.role !== 'teller') return false;
  return target.branches.length > 0 && target.branches.every((b) => actor.branches.includes(b));
}
