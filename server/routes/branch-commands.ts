import { randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import {
  COUNTER_ACTIONS,
  ClientId,
  EmptyBody,
  IssueTicketBody,
  PauseCounterBody,
  PostNoticeBody,
  ResolveNoticeBody,
  Slug,
  UpdateNoticeBody,
  type BranchState,
  type Command,
  type CounterAction,
} from '../../core';
import type { CommandHandler } from '../commands/execute';
import { runCommand } from '../http/command-route';
import { identifyKiosk, NO_KIOSKS, type KioskDirectory } from '../http/kiosk-identity';
import { TicketLinks } from '../store/ticket-links';
import { mayActOn } from '../auth/users';
import { requireStaff } from '../http/auth';
import { clientAddress } from '../http/client-address';
import { HttpError, parse } from '../http/errors';

const param = (req: Request, name: string) => parse(name === 'id' ? ClientId : Slug, req.params[name], name);

/** The commands of a branch: tickets (public kiosk), counters and notices (staff). */
export interface BranchCommandOptions {
  ticketsPerMinute: number;
  /** Phone-ticket links: each issued ticket gets one, in its reply (issue 11). */
  links?: TicketLinks;
  kiosks?: KioskDirectory;
}

/** The path of a kiosk's ticket, mounted on the app itself (see ticketRoute). */
export const TICKET_PATH = '/api/branches/:branch/tickets';

/**
 * A kiosk takes a ticket (POST TICKET_PATH): the busiest request of all, so its handlers are
 * mounted on the app directly, past no router of its own (each router a request enters costs
 * its prefix matching and parameter merging).
 */
export function ticketRoute(commands: CommandHandler, opts: BranchCommandOptions): RequestHandler[] {
  const kioskLimit = rateLimit({
    windowMs: 60_000,
    limit: opts.ticketsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    validate: { ip: false },
    // Count tickets taken, not requests: a kiosk's retry on flaky Wi-Fi (a replay) takes none.
    skipFailedRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode < 400 && res.get('Idempotent-Replayed') !== 'true',
    // A paired kiosk has its own allowance; anything else is counted by its address.
    keyGenerator: (req, res) => (res.locals.kiosk ? `kiosk:${req.params.branch}:${res.locals.kiosk.id}` : `ip:${clientAddress(req)}`),
    handler: (_req, res) => {
      res.status(429).json({ ok: false, error: { code: 'too_many_tickets', message: 'too many tickets from this device: wait a minute' } });
    },
  });

  const issue: RequestHandler = async (req, res) => {
    const branch = param(req, 'branch');
    const { service } = parse(IssueTicketBody, req.body ?? {});
    const ticketId = randomUUID();
    // The phone link is written in the ticket's own transaction: a ticket never lacks one, and a
    // refused or replayed request leaves none behind (one commit a ticket, not two).
    const token = TicketLinks.newToken();
    const links = opts.links;
    const kiosk = res.locals.kiosk as { id: string } | undefined;
    // Staff of another branch taking a ticket here are the public kiosk, not a teller of this branch.
    const outsider = req.user !== undefined && !mayActOn(req.user, branch);
    const actor = kiosk ? { role: 'kiosk' as const, user: kiosk.id } : outsider ? { role: 'kiosk' as const } : undefined;
    await runCommand(
      commands,
      req,
      res,
      branch,
      { type: 'IssueTicket', ticketId, service },
      (_events, state) => {
        const t = state.tickets[ticketId]!;
        const ticket = { id: t.id, number: t.number, service: t.service, issuedAt: t.issuedAt };
        return { status: 201, body: { ticket, ...(opts.links ? { phone: { token, path: `/t/${token}` } } : {}) } };
      },
      actor,
      links ? (tx) => links.create(tx, token, branch, ticketId, Date.now()) : undefined,
    );
  };
  return [identifyKiosk(opts.kiosks ?? NO_KIOSKS), kioskLimit, issue];
}

/** The staff commands of a branch: counters and notices (tickets: ticketRoute). */
export function branchCommandRoutes(commands: CommandHandler): Router {
  const r = Router({ mergeParams: true });

  r.post('/:branch/counters/:counter/:action', requireStaff(), async (req, res) => {
    const branch = param(req, 'branch');
    const counterId = param(req, 'counter');
    const action = req.params.action as CounterAction;
    if (!COUNTER_ACTIONS.includes(action)) {
      throw new HttpError(404, 'unknown_action', `no counter action "${String(req.params.action)}"; use ${COUNTER_ACTIONS.join(', ')}`);
    }
    const command: Command =
      action === 'pause'
        ? { type: 'PauseCounter', counterId, body: parse(PauseCounterBody, req.body ?? {}) }
        : (parse(EmptyBody, req.body ?? {}), { type: 'CounterAction', counterId, action });
    await runCommand(commands, req, res, branch, command, (_e, state) => ({ body: { counter: state.counters[counterId] } }));
  });

  /** A notice command's reply carries the notice as it now stands. */
  const withNotice = (noticeId: string, status?: number) => (_e: unknown, state: BranchState) => ({
    ...(status ? { status } : {}),
    body: { notice: state.notices.find((n) => n.id === noticeId) },
  });

  r.post('/:branch/notices', requireStaff(), async (req, res) => {
    const branch = param(req, 'branch');
    const body = parse(PostNoticeBody, req.body ?? {});
    const noticeId = randomUUID();
    await runCommand(commands, req, res, branch, { type: 'PostNotice', noticeId, body }, withNotice(noticeId, 201));
  });

  r.patch('/:branch/notices/:id', requireStaff(), async (req, res) => {
    const branch = param(req, 'branch');
    const noticeId = param(req, 'id');
    const body = parse(UpdateNoticeBody, req.body ?? {});
    await runCommand(commands, req, res, branch, { type: 'UpdateNotice', noticeId, body }, withNotice(noticeId));
  });

  r.post('/:branch/notices/:id/resolve', requireStaff(), async (req, res) => {
    const branch = param(req, 'branch');
    const noticeId = param(req, 'id');
    const body = parse(ResolveNoticeBody, req.body ?? {});
    await runCommand(commands, req, res, branch, { type: 'ResolveNotice', noticeId, body }, withNotice(noticeId));
  });

  return r;
}
