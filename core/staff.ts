import { z } from 'zod';
import { STAFF_ROLES } from './events';
import { Slug } from './ids';

/**
 * Staff accounts as the console manages them. Not branch events: an account spans branches. The
 * rules of who may do what to whom live in `mayManageUser` so the console greys out what the
 * server would refuse.
 */

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "-" and "_"');

const BranchList = z
  .array(Slug)
  .max(200)
  .refine((ids) => new Set(ids).size === ids.length, 'each branch once');

/** POST /api/users: the reply carries a generated password/PIN, shown once. Admins and tellers-to-be alike. */
export const CreateUserBody = z
  .object({
    username: Username,
    name: z.string().trim().min(1).max(80),
    role: z.enum(STAFF_ROLES),
    /** Branches the account works at; ignored for admin (every branch). */
    branches: BranchList.default([]),
  })
  .strict()
  .superRefine((u, ctx) => {
    if (u.role !== 'admin' && u.branches.length === 0) ctx.addIssue({ code: 'custom', path: ['branches'], message: 'bind the account to at least one branch' });
  });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** PATCH /api/users/:username. Disabling ends the account's sessions at once. */
export const UpdateUserBody = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    role: z.enum(STAFF_ROLES).optional(),
    branches: BranchList.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one of name, role, branches, disabled', path: ['name'] });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** An account as the console lists it (never its hash). */
export interface StaffAccount {
  username: string;
  name: string;
  role: (typeof STAFF_ROLES)[number];
  /** Empty for admin: every branch. */
  branches: string[];
  disabled: boolean;
  createdAt: number;
  lastLoginAt: number | null;
}

// Who may manage whom is zod-free (staff-rights.ts), so the console can grey out what the server refuses.
export { mayManageUser } from './staff-rights';
