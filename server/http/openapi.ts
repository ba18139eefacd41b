import { z } from 'zod';
import {
  IssueTicketBody,
  PauseCounterBody,
  PostNoticeBody,
  ResolveNoticeBody,
  UpdateNoticeBody,
  COUNTER_ACTIONS,
  CallTicketBody,
  TransferTicketBody,
  UndoNoShowBody,
  IngestBody,
  CreateIntegrationTokenBody,
} from '../../core';
import { LoginBody } from '../routes/session';
import { consolePaths } from './openapi-console';
import { historyPaths } from './openapi-history';

const json = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } },
});

const ErrorReply = {
  type: 'object',
  required: ['ok', 'error'],
  properties: {
    ok: { const: false },
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string', description: 'dotted path of the failing field' } },
    },
  },
};
const OkReply = { type: 'object', required: ['ok'], properties: { ok: { const: true }, seq: { type: 'integer' } }, additionalProperties: true };

const replies = (ok: number, extra: number[] = []) => ({
  [ok]: { description: 'done', content: { 'application/json': { schema: OkReply } } },
  ...Object.fromEntries(
    [400, ...extra].map((s) => [s, { description: 'refused', content: { 'application/json': { schema: ErrorReply } } }]),
  ),
});

const idem = { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' }, description: 'made once per action; a retry with the same key is applied once and gets the same reply' };
const branch = { name: 'branch', in: 'path', required: true, schema: { type: 'string' } };
const staff = [{ session: [] }];
const phoneToken = { name: 'token', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' }, description: 'the phone ticket’s token (from the ticket’s reply or QR code)' };

/** The public API, described from the same zod schemas that validate it. */
export function openApiDocument(): object {
  const counterPaths = Object.fromEntries(
    COUNTER_ACTIONS.map((a) => [
      `/api/branches/{branch}/counters/{counter}/${a}`,
      {
        post: {
          summary: `Counter: ${a}`,
          security: staff,
          parameters: [branch, { name: 'counter', in: 'path', required: true, schema: { type: 'string' } }, idem],
          requestBody: json(a === 'pause' ? PauseCounterBody : z.object({}).strict()),
          responses: replies(200, [401, 403, 404, 409]),
        },
      },
    ]),
  );
  const counter = { name: 'counter', in: 'path', required: true, schema: { type: 'string' } };
  const moves: Record<string, [string, z.ZodType]> = {
    call: ['Call a specific waiting ticket (or a no-show back); reason required unless it is the one the counter would call next', CallTicketBody],
    transfer: ['Transfer the ticket at the counter to another service or counter; it keeps its number and its place by issue time', TransferTicketBody],
    'undo-no-show': ['Undo a no-show within 5 minutes: back at the counter if free, else at its place in the queue', UndoNoShowBody],
  };
  const movePaths = Object.fromEntries(
    Object.entries(moves).map(([a, [summary, body]]) => [
      `/api/branches/{branch}/counters/{counter}/${a}`,
      { post: { summary, security: staff, parameters: [branch, counter, idem], requestBody: json(body), responses: replies(200, [401, 403, 404, 409]) } },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: { title: 'Branchboard API', version: '0.1.0', description: 'Commands come in over REST; live state goes out over Socket.IO (see README).' },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'bb_session' },
        integration: { type: 'http', scheme: 'bearer', description: 'a branch’s integration token (bbi_…), made by a manager' },
      },
    },
    paths: {
      '/api/site': { get: { summary: 'Installation facts for the pages: publicUrl (for the lobby’s QR code) or null', responses: { 200: { description: 'ok' } } } },
      '/api/qr.svg': { get: { summary: 'The lobby’s QR code (SVG) for a board’s address (?url=http(s)://…/display/<branch>)', responses: { 200: { description: 'image/svg+xml' }, 400: { description: 'not a board address' } } } },
      '/healthz': { get: { summary: 'Liveness: the process answers (says nothing about the database)', responses: { 200: { description: 'alive' } } } },
      '/readyz': { get: { summary: 'Readiness: store reachable and not shutting down; 503 with the failing checks otherwise', responses: { 200: { description: 'ready' }, 503: { description: 'not ready' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics (bearer METRICS_TOKEN, or from a private address when unset)', responses: { 200: { description: 'text exposition format' }, 403: { description: 'not allowed' } } } },
      '/api/session': {
        post: { summary: 'Log in (sets an httpOnly cookie)', requestBody: json(LoginBody), responses: replies(200, [401, 429]) },
        get: { summary: 'Who is logged in: {ok, user}, user null without a valid session (not an error: every login page asks)', responses: replies(200) },
        delete: { summary: 'Log out', responses: replies(200) },
      },
      '/api/branches/{branch}/state': {
        get: { summary: 'The live state of a branch (public)', parameters: [branch], responses: replies(200, [404]) },
      },
      '/api/branches/{branch}/tickets': {
        post: {
          summary: 'Issue a ticket (public kiosk, rate-limited per paired kiosk via X-Screen-Token, else per address); the reply carries phone: {token, path} for the phone ticket',
          parameters: [branch, idem, { name: 'X-Screen-Token', in: 'header', required: false, schema: { type: 'string' }, description: 'a paired kiosk’s screen token' }],
          requestBody: json(IssueTicketBody),
          responses: replies(201, [404, 429]),
        },
      },
      // Issue 11: the phone ticket, and ingest from an existing queue system.
      '/api/tickets/{token}': {
        get: { summary: 'The phone ticket: branch, ticket id, number, service, status (waiting, called, done, no_show, cancelled), counter', parameters: [phoneToken], responses: replies(200, [404, 429]) },
      },
      '/api/tickets/{token}/cancel': {
        post: { summary: '“I’m not coming any more”: the waiting ticket leaves the queue (idempotent; 409 already_called once called)', parameters: [phoneToken, idem], requestBody: json(z.object({}).strict()), responses: replies(200, [404, 409, 429]) },
      },
      '/api/branches/{branch}/integration-tokens': {
        post: { summary: 'Make an integration token (manager or admin); the secret is in this reply only', security: staff, parameters: [branch], requestBody: json(CreateIntegrationTokenBody), responses: replies(201, [401, 403, 404]) },
        get: { summary: 'The branch’s integration tokens, without secrets (manager or admin)', security: staff, parameters: [branch], responses: replies(200, [401, 403]) },
      },
      '/api/branches/{branch}/integration-tokens/{id}': {
        delete: { summary: 'Revoke an integration token (manager or admin; again: nothing more)', security: staff, parameters: [branch, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: replies(200, [401, 403, 404]) },
      },
      '/api/branches/{branch}/ingest': {
        post: {
          summary:
            'Steps from an existing queue system with its own ticket ids: issued, called, recalled, served, no_show; and its counters’ counter_opened, counter_paused, counter_closed (with at or eventId). Each applied once (replays → duplicate), in order or late (overtaken steps → superseded, missing ones filled in; an issued after a later step of its ticket corrects the issue time with its own at); each at the system’s own time `at` (refused beyond 2 min ahead, or before the branch’s day); results per event, in order',
          security: [{ integration: [] }],
          parameters: [branch],
          requestBody: json(IngestBody),
          responses: replies(200, [401, 403, 404, 429]),
        },
      },
      ...counterPaths,
      ...movePaths,
      ...consolePaths(),
      ...historyPaths(),
      '/api/openapi.json': { get: { summary: 'This document (OpenAPI 3.1)', responses: { 200: { description: 'ok' } } } },
      '/api/users/{username}/sessions': {
        get: { summary: 'An account’s open sessions (its own; admin or its manager: theirs too)', security: staff, parameters: [{ name: 'username', in: 'path', required: true, schema: { type: 'string' } }], responses: replies(200, [401, 404]) },
        delete: { summary: 'End all of an account’s sessions', security: staff, parameters: [{ name: 'username', in: 'path', required: true, schema: { type: 'string' } }], responses: replies(200, [401, 404]) },
      },
      '/api/users/{username}/sessions/{id}': {
        delete: { summary: 'End one session', security: staff, parameters: [{ name: 'username', in: 'path', required: true, schema: { type: 'string' } }, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: replies(200, [401, 404]) },
      },
      '/api/branches/{branch}/notices': {
        post: { summary: 'Post a notice (from a preset or typed)', security: staff, parameters: [branch, idem], requestBody: json(PostNoticeBody), responses: replies(201, [401, 403, 404, 409]) },
      },
      '/api/branches/{branch}/notices/{id}': {
        patch: { summary: 'Update a notice’s text or expected end (adds to its timeline)', security: staff, parameters: [branch, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }, idem], requestBody: json(UpdateNoticeBody), responses: replies(200, [401, 403, 404, 409]) },
      },
      '/api/branches/{branch}/notices/{id}/resolve': {
        post: { summary: 'Resolve a notice', security: staff, parameters: [branch, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }, idem], requestBody: json(ResolveNoticeBody), responses: replies(200, [401, 403, 404, 409]) },
      },
    },
  };
}
