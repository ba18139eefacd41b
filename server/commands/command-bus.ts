import type { Request } from 'express';
import { ClientId, decide, type Actor, type BranchEvent, type BranchState, type Command } from '../../core';
import { HttpError } from '../http/errors';
import { requestHash, type CommandReplies } from '../store/command-replies';
import type { Db } from '../store/db';
import type { EventLog } from '../store/event-log';

export interface CommandReply {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

export type Broadcast = (branchId: string, events: BranchEvent[]) => void;

/**
 * The one way into a branch: validate the idempotency key, decide (pure, in core), append the
 * events and the reply in one SQLite transaction, then broadcast. Everything between reading the
 * state and committing is synchronous, so two commands never interleave on one branch.
 */
export class CommandBus {
  constructor(
    private readonly db: Db,
    private readonly log: EventLog,
    private readonly replies: CommandReplies,
    private readonly broadcast: Broadcast,
  ) {}

  execute(
    req: Request,
    branchId: string,
    command: Command,
    reply: (events: BranchEvent[], state: BranchState) => { status?: number; body?: Record<string, unknown> } = () => ({}),
  ): CommandReply {
    const before = this.log.state(branchId);
    if (!before) throw new HttpError(404, 'unknown_branch', `no branch "${branchId}"`);

    const key = req.get('Idempotency-Key');
    if (!key) throw new HttpError(400, 'idempotency_key_required', 'send an Idempotency-Key header made once per action', 'Idempotency-Key');
    if (!ClientId.safeParse(key).success) {
      throw new HttpError(400, 'invalid', 'Idempotency-Key: 8–64 letters, digits, - or _', 'Idempotency-Key');
    }
    const hash = requestHash(req.method, req.originalUrl, req.body, req.user?.username ?? null);
    const earlier = this.replies.lookup(branchId, key, hash);
    if (earlier === 'mismatch') {
      throw new HttpError(409, 'idempotency_key_reused', 'this Idempotency-Key was already used for another request', 'Idempotency-Key');
    }
    if (earlier) return { status: earlier.status, body: earlier.body as Record<string, unknown>, replayed: true };

    const now = Date.now();
    const decision = decide(before, command, now);
    if (!decision.ok) throw HttpError.from(decision.error);

    const actor: Actor = req.user ? { role: req.user.role, user: req.user.username } : { role: 'kiosk' };
    const result = this.db.transaction(() => {
      const { events, state } = this.log.append(branchId, decision.events, actor, now);
      const extra = reply(events, state);
      const out = { status: extra.status ?? 200, body: { ok: true, seq: state.seq, events: events.map((e) => e.type), ...extra.body } };
      this.replies.remember(branchId, key, hash, out, now);
      return { events, state, out };
    })();
    this.log.commit(branchId, result.state);
    if (result.events.length) this.broadcast(branchId, result.events);
    return { ...result.out, replayed: false };
  }
}
