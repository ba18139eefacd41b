import { z } from 'zod';
import { BranchConfig, CounterConfig, Languages, Preset, ServiceConfig, TicketLimits, TimeZone } from './branch';
import { ScreenKind, ScreenName, type StaffChange } from './config-events';
import type { StaffRole } from './events';
import { DisplaySettings } from './display';
import { checkWording } from './wording';
import { OpeningHours } from './hours';
import { Slug } from './ids';
import type { ScreenSound } from './screens';

/**
 * Request bodies of the manager console's configuration commands, validated here so the console
 * checks a form with the rules the server enforces. Ids travel in the URL (PUT …/services/:id),
 * so a retried PUT is the same command, and applying one twice changes nothing.
 */

const BranchName = z.string().trim().min(1).max(80);
const Address = z.string().trim().min(1).max(120);

/**
 * POST /api/branches (admin): a new branch, which starts with the bank's preset library; its
 * services and counters may come with it (a branch opened in one step, as the demo is) or later.
 */
export const CreateBranchBody = z
  .object({
    id: Slug,
    name: BranchName,
    address: Address.optional(),
    timezone: TimeZone,
    languages: Languages,
    hours: OpeningHours.optional(),
    services: z.array(ServiceConfig).max(26).optional(),
    counters: z.array(CounterConfig).max(60).optional(),
    /** Caps on tickets; absent: DEFAULT_TICKET_LIMITS. */
    limits: TicketLimits.optional(),
  })
  .strict();
export type CreateBranchBody = z.infer<typeof CreateBranchBody>;

/** PATCH /api/branches/:branch: the details given change; `null` clears address or hours. */
export const UpdateBranchBody = z
  .object({
    name: BranchName.optional(),
    address: Address.nullable().optional(),
    timezone: TimeZone.optional(),
    languages: Languages.optional(),
    hours: OpeningHours.nullable().optional(),
    /** The screens' sound, language rotation and own wording (replaced whole); `null` back to the defaults. */
    display: DisplaySettings.superRefine((d, ctx) => checkWording(d.wording, ctx))
      .nullable()
      .optional(),
    /** Caps on tickets (per service per day, per minute for the branch); null: the defaults. */
    limits: TicketLimits.nullable().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one of name, address, timezone, languages, hours, display, limits', path: ['name'] });
export type UpdateBranchBody = z.infer<typeof UpdateBranchBody>;

/** PUT /api/branches/:branch/services/:service. `counters`, when given, is exactly who serves it (added last in their preference). */
export const ServiceBody = ServiceConfig.omit({ id: true })
  .extend({
    /** null or absent: no promise. */
    promiseMinutes: z.number().int().min(1).max(480).nullable().optional(),
    counters: z
      .array(Slug)
      .max(60)
      .refine((ids) => new Set(ids).size === ids.length, 'each counter once')
      .optional(),
  })
  .strict();
export type ServiceBody = z.infer<typeof ServiceBody>;

/** PUT /api/branches/:branch/counters/:counter: name and the services it serves, most preferred first. */
export const CounterBody = CounterConfig.omit({ id: true })
  .extend({
    services: z
      .array(Slug)
      .min(1)
      .max(26)
      .refine((ids) => new Set(ids).size === ids.length, 'each service once'),
  })
  .strict();
export type CounterBody = z.infer<typeof CounterBody>;

/**
 * PUT /api/branches/:branch/presets/:preset (the branch's own or its override of a library
 * preset) and PUT /api/preset-library/:preset (admin). With scope "service", `services` is required.
 */
export const PresetBody = Preset.omit({ id: true })
  .strict()
  .superRefine((p, ctx) => {
    if (p.scope === 'service' && !p.services) ctx.addIssue({ code: 'custom', path: ['services'], message: 'a service preset names its services' });
    if (p.scope !== 'service' && p.services) ctx.addIssue({ code: 'custom', path: ['services'], message: 'only a service preset names services' });
  });
export type PresetBody = z.infer<typeof PresetBody>;

/** A configuration command after validation; ids from the URL. Decided in core/decide/config.ts. */
export type ConfigCommand =
  /** Opens a branch: its details, then the library's presets (the server passes the library in: decide is pure). */
  | { type: 'CreateBranch'; body: CreateBranchBody; library: Preset[] }
  | { type: 'UpdateBranch'; body: UpdateBranchBody }
  | { type: 'UpsertService'; serviceId: string; body: ServiceBody }
  | { type: 'RemoveService'; serviceId: string }
  | { type: 'UpsertCounter'; counterId: string; body: CounterBody }
  | { type: 'RemoveCounter'; counterId: string }
  /** source "library": the admin changed the bank's library; fanned out to every branch. */
  | { type: 'UpsertPreset'; presetId: string; body: PresetBody; source: 'library' | 'branch' }
  | { type: 'RemovePreset'; presetId: string; source: 'library' | 'branch' }
  | { type: 'RestorePreset'; presetId: string }
  | { type: 'PairScreen'; screen: { id: string; name: string; kind: ScreenKind } }
  | { type: 'RenameScreen'; screenId: string; name: string }
  | { type: 'UnpairScreen'; screenId: string }
  | { type: 'SetScreenSound'; screenId: string; sound: ScreenSound }
  /** Recorded by the server after an account change (server/console/staff-admin.ts), in each branch it touches. */
  | { type: 'RecordIntegrationToken'; change: 'created' | 'revoked'; token: { id: string; name: string } }
  | { type: 'RecordStaffChange'; changes: StaffChange[]; account: { username: string; name: string; role: StaffRole } };

/** A branch as CreateBranch opens it: its details, services and counters if given, the library's presets. */
export function newBranchConfig(body: CreateBranchBody, library: Preset[]): BranchConfig {
  return {
    id: body.id,
    name: body.name,
    ...(body.address ? { address: body.address } : {}),
    timezone: body.timezone,
    languages: body.languages,
    ...(body.hours ? { hours: body.hours } : {}),
    services: body.services ?? [],
    counters: body.counters ?? [],
    presets: library,
    ...(body.limits ? { limits: body.limits } : {}),
  };
}

// ---- Screens ----

/** POST /api/screen-pairings (public, rate-limited): a screen on first start asks for a code to show. */
export const RequestPairingBody = z
  .object({
    kind: ScreenKind.default('lobby'),
    /** The screen app's version, shown in the console. */
    version: z.string().trim().min(1).max(40).optional(),
  })
  .strict();
export type RequestPairingBody = z.infer<typeof RequestPairingBody>;

/** The code a screen shows: 6 characters without look-alikes (no 0/O, 1/I/L), shown as "K7P-2QX". */
export const PAIRING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PairingCode = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${PAIRING_ALPHABET}]{6}$`), 'the 6-character code the screen shows'));

/** POST /api/screen-pairings/claim (the screen, polling): has a manager entered my code yet? */
export const ClaimPairingBody = z.object({ pairingToken: z.string().min(20).max(100) }).strict();

/** POST /api/branches/:branch/screens (manager): pair the screen showing `code`, under a name. */
export const PairScreenBody = z.object({ code: PairingCode, name: ScreenName }).strict();
export type PairScreenBody = z.infer<typeof PairScreenBody>;

/** PATCH /api/branches/:branch/screens/:screen. */
export const RenameScreenBody = z.object({ name: ScreenName }).strict();
