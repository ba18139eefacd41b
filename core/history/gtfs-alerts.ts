import type { BranchConfig } from '../branch';
import { GTFS_CAUSE, GTFS_EFFECT, type Cause, type Effect } from '../causes';
import { visibleNotices } from '../notice';
import type { BranchState, Notice } from '../state';

/**
 * A branch's notices as a GTFS-realtime feed of Alerts (the JSON form of the FeedMessage proto,
 * field names as in the spec), for the bank's website and apps. Public: causes, effects, texts
 * and times only, never who posted them.
 */
export interface GtfsTranslated {
  translation: { text: string; language: string }[];
}

export interface GtfsAlertEntity {
  id: string;
  alert: {
    active_period: { start: number; end?: number }[];
    informed_entity: { agency_id: string; route_id?: string; stop_id?: string }[];
    cause: string;
    effect: string;
    severity_level: 'INFO' | 'WARNING' | 'SEVERE';
    header_text: GtfsTranslated;
    description_text: GtfsTranslated;
  };
}

export interface GtfsFeed {
  header: { gtfs_realtime_version: '2.0'; incrementality: 'FULL_DATASET'; timestamp: number };
  entity: GtfsAlertEntity[];
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * The feed at `now`: active notices, and those resolved a few minutes ago (with their end), as
 * the lobby shows them. The header's timestamp is the branch's last change, so the same state
 * gives the same bytes (and the same ETag).
 */
/** The words for a cause and an effect in a language (the lobby's catalogue: core holds no words). */
export interface AlertWords {
  cause(cause: Cause, lang: string): string;
  effect(effect: Effect, lang: string): string;
}

export function gtfsAlerts(state: BranchState, now: number, words: AlertWords): GtfsFeed {
  const config = state.config;
  const notices = config ? visibleNotices(state.notices, now) : [];
  return {
    header: { gtfs_realtime_version: '2.0', incrementality: 'FULL_DATASET', timestamp: seconds(state.at) },
    entity: notices.sort((a, b) => a.startedAt - b.startedAt).map((n) => alertOf(n, state.branchId, config!, words)),
  };
}

function alertOf(n: Notice, branchId: string, config: BranchConfig, words: AlertWords): GtfsAlertEntity {
  const end = n.resolution?.at;
  const langs = [...new Set([...config.languages, ...Object.keys(n.text)])];
  const informed =
    n.scope.type === 'counters'
      ? n.scope.ids.map((id) => ({ agency_id: branchId, stop_id: id }))
      : n.scope.type === 'services'
        ? n.scope.ids.map((id) => ({ agency_id: branchId, route_id: id }))
        : [{ agency_id: branchId }];
  return {
    id: n.id,
    alert: {
      active_period: [{ start: seconds(n.startedAt), ...(end ? { end: seconds(end) } : {}) }],
      informed_entity: informed,
      cause: GTFS_CAUSE[n.cause],
      effect: GTFS_EFFECT[n.effect],
      severity_level: n.effect === 'info' ? 'INFO' : n.effect === 'service_unavailable' || n.effect === 'counter_closed' ? 'SEVERE' : 'WARNING',
      header_text: {
        translation: config.languages.map((l) => ({ language: l, text: `${words.cause(n.cause, l)} — ${words.effect(n.effect, l)}` })),
      },
      description_text: {
        translation: langs
          .filter((l) => n.text[l] || (end && n.resolution?.text?.[l]))
          .map((l) => ({ language: l, text: end && n.resolution?.text?.[l] ? n.resolution.text[l]! : n.text[l]! })),
      },
    },
  };
}
