import type { Request, Response } from 'express';
import type { Actor, Command } from '../../core';
import type { CommandHandler, CommandInput, ReplyShaper } from '../commands/execute';
import { requestHash, type StoredReply } from '../store/command-replies';
import { HttpError } from './errors';

/** Who is behind a request, as the log records it: the staff member, else the public kiosk. */
export function actorOf(req: Request): Actor {
  return req.user ? { role: req.user.role, user: req.user.username } : { role: 'kiosk' };
}

/**
 * Runs a command for an HTTP request: the Idempotency-Key header is its client-made id, the
 * session its actor; the domain's answer becomes the status and the uniform `{ok, …}` body.
 */
export async function runCommand(
  commands: CommandHandler,
  req: Request,
  res: Response,
  branch: string,
  command: Command,
  shape?: ReplyShaper,
  actor: Actor = actorOf(req),
  writeAlso?: CommandInput['writeAlso'],
): Promise<void> {
  const key = req.get('Idempotency-Key');
  if (!key) throw new HttpError(400, 'idempotency_key_required', 'send an Idempotency-Key header made once per action', 'Idempotency-Key');
  const fingerprint = requestHash(req.method, req.originalUrl, req.body, req.user?.username ?? null);
  const result = await commands.execute({ branch, command, key, actor, fingerprint, ...(writeAlso ? { writeAlso } : {}) }, shape);
  if (!result.ok) throw HttpError.from(result.error);
  if (result.replayed) res.set('Idempotent-Replayed', 'true');
  sendReply(res, result.reply);
}

/**
 * A command's stored reply, sent as the JSON text it was stored as (`res.json` would serialise
 * it again and hash it for an ETag, which a command's answer has no use for).
 */
export function sendReply(res: Response, reply: StoredReply): void {
  res.status(reply.status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(reply.text ?? JSON.stringify(reply.body));
}
