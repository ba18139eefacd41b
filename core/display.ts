import { z } from 'zod';
import { Lang } from './ids';

/**
 * How a branch's screens behave: sound for calls, how the secondary languages take turns, and
 * the branch's own wording of fixed texts. Every field optional (defaults in the lobby), so old
 * logs fold and a branch sets only what it changes.
 */
export const DisplaySettings = z.object({
  /** A chime before each call and recall. */
  chime: z.boolean().optional(),
  /** The call spoken ("Ticket A 12, counter 3") in the branch's languages. */
  voice: z.boolean().optional(),
  /** 0 (silent) … 1 (full). */
  volume: z.number().min(0).max(1).optional(),
  /** Seconds each secondary language stays on the TV before the next takes its turn. */
  rotateSeconds: z.number().int().min(3).max(120).optional(),
  /**
   * The branch's own words for catalogue messages: language → message key → ICU message
   * (e.g. `{"it": {"lobby.nowServing": "Tocca a"}}`). Wins over the catalogue on every screen.
   */
  wording: z
    .record(Lang, z.record(z.string().regex(/^[a-z]+(\.[A-Za-z0-9_]+)+$/, 'a message key like "lobby.nowServing"'), z.string().trim().min(1).max(500)))
    .optional(),
});
export type DisplaySettings = z.infer<typeof DisplaySettings>;
