import { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import { CreateIntegrationTokenBody, IngestBody, Slug } from '../../core';
import type { BranchStates } from '../commands/branch-states';
import { requireStaff } from '../http/auth';
import { HttpError, parse } from '../http/errors';
import { idempotentOf } from '../http/idempotent';
import type { IngestService } from '../ingest/ingest-service';
import type { CommandHandler } from '../commands/execute';
import { actorOf } from '../http/command-route';
import type { CommandReplies } from '../store/command-replies';
import type { Sql } from '../store/sql';
import type { IntegrationToken, IntegrationTokens } from '../store/integration-tokens';

declare module 'express-serve-static-core' {
  interface Request {
    integration?: IntegrationToken;
  }
}

/**
 * An existing queue system feeding a branch (issue 11): per-branch API tokens, made and revoked
 * by the branch's managers (the secret is shown once), and the ingest endpoint they open.
 */
export function ingestRoutes(
  tokens: IntegrationTokens,
  ingest: IngestService,
  states: BranchStates,
  /** Where a creation's reply is kept for its Idempotency-Key (the console sends one), and the command path that logs it. */
  once?: { sql: Sql; replies: CommandReplies; commands?: CommandHandler },
): Router {
  const r = Router({ mergeParams: true });
  const branchOf = (req: Request) => parse(Slug, req.params.branch, 'branch');

  /** A token made or revoked, in the branch's log with who did it (the key makes a retry write it once). */
  const logToken = async (req: Request, branch: string, change: 'created' | 'revoked', token: IntegrationToken, key = `token-${change}-${token.id}`) => {
    const commands = once?.commands;
    if (!commands) return;
    const k = key.length <= 64 && /^[A-Za-z0-9_-]{8,}$/.test(key) ? key : `token-${change}-${token.id}`.slice(0, 64);
    await commands.execute({ branch, command: { type: 'RecordIntegrationToken', change, token: { id: token.id, name: token.name } }, key: k, fingerprint: `${change}:${token.id}`, actor: actorOf(req) });
  };

  r.post('/:branch/integration-tokens', requireStaff(['admin', 'manager']), async (req, res) => {
    const branch = branchOf(req);
    if (!(await states.get(branch))) throw new HttpError(404, 'unknown_branch', `no branch "${branch}"`);
    const { name } = parse(CreateIntegrationTokenBody, req.body ?? {});
    res.set('Cache-Control', 'no-store');
    // With an Idempotency-Key a retry gets the same token, once: its secret only in the first reply.
    const id = once && req.get('Idempotency-Key') !== undefined ? idempotentOf(req) : null;
    const scope = `@integration-tokens:${branch}`;
    if (id && once) {
      const earlier = await once.replies.lookup(scope, id.key, id.fingerprint);
      if (earlier === 'mismatch') throw new HttpError(409, 'idempotency_key_reused', 'this Idempotency-Key was already used for another request', 'Idempotency-Key');
      if (earlier) {
        res.set('Idempotent-Replayed', 'true');
        res.status(earlier.status).json(earlier.body);
        return;
      }
    }
    const { token, secret } = await tokens.create(branch, name, req.user!.username, Date.now());
    if (id && once) {
      try {
        await once.sql.tx((tx) => once.replies.remember(tx, scope, id.key, id.fingerprint, { status: 201, body: { ok: true, token, secretShown: true } }, Date.now()));
      } catch (err) {
        if (!once.sql.isUniqueViolation(err)) throw err;
        // The same key at the same moment made a token first: this one is let go, the first stands.
        await tokens.revoke(branch, token.id, Date.now());
        const first = await once.replies.lookup(scope, id.key, id.fingerprint);
        res.set('Idempotent-Replayed', 'true');
        res.status(201).json(first && first !== 'mismatch' ? first.body : { ok: true, token, secretShown: true });
        return;
      }
    }
    await logToken(req, branch, 'created', token, id?.key);
    // The secret is in this reply only: store it in the queue system now.
    res.status(201).json({ ok: true, token, secret });
  });

  r.get('/:branch/integration-tokens', requireStaff(['admin', 'manager']), async (req, res) => {
    res.json({ ok: true, tokens: await tokens.list(branchOf(req)) });
  });

  r.delete('/:branch/integration-tokens/:id', requireStaff(['admin', 'manager']), async (req, res) => {
    const id = String(req.params.id ?? '');
    const now = Date.now();
    const token = /^[0-9a-f-]{36}$/.test(id) ? await tokens.revoke(branchOf(req), id, now) : undefined;
    if (!token) throw new HttpError(404, 'unknown_token', `no integration token "${id}" in this branch`);
    // Revoked by this request (not one before): in the branch's log, once.
    if (token.revokedAt === now) await logToken(req, token.branchId, 'revoked', token, `revoke-${token.id}`);
    res.json({ ok: true, token });
  });

  /** Bearer token of this branch, not revoked: else 401 (none, unknown, revoked) or 403 (another branch's). */
  const authenticate = async (req: Request): Promise<IntegrationToken> => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.get('Authorization') ?? '');
    if (!m) throw new HttpError(401, 'integration_token_required', 'send Authorization: Bearer <integration token>', 'Authorization');
    const token = await tokens.verify(m[1]!, Date.now());
    if (!token) throw new HttpError(401, 'invalid_token', 'this integration token is not known', 'Authorization');
    if (token.revokedAt !== null) throw new HttpError(401, 'token_revoked', 'this integration token was revoked', 'Authorization');
    if (token.branchId !== req.params.branch) throw new HttpError(403, 'wrong_branch', 'this integration token is for another branch');
    return token;
  };

  const perToken = rateLimit({
    windowMs: 60_000,
    limit: 600,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `integration:${req.integration?.id ?? ''}`,
    validate: { ip: false },
    handler: (_req, res) => {
      res.status(429).json({ ok: false, error: { code: 'throttled', message: 'too many ingest requests for this token: send batches' } });
    },
  });

  r.post(
    '/:branch/ingest',
    async (req, _res, next) => {
      try {
        req.integration = await authenticate(req);
        next();
      } catch (e) {
        next(e);
      }
    },
    perToken,
    async (req, res) => {
      const branch = branchOf(req);
      const { events } = parse(IngestBody, req.body ?? {});
      if (!(await states.get(branch))) throw new HttpError(404, 'unknown_branch', `no branch "${branch}"`);
      const results = await ingest.apply(branch, events, { role: 'integration', user: req.integration!.name.slice(0, 64) });
      res.json({ ok: true, results });
    },
  );
  return r;
}
