import type { Request, Response } from 'express';
import { ClientId } from '../../core';
import type { CommandResult } from '../commands/execute';
import type { Idempotent } from '../console/branch-admin';
import { requestHash } from '../store/command-replies';
import { actorOf, sendReply } from './command-route';
import { HttpError } from './errors';

/** The Idempotency-Key of a request, its fingerprint and actor, for commands that do not go through `runCommand`. */
export function idempotentOf(req: Request): Idempotent {
  const key = req.get('Idempotency-Key');
  if (!key) throw new HttpError(400, 'idempotency_key_required', 'send an Idempotency-Key header made once per action', 'Idempotency-Key');
  if (!ClientId.safeParse(key).success) throw new HttpError(400, 'invalid', 'Idempotency-Key: 8–64 letters, digits, - or _', 'Idempotency-Key');
  return { key, fingerprint: requestHash(req.method, req.originalUrl, req.body, req.user?.username ?? null), actor: actorOf(req) };
}

/** Sends a command's result the way `runCommand` does. */
export function sendResult(res: Response, result: CommandResult): void {
  if (!result.ok) throw HttpError.from(result.error);
  if (result.replayed) res.set('Idempotent-Replayed', 'true');
  sendReply(res, result.reply);
}
