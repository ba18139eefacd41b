/**
 * The zod-free entry of core, for the front ends (display/, ui/, admin/, kiosk/, ticket/): the
 * reducer, the replica, the rules screens apply, wording helpers and every type — and none of the
 * zod schemas. A schema declaration is a call at module load, so a bundler keeps it (and all of
 * zod) whenever anything of its module is imported; the lobby never validates, so it imports
 * from here. A page that does validate a form imports that schema from its own module
 * (`core/commands`, …). `test/unit/lobby-bundle.test.ts` fails if zod reaches the lobby again.
 * The server imports `core/index.ts`, which has all of this too.
 */
export * from './causes';
export * from './state';
export * from './reducer';
export * from './config-reducer';
export * from './notice';
export * from './replica';
export * from './public-snapshot';
export * from './time';
export * from './event-time';
export * from './estimate';
export * from './promise';
export * from './capacity';
export * from './likely-cause';
export * from './promise-alert';
export * from './apology';
export * from './long-transaction';
export * from './service-times';
export * from './presets';
export * from './overview';
export * from './pick-text';
export * from './ticket-limits';
export * from './call-reasons';
export * from './stream-timing';
export * from './screen-timing';
export * from './opening-hours';
export * from './staff-rights';
export { nextTicketFor } from './decide/tickets';
export { lastNoShowAt } from './decide/no-show';
export { MAX_AHEAD_MS } from './decide/times';
export * from './history/types';
export * from './history/local-time';
export * from './history/config-diff';
export * from './history/reports';
export * from './history/gtfs-alerts';

// Types only: erased from the bundle, so their modules' schemas stay out of it.
export type * from './ids';
export type * from './branch';
export type * from './display';
export type * from './integration-token';
export type * from './events';
export type * from './commands';
export type * from './protocol';
export type * from './out-of-turn';
export type * from './hours';
export type * from './config-events';
export type * from './config-commands';
export type * from './staff';
export type * from './screens';
export type * from './ingest';
export type * from './decide/index';
export type * from './history/projector';
