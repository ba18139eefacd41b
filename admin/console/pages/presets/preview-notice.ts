import type { BranchConfig, Notice, NoticeScope, PresetBody } from '../../../../core/client';

/**
 * The notice a preset makes once a teller posts it, as the lobby will hold it: so the preview can
 * hand the lobby's own card exactly what the lobby would. `phase` "resolved" is the notice after
 * "Resolved" without a typed text: the lobby then shows the preset's resolved twin.
 */
export function previewNotice(p: PresetBody, cfg: BranchConfig, now: number, phase: 'active' | 'resolved'): Notice {
  const startedAt = now - 4 * 60_000;
  const scope: NoticeScope =
    p.scope === 'branch'
      ? { type: 'branch' }
      : p.scope === 'service'
        ? { type: 'services', ids: p.services?.length ? p.services : cfg.services.slice(0, 1).map((s) => s.id) }
        : { type: 'counters', ids: cfg.counters.slice(0, 1).map((c) => c.id) };
  const valid = scope.type === 'branch' || scope.ids.length > 0 ? scope : ({ type: 'branch' } as const);
  return {
    id: 'preview',
    cause: p.cause,
    effect: p.effect,
    scope: valid,
    text: p.text,
    presetId: 'preview',
    apologise: p.apologise,
    ...(p.resolvedText ? { resolvedText: p.resolvedText } : {}),
    startedAt,
    expectedEndAt: p.defaultMinutes === null ? null : startedAt + p.defaultMinutes * 60_000,
    updates: [],
    status: phase,
    resolution: phase === 'resolved' ? { at: now, text: p.resolvedText ?? null, apologise: false } : null,
  };
}

/** The branch languages a text lacks: where the screens would show nothing of their own. */
export function missingLanguages(text: Record<string, string> | undefined, languages: readonly string[]): string[] {
  return languages.filter((l) => !text?.[l]?.trim());
}
