import { Router, type Request } from 'express';
import { CallTicketBody, Slug, TransferTicketBody, UndoNoShowBody, type BranchState, type Command } from '../../core';
import type { CommandHandler } from '../commands/execute';
import { requireStaff } from '../http/auth';
import { runCommand } from '../http/command-route';
import { parse } from '../http/errors';

const param = (req: Request, name: string) => parse(Slug, req.params[name], name);

/** The reply says where the counter and the moved ticket now stand. */
const where = (counterId: string, ticketId?: string) => (_e: unknown, state: BranchState) => {
  const t = ticketId ? (state.tickets[ticketId] ?? null) : null;
  return { body: { counter: state.counters[counterId], ...(ticketId ? { ticket: t } : {}) } };
};

/**
 * A teller moves tickets out of plain order: calls a specific one (with the reason the room is
 * told), transfers the one at the counter, takes back a no-show. Mounted before the generic
 * counter actions.
 */
export function ticketMoveRoutes(commands: CommandHandler): Router {
  const r = Router({ mergeParams: true });

  r.post('/:branch/counters/:counter/call', requireStaff(), async (req, res) => {
    const branch = param(req, 'branch');
    const counterId = param(req, 'counter');
    const body = parse(CallTicketBody, req.body ?? {});
    const command: Command = { type: 'CallTicket', counterId, body };
    await runCommand(commands, req, res, branch, command, where(counterId, body.ticketId));
  });

  r.post('/:branch/counters/:counter/transfer', requireStaff(), async (req, res) => {
    const branch = param(req, 'branch');
    const counterId = param(req, 'counter');
    const body = parse(TransferTicketBody, req.body ?? {});
    await runCommand(commands, req, res, branch, { type: 'TransferTicket', counterId, body }, (events, state) => {
      const moved = events.find((e) => e.type === 'TicketTransferred');
      return where(counterId, moved?.type === 'TicketTransferred' ? moved.ticketId : undefined)(events, state);
    });
  });

  r.post('/:branch/counters/:counter/undo-no-show', requireStaff(), async (req, res) => {
    const branch = param(req, 'branch');
    const counterId = param(req, 'counter');
    const body = parse(UndoNoShowBody, req.body ?? {});
    await runCommand(commands, req, res, branch, { type: 'UndoNoShow', counterId, body }, (events, state) => {
      const undone = events.find((e) => e.type === 'NoShowUndone');
      return where(counterId, undone?.type === 'NoShowUndone' ? undone.ticketId : undefined)(events, state);
    });
  });

  return r;
}
