/**
 * Where phones can reach this board, for the lobby's QR code. The server says so when it knows
 * (GET /api/site → publicUrl, from its PUBLIC_URL); otherwise the address this screen was opened
 * with, unless that is the machine itself (a QR code to "localhost" sends phones nowhere).
 */

/** How long to wait for /api/site before falling back to the page's own address. */
const SITE_TIMEOUT_MS = 5_000;

export function isLoopback(hostname: string): boolean {
  return /^(localhost|127(\.\d+){3}|\[::1\])$/.test(hostname);
}

/** The board's address under `base` (an http(s) origin, possibly with a path). */
export function boardUrl(base: string, branch: string): string {
  return `${base.replace(/\/+$/, '')}/display/${encodeURIComponent(branch)}`;
}

/** The page's own address for the board, or '' when it is a loopback one. */
export function localPhoneUrl(loc: Pick<Location, 'hostname' | 'origin'>, branch: string): string {
  return isLoopback(loc.hostname) ? '' : boardUrl(loc.origin, branch);
}

/** The server's public address, when it has one and it is a plain http(s) URL; null otherwise or on any failure. */
export async function fetchPublicUrl(): Promise<string | null> {
  try {
    const res = await fetch('/api/site', { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(SITE_TIMEOUT_MS) });
    if (!res.ok) return null;
    const body: unknown = await res.json();
    const publicUrl = (body as { publicUrl?: unknown } | null)?.publicUrl;
    if (typeof publicUrl !== 'string' || !publicUrl) return null;
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // Keep any path (a server behind a prefix); drop query and fragment, which the board would not use.
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** The address for the QR code: the server's public one when set, else the page's (or none on loopback). */
export async function phoneUrlFor(branch: string, loc: Pick<Location, 'hostname' | 'origin'> = location): Promise<string> {
  const publicUrl = await fetchPublicUrl();
  return publicUrl ? boardUrl(publicUrl, branch) : localPhoneUrl(loc, branch);
}
