import type { RequestHandler } from 'express';

/**
 * HSTS on every reply to a request that came over HTTPS (directly, or through a proxy listed in
 * trustProxy), or always with `force` (SECURE_COOKIES). Over plain HTTP browsers ignore it anyway.
 */
export function strictTransportSecurity(force: boolean): RequestHandler {
  return (req, res, next) => {
    if (force || req.secure) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

/** Whether a cookie set on this request should carry the Secure flag. */
export const secureRequest = (req: { secure: boolean }, force: boolean): boolean => force || req.secure;
