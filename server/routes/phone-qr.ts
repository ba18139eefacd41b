import { Router } from 'express';
import { sendError } from '../http/errors';

/** A board address is short; anything longer is not one of ours. */
const MAX_URL = 300;
const BOARD_PATH = /^(\/[\w.~-]+)*\/display\/[a-z0-9][a-z0-9_-]*$/;

/**
 * GET /api/qr.svg?url=<a board's address>: the lobby's QR code for phones, drawn here so the
 * screen does not download a QR encoder (a fifth of its JavaScript). Only the address of a board
 * (http(s), path ending in /display/<branch>) is drawn, so the endpoint cannot be used as a
 * general-purpose QR service; the picture is a pure function of the address, so it is cached.
 */
export function phoneQrRoutes(): Router {
  const r = Router();
  const cache = new Map<string, string>();
  r.get('/qr.svg', async (req, res) => {
    const url = typeof req.query.url === 'string' ? req.query.url : '';
    let parsed: URL | null = null;
    try {
      parsed = url.length <= MAX_URL ? new URL(url) : null;
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.username || parsed.password || parsed.search || parsed.hash || !BOARD_PATH.test(parsed.pathname)) {
      sendError(res, 400, 'bad_url', 'url must be the http(s) address of a board (…/display/<branch>)', 'url');
      return;
    }
    const href = parsed.href;
    let svg = cache.get(href);
    if (!svg) {
      // Loaded at the first code drawn, not at every start (57 modules with its PNG encoder).
      const { default: QRCode } = await import('qrcode');
      svg = await QRCode.toString(href, { type: 'svg', margin: 0, errorCorrectionLevel: 'M', color: { dark: '#0b1a30', light: '#ffffff' } });
      if (cache.size > 1000) cache.clear();
      cache.set(href, svg);
    }
    res.set('Cache-Control', 'public, max-age=86400').type('image/svg+xml').send(svg);
  });
  return r;
}
