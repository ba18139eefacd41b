import type { Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';

/**
 * The client's address as every per-address limit sees it: `req.ip` (which honours only the
 * proxies in `trustProxy`), else the socket's peer. Never undefined: a request whose connection
 * was already torn down (stray bytes after it) still gets a key instead of throwing. IPv6
 * addresses count per /56, as one household or office gets one.
 */
export function clientAddress(req: Request): string {
  const ip = req.ip ?? req.socket?.remoteAddress ?? 'unknown';
  return ip === 'unknown' ? ip : ipKeyGenerator(ip);
}
