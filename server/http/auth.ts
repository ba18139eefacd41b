import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { SESSION_COOKIE, type Sessions } from '../auth/sessions';
import { mayActOn, type Role, type User } from '../auth/users';
import { HttpError } from './errors';

declare module 'express-serve-static-core' {
  interface Request {
    user?: User;
    sessionToken?: string;
    /** The public id of the session `user` came from (to list and revoke sessions). */
    sessionId?: string;
  }
}

/** Reads the session cookie, if any, into `req.user`. */
export function loadSession(sessions: Sessions): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
    if (token) {
      req.sessionToken = token;
      const found = await sessions.user(token, Date.now());
      if (found) {
        const { sessionId, ...user } = found;
        req.user = user;
        req.sessionId = sessionId;
      }
    }
    next();
  };
}

/** Staff only, bound to the branch in the URL: 401 without a session, 403 for another branch or role. */
export function requireStaff(roles: Role[] = ['admin', 'manager', 'teller']): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) throw new HttpError(401, 'unauthenticated', 'log in first');
    if (!roles.includes(req.user.role)) throw new HttpError(403, 'forbidden', 'your role may not do this');
    const branch = req.params.branch;
    if (typeof branch === 'string' && !mayActOn(req.user, branch)) {
      throw new HttpError(403, 'forbidden', 'you are not staff of this branch');
    }
    next();
  };
}
