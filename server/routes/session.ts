import { Router, type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { z } from 'zod';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords';
import { SESSION_COOKIE, type Sessions } from '../auth/sessions';
import type { Users } from '../auth/users';
import { clientAddress } from '../http/client-address';
import { HttpError, parse } from '../http/errors';
import { secureRequest } from '../http/transport-security';

export const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(200),
  })
  .strict();
export type LoginBody = z.infer<typeof LoginBody>;

declare module 'express-serve-static-core' {
  interface Request {
    /** The login body after validation: nothing reads the raw one. */
    login?: LoginBody;
  }
}

export function sessionRoutes(opts: { users: Users; sessions: Sessions; secureCookies: boolean; loginAttempts: number; logger: Logger }): Router {
  const r = Router();
  // Nothing about a session may be kept by a browser's or a proxy's cache.
  r.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  // The body is validated before anything (the throttle's key included) reads it.
  const validate = (req: Request, _res: Response, next: NextFunction) => {
    req.login = parse(LoginBody, req.body ?? {});
    next();
  };
  // Failed logins are throttled per client address; successful ones do not count.
  const throttle = rateLimit({
    windowMs: 15 * 60_000,
    limit: opts.loginAttempts,
    skipSuccessfulRequests: true,
    // Per address *and* username: tablets behind one branch router share an address, and one
    // colleague's mistyped PIN must not lock everyone else out.
    keyGenerator: (req) => `${clientAddress(req)}|${req.login!.username.toLowerCase()}`,
    validate: { ip: false },
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      opts.logger.warn({ username: req.login?.username, address: clientAddress(req), outcome: 'throttled' }, 'login refused');
      res.status(429).json({ ok: false, error: { code: 'too_many_attempts', message: 'too many failed logins: wait a few minutes' } });
    },
  });

  r.post('/', validate, throttle, async (req, res) => {
    const { username, password } = req.login!;
    const address = clientAddress(req);
    const found = await opts.users.withHash(username);
    // Check a hash even for unknown users, so timing does not reveal who exists.
    const good = await verifyPassword(password, found?.hash ?? DUMMY_HASH);
    if (!found || !good) {
      opts.logger.warn({ username, address, outcome: found ? 'bad_password' : 'unknown_user' }, 'login failed');
      throw new HttpError(401, 'bad_credentials', 'wrong username or password');
    }
    // A login replaces the session this browser had: no forgotten session left open behind it.
    opts.sessions.close(req.sessionToken);
    const { token, expiresAt } = opts.sessions.open(found.user.username, Date.now());
    opts.logger.info({ username: found.user.username, address, outcome: 'ok' }, 'login');
    await opts.users.recordLogin(found.user.username, Date.now());
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: secureRequest(req, opts.secureCookies),
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
    if (req.user) opts.logger.info({ username: req.user.username, address: clientAddress(req) }, 'logout');
    opts.sessions.close(req.sessionToken);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureRequest(req, opts.secureCookies) });
    res.json({ ok: true });
  });
  return r;
}
