import type { Actor, CreateBranchBody } from '../../core';
import type { User } from '../auth/users';
import type { BranchAdmin } from '../console/branch-admin';
import type { StaffAdmin } from '../console/staff-admin';
import { DEMO_BRANCH, DEMO_PROMISES } from './demo-branch';

/** The system's own stand-in for the head office while it builds the demo. */
const SYSTEM: User = { username: '@system', name: 'Branchboard', role: 'admin', branches: [] };
const SYSTEM_ACTOR: Actor = { role: 'system' };

/**
 * Builds the demo through the console's own commands, as an admin would by hand: the demo's
 * presets become the bank's library, the branch opens with them and its services and
 * counters, then the accounts. No second path into the database. Keys are fixed, so a start interrupted
 * half-way completes the rest on the next try without doing anything twice.
 */
export async function buildDemo(
  deps: { admin: BranchAdmin; staff: StaffAdmin },
  accounts: { username: string; name: string; role: User['role']; password: string; passwordHash: string }[],
): Promise<void> {
  const { admin, staff } = deps;
  const id = (step: string) => ({ key: `demo-${step}`.slice(0, 64), fingerprint: `demo-${step}`, actor: SYSTEM_ACTOR });
  const must = (r: { ok: boolean; error?: { code: string; message: string } }, what: string) => {
    if (!r.ok) throw new Error(`demo: ${what}: ${r.error?.code} ${r.error?.message}`);
  };

  for (const { id: presetId, ...body } of DEMO_BRANCH.presets) await admin.putLibraryPreset(presetId, body, id(`library-${presetId}`));

  // One command opens it with its services and counters, as the console's new-branch form can.
  const { id: branchId, name, timezone, languages, services, counters, limits } = DEMO_BRANCH;
  const promised = services.map((s) => (DEMO_PROMISES[s.id] ? { ...s, promiseMinutes: DEMO_PROMISES[s.id] } : s));
  const branch: CreateBranchBody = { id: branchId, name, timezone, languages, services: promised, counters, ...(limits ? { limits } : {}) };
  must(await admin.createBranch(branch, id('branch')), 'open the branch');

  for (const a of accounts) {
    const r = await staff.create(SYSTEM, { username: a.username, name: a.name, role: a.role, branches: a.role === 'admin' ? [] : [DEMO_BRANCH.id] }, id(`account-${a.username}`), {
      password: a.password,
      passwordHash: a.passwordHash,
      unlogged: true,
    });
    must(r, `account ${a.username}`);
  }
}
