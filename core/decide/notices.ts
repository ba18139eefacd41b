import type { BranchConfig } from '../branch';
import type { Command, CommandError, PostNoticeBody } from '../commands';
import type { EventPayload, NoticeScope } from '../events';
import { apologyDefault } from '../apology';
import type { BranchState, Notice } from '../state';
import { err, fail, ok, type Decision } from './result';
import { badFutureTime, expectedEnd } from './times';

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>;

/** A teller posts a notice, from a preset or typed: what is happening, and for how long. */
export function decidePostNotice(state: BranchState, config: BranchConfig, cmd: Cmd<'PostNotice'>, now: number): Decision {
  if (state.notices.some((n) => n.id === cmd.noticeId)) {
    return fail('conflict', 'notice_exists', `a notice with id "${cmd.noticeId}" already exists`);
  }
  const built = buildNotice(config, cmd.body);
  if ('error' in built) return { ok: false, error: built.error };
  const expectedEndAt = expectedEnd(cmd.body, now, built.defaultMinutes);
  const bad = badFutureTime(expectedEndAt, now, 'expectedEndAt');
  if (bad) return bad;
  const { defaultMinutes: _d, ...notice } = built;
  // The same preset already up for the same place: a second tap or a colleague's, not news.
  const twin = state.notices.find(
    (n) => n.status === 'active' && n.presetId !== null && n.presetId === notice.presetId && sameScope(n.scope, notice.scope),
  );
  if (twin) return fail('conflict', 'duplicate_notice', 'this notice is already up: update it instead');
  // A notice that closes counters pauses them until its expected end, so their tiles say the same;
  // one already paused takes the notice's time too, its pause staying whose it was.
  const pauses: EventPayload[] =
    notice.effect === 'counter_closed' && notice.scope.type === 'counters'
      ? notice.scope.ids.flatMap((counterId): EventPayload[] => {
          const c = state.counters[counterId];
          if (c?.status === 'open') return [{ type: 'CounterPaused', counterId, backAt: expectedEndAt, noticeId: cmd.noticeId }];
          if (c?.status === 'paused' && c.backAt !== expectedEndAt) {
            return [{ type: 'CounterPaused', counterId, backAt: expectedEndAt, ...(c.pausedByNotice ? { noticeId: c.pausedByNotice } : {}) }];
          }
          return [];
        })
      : [];
  return ok({ type: 'NoticePosted', notice: { ...notice, id: cmd.noticeId, expectedEndAt } }, ...pauses);
}

/** A notice's text or expected end changes; each change is kept in its timeline. */
export function decideUpdateNotice(state: BranchState, cmd: Cmd<'UpdateNotice'>, now: number): Decision {
  const notice = state.notices.find((n) => n.id === cmd.noticeId);
  if (!notice) return fail('not_found', 'unknown_notice', `no notice "${cmd.noticeId}"`);
  if (notice.status === 'resolved') return fail('conflict', 'notice_resolved', 'this notice is already resolved');
  const changesEnd = cmd.body.expectedInMinutes !== undefined || cmd.body.expectedEndAt !== undefined;
  const expectedEndAt = changesEnd ? expectedEnd(cmd.body, now, null) : undefined;
  const bad = badFutureTime(expectedEndAt, now, 'expectedEndAt');
  if (bad) return bad;
  // Typed in fewer languages than the notice has (a tablet types in its own): a note beside the
  // text, so the other languages keep theirs and the screen marks the note's language.
  const typed = cmd.body.text;
  const partial = typed !== undefined && Object.keys(notice.text).some((l) => !(l in typed));
  const newText = typed && !partial && !sameText(typed, notice.text) ? typed : undefined;
  const newNote = typed && partial && !(notice.note && sameText(typed, notice.note)) ? typed : undefined;
  const newEnd = expectedEndAt !== undefined && expectedEndAt !== notice.expectedEndAt ? expectedEndAt : undefined;
  // Nothing new: no empty entry in the notice's timeline.
  if (!newText && !newNote && newEnd === undefined) return ok();
  return ok(...noticeEndMoves(state, notice, newText, newNote, newEnd));
}

/**
 * The notice's update and the paused counters it closes following its new expected end (one
 * return time on tile and notice); each pause stays whose it was (the notice's or the teller's).
 */
export function noticeEndMoves(
  state: BranchState,
  notice: Notice,
  newText: Record<string, string> | undefined,
  newNote: Record<string, string> | undefined,
  newEnd: number | null | undefined,
): EventPayload[] {
  const repauses: EventPayload[] =
    newEnd !== undefined
      ? closedBy(state, notice)
          .filter((id) => state.counters[id]?.status === 'paused')
          .map((counterId) => {
            const by = state.counters[counterId]?.pausedByNotice;
            return { type: 'CounterPaused' as const, counterId, backAt: newEnd, ...(by ? { noticeId: by } : {}) };
          })
      : [];
  return [
    {
      type: 'NoticeUpdated',
      noticeId: notice.id,
      ...(newText ? { text: newText } : {}),
      ...(newNote ? { note: newNote } : {}),
      ...(newEnd !== undefined ? { expectedEndAt: newEnd } : {}),
    },
    ...repauses,
  ];
}

/** The matter is over: the lobby shows it resolved, with the closing words and apology. */
export function decideResolveNotice(state: BranchState, cmd: Cmd<'ResolveNotice'>, now: number): Decision {
  const notice = state.notices.find((n) => n.id === cmd.noticeId);
  if (!notice) return fail('not_found', 'unknown_notice', `no notice "${cmd.noticeId}"`);
  if (notice.status === 'resolved') return fail('conflict', 'notice_resolved', 'this notice is already resolved');
  // Counters the notice paused open again; not one closed for the day meanwhile, nor one the
  // teller paused on their own since (their break is not over because the fault is).
  const reopen: EventPayload[] = closedBy(state, notice)
    .filter((id) => state.counters[id]?.status === 'paused' && state.counters[id]?.pausedByNotice !== undefined)
    .map((counterId) => ({ type: 'CounterOpened' as const, counterId }));
  return ok(
    {
      type: 'NoticeResolved',
      noticeId: notice.id,
      ...closingWords(state, notice, cmd.body.text ?? null),
      // Offered by default when the branch let people down (its own fault, or the promise missed).
      apologise: cmd.body.apologise ?? apologyDefault(state, notice, now),
      ...(cmd.body.prevention ? { prevention: cmd.body.prevention } : {}),
    },
    ...reopen,
  );
}

/**
 * The closing words: typed in every language the branch shows, they are the text; typed in fewer
 * (a tablet types in its own), they are a note marked with its language, beside the preset's
 * resolved twin in every language (or the screen's own "resolved" when it has none).
 */
export function closingWords(state: BranchState, n: Notice, typed: Record<string, string> | null): { text: Record<string, string> | null; note?: Record<string, string> } {
  // Without typed words the preset's resolved twin closes the loop ("The card reader works again").
  const twin = n.resolvedText ?? null;
  if (!typed) return { text: twin };
  const langs = state.config?.languages ?? [];
  if (langs.every((l) => l in typed)) return { text: typed };
  return { text: twin, note: typed };
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

type BuiltNotice = {
  cause: NonNullable<PostNoticeBody['cause']>;
  effect: NonNullable<PostNoticeBody['effect']>;
  scope: NoticeScope;
  text: Record<string, string>;
  presetId: string | null;
  apologise: boolean;
  resolvedText?: Record<string, string>;
  defaultMinutes: number | null;
};

function buildNotice(config: BranchConfig, body: PostNoticeBody): BuiltNotice | { error: CommandError } {
  const preset = body.presetId ? config.presets.find((p) => p.id === body.presetId) : undefined;
  if (body.presetId && !preset) return err('invalid', 'unknown_preset', `no preset "${body.presetId}"`, 'presetId');
  if (body.counterId && !config.counters.some((c) => c.id === body.counterId)) {
    return err('invalid', 'unknown_counter', `no counter "${body.counterId}"`, 'counterId');
  }

  const cause = body.cause ?? preset?.cause;
  if (!cause) return err('invalid', 'required', 'cause is required without a preset', 'cause');
  const effect = body.effect ?? preset?.effect;
  if (!effect) return err('invalid', 'required', 'effect is required without a preset', 'effect');
  const text = body.text ?? preset?.text;
  if (!text) return err('invalid', 'required', cause === 'other' ? 'a cause "other" needs a text' : 'text is required without a preset', 'text');

  let scope: NoticeScope | undefined = body.scope;
  if (!scope) {
    if (preset?.scope === 'counter' || (!preset && body.counterId)) {
      if (!body.counterId) return err('invalid', 'required', 'this preset is about a counter: give counterId', 'counterId');
      scope = { type: 'counters', ids: [body.counterId] };
    } else if (preset?.scope === 'service') {
      // A library preset may name services this branch lacks: the ones it has are the scope.
      const ids = (preset.services ?? []).filter((id) => config.services.some((s) => s.id === id));
      if (!ids.length) return err('invalid', 'required', 'this preset names no service of this branch: give scope', 'scope');
      scope = { type: 'services', ids };
    } else scope = { type: 'branch' };
  }
  const known = scope.type === 'counters' ? config.counters.map((c) => c.id) : scope.type === 'services' ? config.services.map((s) => s.id) : [];
  if (scope.type !== 'branch') {
    const bad = scope.ids.findIndex((id) => !known.includes(id));
    if (bad >= 0) return err('invalid', 'unknown_scope', `unknown ${scope.type === 'counters' ? 'counter' : 'service'} "${scope.ids[bad]}"`, `scope.ids.${bad}`);
  }

  return {
    cause,
    effect,
    scope,
    text,
    presetId: preset?.id ?? null,
    apologise: body.apologise ?? preset?.apologise ?? false,
    // The twin fits the preset's own words only, not a text the teller typed instead.
    ...(preset?.resolvedText && !body.text ? { resolvedText: preset.resolvedText } : {}),
    defaultMinutes: preset?.defaultMinutes ?? null,
  };
}
