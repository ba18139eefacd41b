import type { Request, Response } from 'express';

/** The pages' icon: a queue ticket on the lobby's navy, so a browser tab is recognisable. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b1a30"/><rect x="8" y="6" width="16" height="20" rx="2" fill="#f4f7fb"/><rect x="11" y="11" width="10" height="2.5" rx="1" fill="#0b1a30"/><rect x="11" y="16" width="7" height="2.5" rx="1" fill="#0b1a30"/></svg>`;

/** GET /favicon.svg (linked from every page) and /favicon.ico (what browsers and tools ask for by default). */
export function sendFavicon(_req: Request, res: Response): void {
  res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(FAVICON_SVG);
}
