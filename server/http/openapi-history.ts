import { z } from 'zod';
import { AuditQuery, RangeQuery } from '../routes/history-routes';
import { AtQuery } from '../routes/replay-routes';
import { LogQuery, WebhookBody } from '../routes/webhook-routes';

/**
 * Proof and history (issue 12): reports, CSV, audit, replay and its signed export, webhooks and
 * the public alerts feed, in the same shape as openapi.ts. Query parameters come from the same
 * zod schemas the routes validate with.
 */
export function historyPaths(): Record<string, object> {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
  const query = (s: z.ZodObject) =>
    Object.entries(s.shape).map(([name, field]) => ({ name, in: 'query', required: !(field as z.ZodType).safeParse(undefined).success, schema: schema(field as z.ZodType) }));
  const p = (name: string, description?: string) => ({ name, in: 'path', required: true, schema: { type: 'string' }, ...(description ? { description } : {}) });
  const refused = (codes: number[]) => Object.fromEntries(codes.map((c) => [c, { description: 'refused: {ok: false, error: {code, message, field?}}' }]));
  const staff = [{ session: [] }];
  const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
  const csv = { description: 'CSV (UTF-8 with BOM, ISO dates) when format=csv', content: { 'text/csv': { schema: { type: 'string' } } } };
  const read = (summary: string, params: object[], ok: object = json('ok'), extra: number[] = []) => ({
    get: { summary, security: staff, parameters: params, responses: { 200: ok, ...refused([400, 401, 403, 404, ...extra]) } },
  });
  const b = p('branch');
  const range = query(RangeQuery);
  const hooks = (base: string, params: object[], who: string) => ({
    [base]: read(`Webhooks ${who}, without secrets`, params),
    [`${base}/{id}`]: {
      put: {
        summary: `Register or change a webhook ${who} (URL http(s); no loopback or link-local address unless BRANCHBOARD_WEBHOOKS_ALLOW_LOCAL); a secret made by the server is in this reply only`,
        security: staff,
        parameters: [...params, p('id', 'made by the client (UUID)')],
        requestBody: { required: true, content: { 'application/json': { schema: schema(WebhookBody) } } },
        responses: { 200: json('changed'), 201: json('registered: {webhook, secret?}'), ...refused([400, 401, 403, 404, 409]) },
      },
      delete: { summary: 'Remove a webhook (its deliveries stop)', security: staff, parameters: [...params, p('id')], responses: { 200: json('removed'), ...refused([401, 403, 404]) } },
    },
    [`${base}/{id}/deliveries`]: read('The delivery log: event, status, attempts, last response, next attempt', [...params, p('id'), ...query(LogQuery)]),
    [`${base}/{id}/deliveries/{delivery}/resend`]: {
      post: { summary: 'Send a delivery again, now (same delivery id: receivers dedupe on it)', security: staff, parameters: [...params, p('id'), p('delivery')], responses: { 200: json('queued'), ...refused([401, 403, 404]) } },
    },
  });
  return {
    '/api/branches/{branch}/history/notices': read('Every notice of the range (manager, admin): cause, effect, scope, start, expected and actual end, updates, who posted and resolved it, customers touched, extra wait, screens that showed it (read receipts)', [b, ...range], json('{from, to, notices}')),
    '/api/branches/{branch}/history/notices/{id}': read('One notice’s record, with its read receipts: which screens showed it, from when to when (from their own reports)', [b, p('id')]),
    '/api/branches/{branch}/history/reports': read('Figures by day, week or month: delays by cause, promise kept, waits (median, P90), no-shows, out-of-turn calls by reason, apologies; format=csv for one table', [b, ...range], { ...json('{from, to, by, services, causes}'), content: { ...json('').content, ...csv.content } }),
    '/api/branches/{branch}/history/days.csv': read('Daily figures per service as CSV', [b, ...range], csv),
    '/api/branches/{branch}/history/tickets.csv': read('Tickets as CSV (no personal data): number, service, issued, called, counter, wait, promise kept, outcome; streamed', [b, ...range], csv),
    '/api/branches/{branch}/history/audit': read('The audit trail: every command with actor, time and what it changed (configuration as a diff), newest first; filter by user, counter, type, days; page with before', [b, ...query(AuditQuery)], { ...json('{entries, next}'), content: { ...json('').content, ...csv.content } }),
    '/api/history/reports': read('Reports across branches (admin): every branch or ?branches=a,b; perBranch=1 for one row per branch', range),
    '/api/branches/{branch}/replay': read('What the lobby showed at a moment (manager, admin): state, estimates, seq, hash-chain link, previous and next change; at = epoch ms or local date-time in the branch’s zone', [b, ...query(AtQuery)], json('{branchId, at, local, timezone, seq, state, estimates, prev, next, chain}')),
    '/api/branches/{branch}/replay.json': read('The same moment as a signed export (Ed25519 over the canonical JSON; hash chain of the log up to seq), as an attachment', [b, ...query(AtQuery)], json('{kind: "branchboard.replay", …, signature}')),
    '/api/branches/{branch}/replay.png': read('The same moment rendered by the lobby’s own components (Chromium on the server), as an attachment', [b, ...query(AtQuery)], { description: 'PNG', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } }, [503]),
    '/api/replay/public-key': { get: { summary: 'The Ed25519 public key exports are signed with (PEM; public)', responses: { 200: { description: 'PEM', content: { 'application/x-pem-file': { schema: { type: 'string' } } } } } } },
    '/api/replay/verify': {
      post: {
        summary: 'Check a replay export (public, rate-limited): signature, hash-chain link and state against this server’s log',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['kind'], properties: { kind: { const: 'branchboard.replay' } } } } } },
        responses: { 200: json('{valid, signatureValid, chainMatches, stateMatches}'), ...refused([400, 429]) },
      },
    },
    ...hooks('/api/branches/{branch}/webhooks', [b], 'of a branch (manager, admin)'),
    ...hooks('/api/webhooks', [], 'for every branch (admin)'),
    '/api/branches/{branch}/alerts.json': {
      get: {
        summary: 'Public alerts feed: the active notices as GTFS-realtime Alerts (JSON: cause and effect enums, active period, translated header and description); ETag, 304 on If-None-Match',
        parameters: [b, { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }],
        responses: { 200: json('GTFS-realtime FeedMessage as JSON'), 304: { description: 'not modified' }, ...refused([400, 404]) },
      },
    },
  };
}
