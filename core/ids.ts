import { z } from 'zod';

/** Slugs used for branch, counter and service ids: short, URL-safe, stable. */
export const Slug = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _ only');

/** Ids made by clients (tickets, notices, commands): UUIDs or similar opaque tokens. */
export const ClientId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

/** A language tag as used in texts: "it", "en", "de-CH". */
export const Lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag like "it" or "en"');

/** Epoch milliseconds, the only time format on the wire and in the log. */
export const EpochMs = z.number().int().min(0).max(8.64e15);

/** Text in one or more languages, as typed by staff or taken from a preset. */
export const LocalText = z
  .record(Lang, z.string().trim().min(1).max(280))
  .refine((t) => Object.keys(t).length > 0, 'needs text in at least one language');
export type LocalText = z.infer<typeof LocalText>;
