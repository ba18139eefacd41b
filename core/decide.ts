import type { Command, CommandError, PostNoticeBody } from './commands';
import type { EventPayload, NoticeScope } from './events';
import type { BranchState, Notice, Ticket } from './state';
import { MINUTE, localDay } from './time';

export type Decision = { ok: true; events: EventPayload[] } | { ok: false; error: CommandError };

/** Expected ends and "back at" times lie within this horizon: a screen shows them as a time of day. */
export const MAX_AHEAD_MS = 24 * 3600_000;

/** Why a promised time cannot be accepted, if it cannot. */
function badFutureTime(at: number | null | undefined, now: number, field: string): Decision | null {
  if (at === null || at === undefined) return null;
  if (at <= now) return fail(400, 'in_the_past', 'the time must be in the future', field);
  if (at - now > MAX_AHEAD_MS) return fail(400, 'too_far_ahead', 'the time must be within the next 24 hours', field);
  return null;
}

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
        const bad = badFutureTime(at, now, 'backAt');
        if (bad) return bad;
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
      const bad = badFutureTime(expectedEndAt, now, 'expectedEndAt');
      if (bad) return bad;
      const { defaultMinutes: _d, ...notice } = built;
      // The same preset already up for the same place: a second tap or a colleague's, not news.
      const twin = state.notices.find(
        (n) => n.status === 'active' && n.presetId !== null && n.presetId === notice.presetId && sameScope(n.scope, notice.scope),
      );
      if (twin) return fail(409, 'duplicate_notice', 'this notice is already up: update it instead');
      // A notice that closes counters pauses them until its expected end, so their tiles say the same.
      const pauses: EventPayload[] =
        notice.effect === 'counter_closed' && notice.scope.type === 'counters'
          ? notice.scope.ids
              .filter((id) => state.counters[id]?.status === 'open')
              .map((counterId) => ({ type: 'CounterPaused' as const, counterId, backAt: expectedEndAt }))
          : [];
      return ok({ type: 'NoticePosted', notice: { ...notice, id: cmd.noticeId, expectedEndAt } }, ...pauses);
    }

    case 'UpdateNotice': {
      const notice = state.notices.find((n) => n.id === cmd.noticeId);
      if (!notice) return fail(404, 'unknown_notice', `no notice "${cmd.noticeId}"`);
      if (notice.status === 'resolved') return fail(409, 'notice_resolved', 'this notice is already resolved');
      const changesEnd = cmd.body.expectedInMinutes !== undefined || cmd.body.expectedEndAt !== undefined;
      const expectedEndAt = changesEnd ? expectedEnd(cmd.body, now, null) : undefined;
      const bad = badFutureTime(expectedEndAt, now, 'expectedEndAt');
      if (bad) return bad;
      const newText = cmd.body.text && !sameText(cmd.body.text, notice.text) ? cmd.body.text : undefined;
      const newEnd = expectedEndAt !== undefined && expectedEndAt !== notice.expectedEndAt ? expectedEndAt : undefined;
      // Nothing new: no empty entry in the notice's timeline.
      if (!newText && newEnd === undefined) return ok();
      // Counters this notice closed follow its new expected end.
      const repauses: EventPayload[] =
        newEnd !== undefined ? closedBy(state, notice).filter((id) => state.counters[id]?.status === 'paused').map((counterId) => ({ type: 'CounterPaused' as const, counterId, backAt: newEnd })) : [];
      return ok(
        {
          type: 'NoticeUpdated',
          noticeId: notice.id,
          ...(newText ? { text: newText } : {}),
          ...(newEnd !== undefined ? { expectedEndAt: newEnd } : {}),
        },
        ...repauses,
      );
    }

    case 'ResolveNotice': {
      const notice = state.notices.find((n) => n.id === cmd.noticeId);
      if (!notice) return fail(404, 'unknown_notice', `no notice "${cmd.noticeId}"`);
      if (notice.status === 'resolved') return fail(409, 'notice_resolved', 'this notice is already resolved');
      // Counters the notice closed open again, unless someone closed them for the day meanwhile.
      const reopen: EventPayload[] = closedBy(state, notice)
        .filter((id) => state.counters[id]?.status === 'paused')
        .map((counterId) => ({ type: 'CounterOpened' as const, counterId }));
      return ok(
        {
          type: 'NoticeResolved',
          noticeId: notice.id,
          text: cmd.body.text ?? null,
          apologise: cmd.body.apologise ?? notice.apologise,
        },
        ...reopen,
      );
    }
  }
  return fail(400, 'unknown_command', 'unknown command');
}

/** Counters a notice keeps closed: those in its scope when its effect is counter_closed. */
function closedBy(state: BranchState, n: Notice): string[] {
  if (n.effect !== 'counter_closed' || n.scope.type !== 'counters') return [];
  // Another active notice closing the same counter keeps it paused when this one ends.
  const others = new Set(
    state.notices.filter((o) => o.id !== n.id && o.status === 'active' && o.effect === 'counter_closed' && o.scope.type === 'counters').flatMap((o) => (o.scope.type === 'counters' ? o.scope.ids : [])),
  );
  return n.scope.ids.filter((id) => !others.has(id));
}

function sameScope(a: NoticeScope, b: NoticeScope): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'branch' || b.type === 'branch') return true;
  return [...a.ids].sort().join('\u0000') === [...b.ids].sort().join('\u0000');
}

function sameText(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
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
