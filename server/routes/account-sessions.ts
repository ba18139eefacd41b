import { Router, type Request } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { Username } from '../../core';
import type { Sessions } from '../auth/sessions';
import type { User, Users } from '../auth/users';
import { clientAddress } from '../http/client-address';
import { HttpError, parse } from '../http/errors';

const SessionId = z.string().regex(/^[A-Za-z0-9_-]{6,32}$/, 'a session id');

/**
 * Whether `actor` may see and end the sessions of `target`: their own, always; an admin, any;
 * a manager, those of accounts working at one of their branches (not an admin's).
 */
export function mayManageSessionsOf(actor: User, target: User): boolean {
  if (actor.username === target.username) return true;
  const role: string = actor.role;
  if (role === 'admin') return true;
  if (role !== 'manager' || (target.role as string) === 'admin' || target.branches.includes('*')) return false;
  return target.branches.some((b) => actor.branches.includes(b) || actor.branches.includes('*'));
}

/**
 * The sessions of an account, for the console: list them, end one, end all. Mounted at
 * /api/users/:username/sessions. An account the caller may not manage reads as unknown (404),
 * so the API does not tell who exists.
 */
export function accountSessionRoutes(opts: { users: Users; sessions: Sessions; logger: Logger }): Router {
  const r = Router({ mergeParams: true });
  r.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  const target = async (req: Request): Promise<User> => {
    if (!req.user) throw new HttpError(401, 'unauthenticated', 'log in first');
    const username = parse(Username, req.params.username, 'username');
    const user = await opts.users.get(username);
    if (!user || !mayManageSessionsOf(req.user, user)) throw new HttpError(404, 'unknown_user', `no account "${username}" you may manage`);
    return user;
  };

  r.get('/', async (req, res) => {
    const user = await target(req);
    const sessions = (await opts.sessions.list(user.username, Date.now())).map((s) => ({ ...s, current: s.id === req.sessionId }));
    res.json({ ok: true, sessions });
  });

  r.delete('/:id', async (req, res) => {
    const user = await target(req);
    const id = parse(SessionId, req.params.id, 'id');
    if (!(await opts.sessions.revoke(user.username, id))) throw new HttpError(404, 'unknown_session', `no open session "${id}" of this account`);
    opts.logger.info({ username: user.username, session: id, by: req.user!.username, address: clientAddress(req) }, 'session revoked');
    res.json({ ok: true, revoked: 1 });
  });

  r.delete('/', async (req, res) => {
    const user = await target(req);
    const revoked = await opts.sessions.revokeAll(user.username);
    opts.logger.info({ username: user.username, revoked, by: req.user!.username, address: clientAddress(req) }, 'sessions revoked');
    res.json({ ok: true, revoked });
  });
  return r;
}
