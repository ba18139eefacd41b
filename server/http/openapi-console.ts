import { z } from 'zod';
import {
  ClaimPairingBody,
  CounterBody,
  CreateBranchBody,
  CreateUserBody,
  PairScreenBody,
  PresetBody,
  RenameScreenBody,
  RequestPairingBody,
  ScreenSound,
  ServiceBody,
  UpdateBranchBody,
  UpdateUserBody,
} from '../../core';

/** The manager console's paths (issue 6), in the same shape as openapi.ts. */
export function consolePaths(): Record<string, object> {
  const json = (schema: z.ZodType) => ({
    required: true,
    content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } },
  });
  const empty = json(z.object({}).strict());
  const replies = (ok: number, extra: number[]) => Object.fromEntries([[ok, { description: 'done' }], ...[400, 401, ...extra].map((s) => [s, { description: 'refused: {ok: false, error: {code, message, field?}}' }])]);
  const idem = { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' } };
  const p = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  const staff = [{ session: [] }];
  const op = (summary: string, params: object[], body: object | undefined, ok: number, extra: number[]) => ({
    summary,
    security: staff,
    parameters: params,
    ...(body ? { requestBody: body } : {}),
    responses: replies(ok, extra),
  });
  const b = p('branch');
  return {
    '/api/branches': {
      get: op('Branches this account may see (their configuration)', [], undefined, 200, []),
      post: op('Open a branch (admin); it starts with the bank’s preset library', [idem], json(CreateBranchBody), 201, [403, 409]),
    },
    '/api/branches/{branch}': { patch: op('Change a branch’s name, address, time zone, languages or hours (manager)', [b, idem], json(UpdateBranchBody), 200, [403, 404]) },
    '/api/branches/{branch}/services/{service}': {
      put: op('Add or change a service: names, prefix, promise, the counters that serve it (manager)', [b, p('service'), idem], json(ServiceBody), 200, [403, 404, 409]),
      delete: op('Remove a service: 409 while tickets wait for it, a counter serves only it, or a notice is about it', [b, p('service'), idem], undefined, 200, [403, 404, 409]),
    },
    '/api/branches/{branch}/counters/{counter}': {
      put: op('Add or change a counter: names, services in order of preference (manager)', [b, p('counter'), idem], json(CounterBody), 200, [403, 404, 409]),
      delete: op('Remove a counter: 409 while a ticket is at it, it alone serves waiting tickets, or a notice is about it', [b, p('counter'), idem], undefined, 200, [403, 404, 409]),
    },
    '/api/branches/{branch}/presets/{preset}': {
      put: op('The branch’s own preset, or its override of a library one (manager)', [b, p('preset'), idem], json(PresetBody), 200, [403, 404, 409]),
      delete: op('Remove the branch’s own or override; a library preset is hidden here', [b, p('preset'), idem], undefined, 200, [403, 404]),
    },
    '/api/branches/{branch}/presets/{preset}/restore': { post: op('Show a hidden library preset again', [b, p('preset'), idem], empty, 200, [403, 404]) },
    '/api/preset-library': { get: op('The bank-wide preset library', [], undefined, 200, []) },
    '/api/preset-library/{preset}': {
      put: op('Add or change a library preset (admin); an event in every branch’s log', [p('preset'), idem], json(PresetBody), 200, [403]),
      delete: op('Remove a library preset (admin) from every branch', [p('preset'), idem], undefined, 200, [403]),
    },
    '/api/users': {
      get: op('Staff accounts (admin: all; manager: of their branches)', [], undefined, 200, [403]),
      post: op('Create an account; the generated password is in this reply only', [idem], json(CreateUserBody), 201, [403, 409]),
    },
    '/api/users/{username}': { patch: op('Change name, role, branches, or disable (ends its sessions)', [p('username'), idem], json(UpdateUserBody), 200, [403, 404, 409]) },
    '/api/users/{username}/reset-password': { post: op('A new password, in this reply only; its sessions end', [p('username'), idem], empty, 200, [403, 404]) },
    '/api/screen-pairings': {
      post: { summary: 'A screen on first start asks for a code to show (public, rate-limited)', requestBody: json(RequestPairingBody), responses: { 201: { description: '{code, pairingToken, expiresAt}' }, 400: { description: 'refused' }, 429: { description: 'throttled' } } },
    },
    '/api/screen-pairings/claim': {
      post: { summary: 'The screen asks whether it was paired: pending, or paired with its screen token', requestBody: json(ClaimPairingBody), responses: { 200: { description: 'pending or paired' }, 404: { description: 'expired' } } },
    },
    '/api/branches/{branch}/screens': {
      get: op('The branch’s screens: heartbeat, rendered seq, version, last error, up, up/down log (manager)', [b], undefined, 200, [403, 404]),
      post: op('Pair the screen showing this code, under a name (manager)', [b, idem], json(PairScreenBody), 201, [403, 404]),
    },
    '/api/branches/{branch}/screens/{screen}': {
      patch: op('Rename a screen', [b, p('screen'), idem], json(RenameScreenBody), 200, [403, 404]),
      delete: op('Unpair a screen: its token stops working, it shows a new code', [b, p('screen'), idem], undefined, 200, [403, 404]),
    },
    '/api/branches/{branch}/screens/{screen}/sound': {
      put: op('The screen’s own sound: chime, voice (on/off) and volume 0–1, each null to follow the branch’s; pushed to the screen at once; → {screen}', [b, p('screen'), idem], json(ScreenSound), 200, [403, 404]),
    },
    '/api/branches/{branch}/screens/{screen}/reload': { post: op('Reload the screen remotely; {delivered}', [b, p('screen'), idem], empty, 200, [403, 404]) },
    '/api/branches/{branch}/screens/{screen}/identify': { post: op('The screen shows its name for 10 s; {delivered}', [b, p('screen'), idem], empty, 200, [403, 404]) },
    '/api/overview': { get: op('All branches at a glance (live: the /staff socket)', [], undefined, 200, [403]) },
  };
}
