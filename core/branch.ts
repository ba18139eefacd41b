import { z } from 'zod';
import { CAUSES, EFFECTS } from './causes';
import { DisplaySettings } from './display';
import { OpeningHours } from './hours';
import { Lang, LocalText, Slug } from './ids';
// Zod-free parts, kept in their own files so the screens can use them without zod.
export { pickText } from './pick-text';
export { DEFAULT_TICKET_LIMITS } from './ticket-limits';

/** A service customers take a ticket for; its prefix starts the ticket numbers (A001…). */
export const ServiceConfig = z.object({
  id: Slug,
  name: LocalText,
  prefix: z.string().regex(/^[A-Z]$/, 'one capital letter'),
  /** The service promise: "we aim to serve you within N minutes". Absent: no promise made. */
  promiseMinutes: z.number().int().min(1).max(480).optional(),
});
export type ServiceConfig = z.infer<typeof ServiceConfig>;

/** A counter (desk, window); `services` lists what it serves, in the order it prefers them. */
export const CounterConfig = z.object({
  id: Slug,
  name: LocalText,
  services: z.array(Slug).min(1),
});
export type CounterConfig = z.infer<typeof CounterConfig>;

/** A ready-made notice a teller posts in two taps; text in every language the branch shows. */
export const Preset = z.object({
  id: Slug,
  cause: z.enum(CAUSES),
  effect: z.enum(EFFECTS),
  /** Whether the notice applies to the teller's own counter (pre-filled scope), the branch, or some services. */
  scope: z.enum(['counter', 'branch', 'service']),
  /** With scope "service": the services it is about (ids that a branch lacks are ignored when posting). */
  services: z.array(Slug).min(1).max(26).optional(),
  text: LocalText,
  /** Its resolved twin ("The card reader works again"): shown when the notice is resolved without a typed text. */
  resolvedText: LocalText.optional(),
  apologise: z.boolean(),
  /** Suggested expected duration; null when it usually cannot be known. */
  defaultMinutes: z.number().int().min(1).max(480).nullable(),
});
export type Preset = z.infer<typeof Preset>;

/** An IANA time zone the runtime knows ("Europe/Rome"). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone like "Europe/Rome"');

/** The languages screens show, in order, the first the main one; each once. */
export const Languages = z
  .array(Lang)
  .min(1)
  .max(12)
  .refine((l) => new Set(l).size === l.length, 'each language once');

/**
 * How many tickets a branch gives out, so nobody can flood its queue from the public kiosk
 * endpoint (issue 10): per service per day, and per minute for the whole branch (every kiosk
 * and address together). Unset: the defaults below. Set by the branch's manager.
 */
export const TicketLimits = z
  .object({
    perServicePerDay: z.number().int().min(1).max(10_000).optional(),
    perMinute: z.number().int().min(1).max(1_000).optional(),
  })
  .strict();
export type TicketLimits = z.infer<typeof TicketLimits>;

export const BranchConfig = z
  .object({
    id: Slug,
    name: z.string().trim().min(1).max(80),
    /** One address line, as customers and staff know the branch ("Via Roma 1, Milano"). */
    address: z.string().trim().min(1).max(120).optional(),
    /** IANA zone; tickets are numbered per local day and clocks shown in it. */
    timezone: TimeZone,
    /** Languages the screens show, first one the main. */
    languages: Languages,
    hours: OpeningHours.optional(),
    /** A branch being set up has none yet: tickets for it are refused until a service exists. */
    services: z.array(ServiceConfig).max(26),
    counters: z.array(CounterConfig).max(60),
    /** The presets tellers post from: the bank's library as this branch inherits it, with its own overrides and additions. */
    presets: z.array(Preset).max(200),
    /** Sound, language rotation and own wording of the branch's screens (lobby-i18n). */
    display: DisplaySettings.optional(),
    /** Caps on tickets given out (hardening); defaults in DEFAULT_TICKET_LIMITS. */
    limits: TicketLimits.optional(),
  })
  .superRefine((b, ctx) => {
    const serviceIds = new Set(b.services.map((s) => s.id));
    b.counters.forEach((c, i) =>
      c.services.forEach((s, j) => {
        if (!serviceIds.has(s)) ctx.addIssue({ code: 'custom', path: ['counters', i, 'services', j], message: `unknown service "${s}"` });
      }),
    );
    const prefixes = new Set<string>();
    b.services.forEach((s, i) => {
      if (prefixes.has(s.prefix)) ctx.addIssue({ code: 'custom', path: ['services', i, 'prefix'], message: 'prefix already used' });
      prefixes.add(s.prefix);
    });
  });
export type BranchConfig = z.infer<typeof BranchConfig>;
