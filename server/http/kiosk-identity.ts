import type { RequestHandler } from 'express';

/**
 * Which kiosk a request comes from. A kiosk is a screen of kind "kiosk", paired and named in the
 * manager console like a lobby screen; its page sends the screen token it got at pairing in the
 * `X-Screen-Token` header. Kiosk tickets are then rate-limited per kiosk, not per address (a
 * branch's kiosks often share one address), and the log records which kiosk issued them.
 */
export interface KioskDirectory {
  /** The paired kiosk of `branchId` holding `token`, if any. */
  kioskFor(branchId: string, token: string): Promise<{ id: string; name: string } | undefined>;
}

/** Until screens can be paired, no request is from a known kiosk: limits fall back to the address. */
export const NO_KIOSKS: KioskDirectory = { kioskFor: async () => undefined };

export const SCREEN_TOKEN_HEADER = 'X-Screen-Token';

/** Resolves the kiosk of a request into `res.locals.kiosk` (an unknown token counts as none). */
export function identifyKiosk(kiosks: KioskDirectory): RequestHandler {
  return async (req, res, next) => {
    const token = req.get(SCREEN_TOKEN_HEADER);
    const branch = typeof req.params.branch === 'string' ? req.params.branch : '';
    try {
      res.locals.kiosk = token && token.length <= 200 && branch ? await kiosks.kioskFor(branch, token) : undefined;
      next();
    } catch (e) {
      next(e);
    }
  };
}
