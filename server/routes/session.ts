import { Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords';
import { SESSION_COOKIE, type Sessions } from '../auth/sessions';
import type { Users } from '../auth/users';
import { HttpError, parse } from '../http/errors';

export const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(200),
  })
  .strict();

export function sessionRoutes(opts: { users: Users; sessions: Sessions; secureCookies: boolean; loginAttempts: number }): Router {
  const r = Router();
  // Failed logins are throttled per client address; successful ones do not count.
  const throttle = rateLimit({
    windowMs: 15 * 60_000,
    limit: opts.loginAttempts,
    skipSuccessfulRequests: true,
    // Per address *and* username: tablets behind one branch router share an address, and one
    // colleague's mistyped PIN must not lock everyone else out.
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').trim().toLowerCase().slice(0, 64)}`,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ ok: false, error: { code: 'too_many_attempts', message: 'too many failed logins: wait a few minutes' } });
    },
  });

  r.post('/', throttle, async (req, res) => {
    const { username, password } = parse(LoginBody, req.body);
    const found = opts.users.withHash(username);
    // Check a hash even for unknown users, so timing does not reveal who exists.
    const good = await verifyPassword(password, found?.hash ?? DUMMY_HASH);
    if (!found || !good) throw new HttpError(401, 'bad_credentials', 'wrong username or password');
    const { token, expiresAt } = opts.sessions.open(found.user.username, Date.now());
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.secureCookies,
      expires: new Date(expiresAt),
      path: '/',
    });
    res.json({ ok: true, user: found.user });
  });

  r.get('/', (req, res) => {
    if (!req.user) throw new HttpError(401, 'unauthenticated', 'not logged in');
    res.json({ ok: true, user: req.user });
  });

  r.delete('/', (req, res) => {
    opts.sessions.close(req.sessionToken);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json({ ok: true });
  });
  return r;
}
