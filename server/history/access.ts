import type { Request, RequestHandler } from 'express';
import { mayActOn } from '../auth/users';
import { HttpError } from '../http/errors';

/**
 * Who reads a branch's history (notices with who posted them, reports, audit, replays, webhooks):
 * its managers and the head office's admins. Tellers and the public get none of it.
 */
export function isAdmin(req: Request): boolean {
  return (req.user?.role as string | undefined) === 'admin';
}

export function requireHistoryReader(): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    if (!user) throw new HttpError(401, 'unauthenticated', 'log in first');
    const role = user.role as string;
    if (role !== 'manager' && role !== 'admin') throw new HttpError(403, 'forbidden', 'history is for managers and admins');
    const branch = req.params.branch;
    if (role !== 'admin' && typeof branch === 'string' && !mayActOn(user, branch)) {
      throw new HttpError(403, 'forbidden', 'you are not a manager of this branch');
    }
    next();
  };
}

/** Across branches: admins only. */
export function requireAdmin(): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) throw new HttpError(401, 'unauthenticated', 'log in first');
    if (!isAdmin(req)) throw new HttpError(403, 'forbidden', 'across branches is for admins');
    next();
  };
}
