import { z } from 'zod';
import type { ScreenKind } from './config-events';

/**
 * Screens (lobby TVs, kiosks) after pairing. A paired screen connects to its branch stream with
 * `auth: {branch, lastSeq?, screen: <screen token>}` and reports back over that socket; the
 * server pushes it `reload` and `identify`. Its health is live data, not in the branch log.
 */

// Timings and the code's spelling are zod-free (screen-timing.ts), for the screens.
export { formatPairingCode, PAIRING_TTL_MS, SCREEN_DOWN_AFTER_MS, SCREEN_IDENTIFY_SECONDS, SCREEN_REPORT_MS } from './screen-timing';

/**
 * A screen's own sound settings, set from the console: each one, when given, wins over the
 * branch's (`BranchConfig.display`: chime, voice, volume); null or absent follows the branch.
 */
export const ScreenSound = z
  .object({
    chime: z.boolean().nullable().optional(),
    voice: z.boolean().nullable().optional(),
    /** 0 (silent) … 1 (full). */
    volume: z.number().min(0).max(1).nullable().optional(),
  })
  .strict();
export type ScreenSound = z.infer<typeof ScreenSound>;

/**
 * What a screen says of its sound: `played` (a chime or call really played to its end, at
 * `playedAt`), `ready` (sound on and unblocked, nothing played since the page loaded), `blocked`
 * (the browser holds sound back until someone taps the screen), `off` (chime and voice switched
 * off, or no audio output at all).
 */
export const SCREEN_SOUND_STATES = ['played', 'ready', 'blocked', 'off'] as const;
export type ScreenSoundState = (typeof SCREEN_SOUND_STATES)[number];

/** Screen → server, over its socket (`report`). */
export const ScreenReport = z
  .object({
    /** The seq of the branch state it has on screen now. */
    renderedSeq: z.number().int().min(0),
    version: z.string().trim().min(1).max(40),
    /** Errors since the last report (render failures, uncaught exceptions), newest last. */
    errors: z
      .array(z.object({ at: z.number().int().min(0).optional(), message: z.string().max(300) }).strict())
      .max(10)
      .optional(),
    /** Whether its sound works (see SCREEN_SOUND_STATES); the last time a sound played to its end. */
    sound: z
      .object({ state: z.enum(SCREEN_SOUND_STATES), playedAt: z.number().int().min(0).nullable().optional() })
      .strict()
      .optional(),
  })
  .strict();
export type ScreenReport = z.infer<typeof ScreenReport>;

/** Server → screen, over its socket. */
export interface ServerToScreen {
  /** Reload the page (a new version, or a stuck screen). */
  reload: (msg: { at: number }) => void;
  /** Show your name over the board for `seconds`, so staff know which TV is which. */
  identify: (msg: { name: string; seconds: number }) => void;
  /** This screen was unpaired: forget the token and show a new pairing code. */
  unpaired: (msg: { at: number }) => void;
  /** Its own sound settings (on connecting, and whenever the console changes them). */
  sound: (msg: ScreenSound) => void;
}
export interface ScreenToServer {
  report: (msg: ScreenReport) => void;
}

/** A screen as the console lists it. */
export interface ScreenStatus {
  id: string;
  branchId: string;
  name: string;
  kind: ScreenKind;
  pairedAt: number;
  lastSeenAt: number | null;
  renderedSeq: number | null;
  version: string | null;
  lastError: { at: number; message: string } | null;
  /** Reported within SCREEN_DOWN_AFTER_MS (server time). */
  up: boolean;
  /** Up/down changes, newest first (at most 50). */
  log: { at: number; up: boolean }[];
  /** Its own sound settings (empty: the branch's). */
  sound: ScreenSound;
  /** What it last said of its sound, and when (server time); null before it said anything. */
  soundReport: { state: ScreenSoundState; playedAt: number | null; at: number } | null;
}

/** Replies of the pairing endpoints, as the screen sees them. */
export interface PairingTicket {
  /** Shown big on the screen, e.g. "K7P2QX" (display it as "K7P-2QX"). */
  code: string;
  /** Secret the screen keeps to claim its screen token once paired. */
  pairingToken: string;
  expiresAt: number;
}
export type PairingClaim =
  | { status: 'pending'; expiresAt: number }
  | { status: 'paired'; screenToken: string; screen: { id: string; name: string; kind: ScreenKind; branchId: string } };
