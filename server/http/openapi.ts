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
} from '../../core';
import { LoginBody } from '../routes/session';

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
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bb_session' } } },
    paths: {
      '/api/site': { get: { summary: 'Installation facts for the pages: publicUrl (for the lobby’s QR code) or null', responses: { 200: { description: 'ok' } } } },
      '/healthz': { get: { summary: 'Liveness: the process answers (says nothing about the database)', responses: { 200: { description: 'alive' } } } },
      '/readyz': { get: { summary: 'Readiness: store reachable and not shutting down; 503 with the failing checks otherwise', responses: { 200: { description: 'ready' }, 503: { description: 'not ready' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics (bearer METRICS_TOKEN, or from a private address when unset)', responses: { 200: { description: 'text exposition format' }, 403: { description: 'not allowed' } } } },
      '/api/session': {
        post: { summary: 'Log in (sets an httpOnly cookie)', requestBody: json(LoginBody), responses: replies(200, [401, 429]) },
        get: { summary: 'Who is logged in', security: staff, responses: replies(200, [401]) },
        delete: { summary: 'Log out', responses: replies(200) },
      },
      '/api/branches/{branch}/state': {
        get: { summary: 'The live state of a branch (public)', parameters: [branch], responses: replies(200, [404]) },
      },
      '/api/branches/{branch}/tickets': {
        post: { summary: 'Issue a ticket (public kiosk, rate-limited)', parameters: [branch, idem], requestBody: json(IssueTicketBody), responses: replies(201, [404, 429]) },
      },
      ...counterPaths,
      ...movePaths,
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
