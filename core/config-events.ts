import { z } from 'zod';
import { CounterConfig, Languages, Preset, ServiceConfig, TicketLimits, TimeZone } from './branch';
import { DisplaySettings } from './display';
import { OpeningHours } from './hours';
import { Slug } from './ids';
import { ScreenSound } from './screens';

/**
 * Configuration events: granular, one thing changed per event, each carrying the thing as it now
 * is. Folded in order they give the configuration at any seq, so the log answers "who changed this
 * preset, when, and from what" (the event before it on the same id). A branch's first event is
 * still `BranchConfigured` (its whole configuration when it was opened).
 */

/** Where a preset comes from: the bank-wide library (kept by the head office) or the branch itself. */
export const PresetSource = z.enum(['library', 'branch']);
export type PresetSource = z.infer<typeof PresetSource>;

export const SCREEN_KINDS = ['lobby', 'kiosk'] as const;
export const ScreenKind = z.enum(SCREEN_KINDS);
export type ScreenKind = z.infer<typeof ScreenKind>;

export const ScreenName = z.string().trim().min(1).max(60);

/** What happened to a staff account, as a branch's log records it. */
export const STAFF_CHANGES = ['created', 'bound', 'unbound', 'renamed', 'role_changed', 'password_reset', 'disabled', 'enabled'] as const;
export type StaffChange = (typeof STAFF_CHANGES)[number];

export const ConfigEventPayloads = [
  /** Branch details that changed, and only those; `null` clears an optional one. */
  z.object({
    type: z.literal('BranchDetailsChanged'),
    name: z.string().trim().min(1).max(80).optional(),
    address: z.string().trim().min(1).max(120).nullable().optional(),
    timezone: TimeZone.optional(),
    languages: Languages.optional(),
    hours: OpeningHours.nullable().optional(),
    display: DisplaySettings.nullable().optional(),
    limits: TicketLimits.nullable().optional(),
  }),
  /** A service added or changed; `counters`, when given, is exactly the set of counters that serve it. */
  z.object({ type: z.literal('ServiceUpserted'), service: ServiceConfig, counters: z.array(Slug).max(60).optional() }),
  z.object({ type: z.literal('ServiceRemoved'), serviceId: Slug }),
  z.object({ type: z.literal('CounterUpserted'), counter: CounterConfig }),
  z.object({ type: z.literal('CounterRemoved'), counterId: Slug }),
  /** A library preset as the bank now has it, or the branch's own preset (a new one, or its override of a library one). */
  z.object({ type: z.literal('PresetUpserted'), preset: Preset, source: PresetSource }),
  /** From the library: gone from the bank. From the branch: its own preset or override removed, or a library preset hidden here. */
  z.object({ type: z.literal('PresetRemoved'), presetId: Slug, source: PresetSource }),
  /** A library preset this branch had hidden is shown again. */
  z.object({ type: z.literal('PresetRestored'), presetId: Slug }),
  /** Screens of the branch: paired (a TV or kiosk that showed its code), renamed, unpaired. */
  z.object({ type: z.literal('ScreenPaired'), screen: z.object({ id: Slug, name: ScreenName, kind: ScreenKind }) }),
  z.object({ type: z.literal('ScreenRenamed'), screenId: Slug, name: ScreenName }),
  z.object({ type: z.literal('ScreenUnpaired'), screenId: Slug }),
  /** A screen's own sound settings set from the console (each unset one follows the branch's). */
  z.object({ type: z.literal('ScreenSoundSet'), screenId: Slug, sound: ScreenSound }),
  /**
   * A staff account's change, in the log of each branch it touches (created or bound here,
   * unbound from here, renamed, role changed, password reset, disabled, enabled), so the audit
   * answers "who added this teller, when". `account` is the account as it now is; public streams
   * leave it out (staff names are not for the lobby).
   */
  /** An integration token of the branch made or revoked (never its secret): who let which queue system in, when. */
  z.object({
    type: z.literal('IntegrationTokenChanged'),
    change: z.enum(['created', 'revoked']),
    token: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(80) }),
  }),
  z.object({
    type: z.literal('StaffChanged'),
    change: z.enum(STAFF_CHANGES),
    account: z
      .object({
        username: z.string().min(1).max(64),
        name: z.string().min(1).max(80),
        // The staff roles (core/events.ts STAFF_ROLES, which imports this file).
        role: z.enum(['admin', 'manager', 'teller']),
      })
      .optional(),
  }),
] as const;
