import { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import { EmptyBody, type BranchState } from '../../core';
import type { BranchStates } from '../commands/branch-states';
import type { CommandHandler } from '../commands/execute';
import { runCommand } from '../http/command-route';
import { HttpError, parse } from '../http/errors';
import { TicketLinks, type TicketLink } from '../store/ticket-links';

/** Where a ticket stands, as its phone page shows it. */
export type PhoneTicketStatus = 'waiting' | 'called' | 'done' | 'no_show' | 'cancelled';

export interface PhoneTicketView {
  branch: string;
  ticket: {
    id: string;
    number: string;
    service: string;
    status: PhoneTicketStatus;
    /** The counter it was called to, while called. */
    counterId: string | null;
    issuedAt: number | null;
  };
}

/** What the ticket behind a link is now: waiting or called (in the state), a no-show, given back, or done. */
export function phoneTicketView(link: TicketLink, state: BranchState): PhoneTicketView {
  const t = state.tickets[link.ticketId];
  const noShow = state.noShows?.[link.ticketId];
  const base = t ?? noShow;
  const status: PhoneTicketStatus = link.cancelledAt !== null ? 'cancelled' : t ? t.status : noShow ? 'no_show' : 'done';
  return {
    branch: link.branchId,
    ticket: {
      id: link.ticketId,
      number: base?.number ?? '',
      service: base?.service ?? '',
      status,
      counterId: t?.status === 'called' ? t.counterId : null,
      issuedAt: base?.issuedAt ?? null,
    },
  };
}

/**
 * The phone ticket's API (/api/tickets/:token): what the page needs to follow its ticket on the
 * branch's public stream, and "I'm not coming any more". The token is the only key: no account,
 * no personal data. Throttled per address so tokens cannot be tried in bulk.
 */
export function phoneTicketRoutes(commands: CommandHandler, states: BranchStates, links: TicketLinks): Router {
  const r = Router();
  r.use(
    rateLimit({
      windowMs: 60_000,
      limit: 120,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) => {
        res.status(429).json({ ok: false, error: { code: 'throttled', message: 'too many requests: wait a minute' } });
      },
    }),
  );

  const linkOf = async (req: Request): Promise<{ token: string; link: TicketLink }> => {
    const token = String(req.params.token ?? '');
    if (!TicketLinks.isToken(token)) throw new HttpError(404, 'unknown_ticket', 'no such ticket: check the link on your ticket');
    const link = await links.find(token);
    if (!link) throw new HttpError(404, 'unknown_ticket', 'no such ticket: check the link on your ticket');
    return { token, link };
  };

  r.get('/:token', async (req, res) => {
    const { link } = await linkOf(req);
    const state = await states.get(link.branchId);
    if (!state) throw new HttpError(404, 'unknown_ticket', 'no such ticket: check the link on your ticket');
    res.set('Cache-Control', 'no-store');
    res.json({ ok: true, ...phoneTicketView(link, state) });
  });

  r.post('/:token/cancel', async (req, res) => {
    parse(EmptyBody, req.body ?? {});
    const { token, link } = await linkOf(req);
    let cancelled = false;
    await runCommand(
      commands,
      req,
      res,
      link.branchId,
      { type: 'CancelTicket', ticketId: link.ticketId },
      (events, state) => {
        cancelled = events.some((e) => e.type === 'TicketCancelled');
        const view = phoneTicketView({ ...link, cancelledAt: cancelled ? Date.now() : link.cancelledAt }, state);
        return { body: view as unknown as Record<string, unknown> };
      },
      { role: 'kiosk' },
      // From now on its page says "given back", not "done": written with the TicketCancelled event,
      // so a page read (or a second tap) right after the answer already sees it.
      async (tx) => {
        if (cancelled) await links.markCancelled(token, Date.now(), tx);
      },
    );
  });
  return r;
}
