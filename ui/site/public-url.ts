/**
 * Where phones can reach this installation, for QR codes (the lobby's, the kiosk ticket's): the
 * server's PUBLIC_URL (GET /api/site → publicUrl) when set, else the page's own address unless that
 * is the machine itself (a QR code to "localhost" sends phones nowhere).
 */

/** How long to wait for /api/site before falling back to the page's own address. */
const SITE_TIMEOUT_MS = 5_000;

export function isLoopback(hostname: string): boolean {
  return /^(localhost|127(\.\d+){3}|\[::1\])$/.test(hostname);
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

/** The base address phones should use: the public one, else this page's origin, or '' on loopback. */
export async function phoneBase(loc: Pick<Location, 'hostname' | 'origin'> = location): Promise<string> {
  return (await fetchPublicUrl()) ?? (isLoopback(loc.hostname) ? '' : loc.origin);
}
