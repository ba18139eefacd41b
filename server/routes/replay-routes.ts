import express, { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { Slug, fromLocal, isoLocal } from '../../core';
import type { BranchStates } from '../commands/branch-states';
import { requireHistoryReader } from '../history/access';
import type { ReplayService } from '../history/replay';
import type { ReplayPng } from '../history/replay-png';
import type { ReplaySigner } from '../history/signing';
import { HttpError, parse } from '../http/errors';

/** A signed export says what it is, so a verifier knows how to read it. */
export const REPLAY_EXPORT_KIND = 'branchboard.replay';

export const AtQuery = z.object({ at: z.string().min(1).max(40) }).strict();

/**
 * Time travel for managers and admins: a moment of the lobby from the log (JSON the lobby's own
 * components render), the same moment as PNG or as signed JSON for a customer or an ombudsman,
 * and the verification of such an export. The public lobby stays live-only.
 */
export function replayRoutes(d: { states: BranchStates; replay: ReplayService; signer: ReplaySigner; png: ReplayPng }): { branch: Router; verify: Router } {
  const branch = Router({ mergeParams: true });
  const reader = requireHistoryReader();

  const moment = async (req: Request) => {
    const id = parse(Slug, req.params.branch, 'branch');
    const live = await d.states.get(id);
    if (!live) throw new HttpError(404, 'unknown_branch', `no branch "${id}"`);
    const q = parse(AtQuery, req.query, 'query');
    const tz = live.config?.timezone ?? 'UTC';
    const at = /^\d{1,16}$/.test(q.at) ? Number(q.at) : fromLocal(q.at, tz);
    if (at === null) throw new HttpError(400, 'invalid', 'at: a local date and time like 2026-12-01T10:14:00, or epoch ms', 'at');
    if (at > Date.now()) throw new HttpError(400, 'in_the_future', 'at: the moment must not be in the future', 'at');
    const m = await d.replay.moment(id, at);
    if (!m) throw new HttpError(404, 'unknown_branch', `no branch "${id}"`);
    return m;
  };

  branch.get('/:branch/replay', reader, async (req, res) => {
    const m = await moment(req);
    res.set('Cache-Control', 'private, no-store');
    res.json({ ok: true, ...m, local: m.local.slice(0, 19) });
  });

  branch.get('/:branch/replay.json', reader, async (req, res) => {
    const m = await moment(req);
    const doc = d.signer.sign({
      kind: REPLAY_EXPORT_KIND,
      version: 1,
      branchId: m.branchId,
      at: m.at,
      atLocal: m.local,
      timezone: m.timezone,
      seq: m.seq,
      chain: { algorithm: 'sha256-chain-v1', link: m.chain },
      state: m.state,
      estimates: m.estimates,
      exportedAt: isoLocal(Date.now(), m.timezone),
      exportedBy: req.user!.username,
    });
    res.set('Content-Disposition', `attachment; filename="${m.branchId}-replay-${m.local.slice(0, 19).replace(/:/g, '')}.json"`);
    res.set('Cache-Control', 'private, no-store');
    res.json(doc);
  });

  branch.get('/:branch/replay.png', reader, async (req, res) => {
    const m = await moment(req);
    if (!d.png.available) throw new HttpError(503, 'png_unavailable', 'this server has no Chromium to render the PNG: save it from the replay page instead');
    const lang = req.acceptsLanguages('it', 'en', 'fr', 'es', 'de', 'nl') || 'en';
    const png = await d.png.capture(m.branchId, m.at, req.sessionToken!, lang);
    res.set('Content-Type', 'image/png');
    res.set('Content-Disposition', `attachment; filename="${m.branchId}-replay-${m.local.slice(0, 19).replace(/:/g, '')}.png"`);
    res.set('Cache-Control', 'private, no-store');
    res.send(png);
  });

  const verify = Router();
  verify.get('/public-key', (_req, res) => {
    res.type('application/x-pem-file').send(d.signer.publicPem());
  });
  // An export carries a whole state: it gets a larger body limit than commands do.
  // Public (an ombudsman has no account), so it is rate-limited: each check replays the log.
  const verifyLimit = rateLimit({
    windowMs: 60_000,
    limit: 20,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ ok: false, error: { code: 'too_many_requests', message: 'too many verifications from here: wait a minute' } });
    },
  });
  verify.post('/verify', verifyLimit, express.json({ limit: '4mb' }), async (req, res) => {
    const doc = req.body as Record<string, unknown> | undefined;
    if (!doc || typeof doc !== 'object' || doc.kind !== REPLAY_EXPORT_KIND) {
      throw new HttpError(400, 'invalid', `body: a replay export (kind "${REPLAY_EXPORT_KIND}")`, 'kind');
    }
    const signatureValid = d.signer.verify(doc);
    const branchId = Slug.safeParse(doc.branchId);
    const seq = z.number().int().min(0).safeParse(doc.seq);
    const at = z.number().int().min(0).safeParse(doc.at);
    let chainMatches = false;
    let stateMatches = false;
    if (branchId.success && seq.success && at.success && (await d.states.get(branchId.data))) {
      const link = (doc.chain as { link?: unknown } | undefined)?.link;
      chainMatches = link === (await d.replay.linkAt(branchId.data, seq.data));
      stateMatches = await d.replay.stateMatches(branchId.data, at.data, doc.state);
    }
    res.json({ ok: true, valid: signatureValid && chainMatches && stateMatches, signatureValid, chainMatches, stateMatches });
  });

  return { branch, verify };
}
