import type { Command, CommandError, PostNoticeBody } from './commands';
import type { EventPayload, NoticeScope } from './events';
import type { BranchState, Ticket } from './state';
import { MINUTE, localDay } from './time';

export type Decision = { ok: true; events: EventPayload[] } | { ok: false; error: CommandError };

/**
 * Decides what a command means for the branch, as events, or why it cannot be done.
 * Pure: the server stamps and stores what this returns; `now` is the server's clock.
 */
export function decide(state: BranchState, cmd: Command, now: number): Decision {
  const config = state.config;
  if (!config) return fail(404, 'branch_not_configured', 'this branch has no configuration yet');

  switch (cmd.type) {
    case 'IssueTicket': {
      const service = config.services.find((s) => s.id === cmd.service);
      if (!service) return fail(400, 'unknown_service', `no service "${cmd.service}" in this branch`, 'service');
      const day = localDay(now, config.timezone);
      const last = state.today.day === day ? (state.today.issued[service.id] ?? 0) : 0;
      // Numbers wrap after 999 so a ticket always reads as one letter and three digits.
      const number = `${service.prefix}${String((last % 999) + 1).padStart(3, '0')}`;
      return ok({ type: 'TicketIssued', ticket: { id: cmd.ticketId, service: service.id, number, day } });
    }

    case 'CounterAction':
    case 'PauseCounter': {
      const counterCfg = config.counters.find((c) => c.id === cmd.counterId);
      const counter = state.counters[cmd.counterId];
      if (!counterCfg || !counter) return fail(404, 'unknown_counter', `no counter "${cmd.counterId}" in this branch`);
      const current = counter.ticketId ? state.tickets[counter.ticketId] : undefined;
      const finishCurrent: EventPayload[] = current
        ? [{ type: 'ServiceEnded', ticketId: current.id, counterId: counter.id }]
        : [];

      if (cmd.type === 'PauseCounter') {
        const { backInMinutes, backAt } = cmd.body;
        const at = backInMinutes != null ? now + backInMinutes * MINUTE : (backAt ?? null);
        if (at !== null && at <= now) return fail(400, 'in_the_past', 'the time to be back must be in the future', 'backAt');
        return ok(...finishCurrent, { type: 'CounterPaused', counterId: counter.id, backAt: at });
      }

      switch (cmd.action) {
        case 'call-next': {
          const next = nextTicketFor(state, counterCfg.services);
          if (!next) return fail(409, 'queue_empty', 'nobody is waiting for the services of this counter');
          // Calling from a paused or closed counter opens it: one tap for the teller.
          const open: EventPayload[] = counter.status === 'open' ? [] : [{ type: 'CounterOpened', counterId: counter.id }];
          return ok(...finishCurrent, ...open, { type: 'TicketCalled', ticketId: next.id, counterId: counter.id });
        }
        case 'recall':
          if (!current) return fail(409, 'no_current_ticket', 'this counter has no ticket to call again');
          return ok({ type: 'TicketRecalled', ticketId: current.id, counterId: counter.id });
        case 'done':
          if (!current) return fail(409, 'no_current_ticket', 'this counter has no ticket to finish');
          return ok(...finishCurrent);
        case 'no-show':
          if (!current) return fail(409, 'no_current_ticket', 'this counter has no ticket to mark as absent');
          return ok({ type: 'TicketNoShow', ticketId: current.id, counterId: counter.id });
        case 'open':
          if (counter.status === 'open') return ok();
          return ok({ type: 'CounterOpened', counterId: counter.id });
        case 'close':
          if (counter.status === 'closed' && !current) return ok();
          return ok(...finishCurrent, { type: 'CounterClosed', counterId: counter.id });
      }
      break;
    }

    case 'PostNotice': {
      if (state.notices.some((n) => n.id === cmd.noticeId)) {
        return fail(409, 'notice_exists', `a notice with id "${cmd.noticeId}" already exists`);
      }
      const built = buildNotice(state, cmd.body);
      if ('error' in built) return { ok: false, error: built.error };
      const expectedEndAt = expectedEnd(cmd.body, now, built.defaultMinutes);
      if (expectedEndAt !== null && expectedEndAt <= now) {
        return fail(400, 'in_the_past', 'the expected end must be in the future', 'expectedEndAt');
      }
      const { defaultMinutes: _d, ...notice } = built;
      return ok({ type: 'NoticePosted', notice: { ...notice, id: cmd.noticeId, expectedEndAt } });
    }

    case 'UpdateNotice': {
      const notice = state.notices.find((n) => n.id === cmd.noticeId);
      if (!notice) return fail(404, 'unknown_notice', `no notice "${cmd.noticeId}"`);
      if (notice.status === 'resolved') return fail(409, 'notice_resolved', 'this notice is already resolved');
      const changesEnd = cmd.body.expectedInMinutes !== undefined || cmd.body.expectedEndAt !== undefined;
      const expectedEndAt = changesEnd ? expectedEnd(cmd.body, now, null) : undefined;
      if (expectedEndAt != null && expectedEndAt <= now) {
        return fail(400, 'in_the_past', 'the expected end must be in the future', 'expectedEndAt');
      }
      return ok({
        type: 'NoticeUpdated',
        noticeId: notice.id,
        ...(cmd.body.text ? { text: cmd.body.text } : {}),
        ...(expectedEndAt !== undefined ? { expectedEndAt } : {}),
      });
    }

    case 'ResolveNotice': {
      const notice = state.notices.find((n) => n.id === cmd.noticeId);
      if (!notice) return fail(404, 'unknown_notice', `no notice "${cmd.noticeId}"`);
      if (notice.status === 'resolved') return fail(409, 'notice_resolved', 'this notice is already resolved');
      return ok({
        type: 'NoticeResolved',
        noticeId: notice.id,
        text: cmd.body.text ?? null,
        apologise: cmd.body.apologise ?? notice.apologise,
      });
    }
  }
  return fail(400, 'unknown_command', 'unknown command');
}

/** The waiting ticket a counter calls next: the first issued among the services it serves. */
export function nextTicketFor(state: BranchState, services: readonly string[]): Ticket | undefined {
  let best: Ticket | undefined;
  for (const s of services) {
    const id = state.queues[s]?.[0];
    const t = id ? state.tickets[id] : undefined;
    if (t && (!best || t.issuedSeq < best.issuedSeq)) best = t;
  }
  return best;
}

type BuiltNotice = {
  cause: NonNullable<PostNoticeBody['cause']>;
  effect: NonNullable<PostNoticeBody['effect']>;
  scope: NoticeScope;
  text: Record<string, string>;
  presetId: string | null;
  apologise: boolean;
  defaultMinutes: number | null;
};

function buildNotice(state: BranchState, body: PostNoticeBody): BuiltNotice | { error: CommandError } {
  const config = state.config!;
  const preset = body.presetId ? config.presets.find((p) => p.id === body.presetId) : undefined;
  if (body.presetId && !preset) return err(400, 'unknown_preset', `no preset "${body.presetId}"`, 'presetId');
  if (body.counterId && !config.counters.some((c) => c.id === body.counterId)) {
    return err(400, 'unknown_counter', `no counter "${body.counterId}"`, 'counterId');
  }

  const cause = body.cause ?? preset?.cause;
  if (!cause) return err(400, 'required', 'cause is required without a preset', 'cause');
  const effect = body.effect ?? preset?.effect;
  if (!effect) return err(400, 'required', 'effect is required without a preset', 'effect');
  const text = body.text ?? preset?.text;
  if (!text) return err(400, 'required', cause === 'other' ? 'a cause "other" needs a text' : 'text is required without a preset', 'text');

  let scope: NoticeScope | undefined = body.scope;
  if (!scope) {
    if (preset?.scope === 'counter' || (!preset && body.counterId)) {
      if (!body.counterId) return err(400, 'required', 'this preset is about a counter: give counterId', 'counterId');
      scope = { type: 'counters', ids: [body.counterId] };
    } else scope = { type: 'branch' };
  }
  const known = scope.type === 'counters' ? config.counters.map((c) => c.id) : scope.type === 'services' ? config.services.map((s) => s.id) : [];
  if (scope.type !== 'branch') {
    const bad = scope.ids.findIndex((id) => !known.includes(id));
    if (bad >= 0) return err(400, 'unknown_scope', `unknown ${scope.type === 'counters' ? 'counter' : 'service'} "${scope.ids[bad]}"`, `scope.ids.${bad}`);
  }

  return {
    cause,
    effect,
    scope,
    text,
    presetId: preset?.id ?? null,
    apologise: body.apologise ?? preset?.apologise ?? false,
    defaultMinutes: preset?.defaultMinutes ?? null,
  };
}

function expectedEnd(
  body: { expectedInMinutes?: number | null; expectedEndAt?: number | null },
  now: number,
  defaultMinutes: number | null,
): number | null {
  if (body.expectedInMinutes !== undefined) return body.expectedInMinutes === null ? null : now + body.expectedInMinutes * MINUTE;
  if (body.expectedEndAt !== undefined) return body.expectedEndAt;
  return defaultMinutes === null ? null : now + defaultMinutes * MINUTE;
}

function ok(...events: EventPayload[]): Decision {
  return { ok: true, events };
}
function err(status: CommandError['status'], code: string, message: string, field?: string): { error: CommandError } {
  return { error: { status, code, message, ...(field ? { field } : {}) } };
}
function fail(status: CommandError['status'], code: string, message: string, field?: string): Decision {
  return { ok: false, ...err(status, code, message, field) };
}
