import type { Preset } from './branch';
import type { BranchState, PresetSources } from './state';

/**
 * The bank-wide preset library and a branch's own presets. A branch shows the library's presets
 * (minus those it hides, each replaced by its override when it has one), then its own additions.
 */

export function presetSources(state: BranchState): PresetSources {
  return state.presetSources ?? { library: [], branch: state.config?.presets ?? [], hidden: [] };
}

/** What tellers get to post from: library order first, then the branch's additions in the order made. */
export function effectivePresets(src: PresetSources): Preset[] {
  const own = new Map(src.branch.map((p) => [p.id, p]));
  const libraryIds = new Set(src.library.map((p) => p.id));
  const hidden = new Set(src.hidden);
  return [
    ...src.library.filter((p) => !hidden.has(p.id)).map((p) => own.get(p.id) ?? p),
    ...src.branch.filter((p) => !libraryIds.has(p.id)),
  ];
}

export type PresetOrigin = 'library' | 'override' | 'branch' | 'hidden';

/** Where a preset of a branch comes from, for the console: inherited, overridden here, the branch's own, or hidden here. */
export function presetOrigin(src: PresetSources, presetId: string): PresetOrigin | undefined {
  const inLibrary = src.library.some((p) => p.id === presetId);
  const own = src.branch.some((p) => p.id === presetId);
  if (inLibrary && src.hidden.includes(presetId)) return 'hidden';
  if (inLibrary) return own ? 'override' : 'library';
  return own ? 'branch' : undefined;
}

/** Replaces the item with the same id, or appends it: an upsert that keeps the order. */
export function upsertById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const i = list.findIndex((x) => x.id === item.id);
  return i < 0 ? [...list, item] : list.map((x, j) => (j === i ? item : x));
}
