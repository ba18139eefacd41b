import { parse as parseCookies } from 'cookie';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { LoginThrottle, Verdict } from '../auth/login-throttle';
import { DUMMY_HASH, HashingBusy, verifyPassword, type HashingWork } from '../auth/passwords';
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

/** A long-lived cookie naming a device an account logged in from: it keeps that device out of throttles others cause. */
export const DEVICE_COOKIE = 'bb_device';
const DEVICE_COOKIE_MS = 365 * 24 * 3600_000;

export interface SessionRouteDeps {
  users: Users;
  sessions: Sessions;
  throttle: LoginThrottle;
  work: HashingWork;
  secureCookies: boolean;
  logger: Logger;
}

export function sessionRoutes(opts: SessionRouteDeps): Router {
  const r = Router();
  // Nothing about a session may be kept by a browser's or a proxy's cache.
  r.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  const refuse = (req: Request, res: Response, username: string, reason: string, retryAfterMs: number) => {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    opts.logger.warn({ username, address: clientAddress(req), outcome: 'throttled', reason, retryAfterSeconds: seconds }, 'login refused');
    res.set('Retry-After', String(seconds));
    throw new HttpError(429, 'too_many_attempts', reason === 'busy' ? 'too many logins at once: try again in a moment' : 'too many failed logins: wait a few minutes');
  };

  r.post('/', async (req, res) => {
    // The body is validated before anything reads it.
    const { username, password } = parse(LoginBody, req.body ?? {});
    const address = clientAddress(req);
    const attempt = { username, address, deviceToken: parseCookies(req.headers.cookie ?? '')[DEVICE_COOKIE] };
    const now = Date.now();
    const verdict: Verdict = await opts.throttle.check(attempt, now);
    if (!verdict.ok) return refuse(req, res, username, verdict.reason, verdict.retryAfterMs);

    const found = await opts.users.withHash(username);
    let good: boolean;
    try {
      // Check a hash even for unknown users, so timing does not reveal who exists; bounded, so
      // a flood of logins cannot make a teller's own wait.
      good = await opts.work.run(address, verdict.trustedDevice, () => verifyPassword(password, found?.hash ?? DUMMY_HASH));
    } catch (e) {
      if (e instanceof HashingBusy) return refuse(req, res, username, 'busy', 1000);
      throw e;
    }
    if (!found || !good) {
      await opts.throttle.failed(attempt, verdict, now);
      opts.logger.warn({ username, address, outcome: found ? 'bad_password' : 'unknown_user', trustedDevice: verdict.trustedDevice }, 'login failed');
      throw new HttpError(401, 'bad_credentials', 'wrong username or password');
    }
    const device = await opts.throttle.succeeded(attempt, now);
    // A login replaces the session this browser had: no forgotten session left open behind it.
    await opts.sessions.close(req.sessionToken);
    const { token, id, expiresAt } = await opts.sessions.open(found.user.username, now, { userAgent: req.get('User-Agent'), address });
    opts.logger.info({ username: found.user.username, address, outcome: 'ok', session: id, trustedDevice: verdict.trustedDevice }, 'login');
    const secure = secureRequest(req, opts.secureCookies);
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, expires: new Date(expiresAt), path: '/' });
    await opts.users.recordLogin(found.user.username, now);
    res.cookie(DEVICE_COOKIE, device, { httpOnly: true, sameSite: 'strict', secure, maxAge: DEVICE_COOKIE_MS, path: '/api/session' });
    res.json({ ok: true, user: found.user });
  });

  // "Nobody" is a normal answer here (every login page asks on load), not an error: user null.
  r.get('/', (req, res) => {
    res.json({ ok: true, user: req.user ?? null });
  });

  r.delete('/', async (req, res) => {
    if (req.user) opts.logger.info({ username: req.user.username, address: clientAddress(req), session: req.sessionId }, 'logout');
    await opts.sessions.close(req.sessionToken);
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureRequest(req, opts.secureCookies) });
    res.json({ ok: true });
  });
  return r;
}
