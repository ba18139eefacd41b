/**
 * Where phones can reach this board, for the lobby's QR code. The server says so when it knows
 * (GET /api/site → publicUrl, from its PUBLIC_URL); otherwise the address this screen was opened
 * with, unless that is the machine itself (a QR code to "localhost" sends phones nowhere).
 */

import { fetchPublicUrl, isLoopback } from '../../ui/site/public-url';

export { fetchPublicUrl, isLoopback };

/** The board's address under `base` (an http(s) origin, possibly with a path). */
export function boardUrl(base: string, branch: string): string {
  return `${base.replace(/\/+$/, '')}/display/${encodeURIComponent(branch)}`;
}

/** The page's own address for the board, or '' when it is a loopback one. */
export function localPhoneUrl(loc: Pick<Location, 'hostname' | 'origin'>, branch: string): string {
  return isLoopback(loc.hostname) ? '' : boardUrl(loc.origin, branch);
}

/** The address for the QR code: the server's public one when set, else the page's (or none on loopback). */
export async function phoneUrlFor(branch: string, loc: Pick<Location, 'hostname' | 'origin'> = location): Promise<string> {
  const publicUrl = await fetchPublicUrl();
  return publicUrl ? boardUrl(publicUrl, branch) : localPhoneUrl(loc, branch);
}
