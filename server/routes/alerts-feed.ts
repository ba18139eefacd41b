import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from 'express';
import { Slug, gtfsAlerts, type AlertWords, type Cause, type Effect } from '../../core';
import type { BranchStates } from '../commands/branch-states';
import { HttpError, parse } from '../http/errors';

const CATALOGUE_LANGS = ['it', 'en', 'fr', 'es', 'de', 'nl'];

/**
 * The lobby's own words for causes and effects, read from the shared catalogue's data (the
 * common part's JSON), so the feed names a cause as the screens do.
 */
function catalogueWords(dir = join(import.meta.dirname, '..', '..', 'ui', 'i18n', 'common')): AlertWords {
  const cat: Record<string, Record<string, string>> = {};
  for (const l of CATALOGUE_LANGS) cat[l] = JSON.parse(readFileSync(join(dir, `${l}.json`), 'utf8')) as Record<string, string>;
  const word = (key: string, lang: string) => cat[lang.split('-')[0] ?? '']?.[key] ?? cat.en?.[key] ?? key;
  return {
    cause: (c: Cause, lang: string) => word(`common.cause.${c}`, lang),
    effect: (e: Effect, lang: string) => word(`common.effect.${e}`, lang),
  };
}

/**
 * GET /api/branches/<branch>/alerts.json — public: the branch's notices as GTFS-realtime Alerts
 * (JSON), for the bank's website and apps. Cached by ETag: the same state gives the same bytes,
 * and a client that sends If-None-Match gets 304.
 */
export function alertsFeedRoutes(states: BranchStates): Router {
  const r = Router();
  const words = catalogueWords();
  r.get('/:branch/alerts.json', async (req, res) => {
    const branch = parse(Slug, req.params.branch, 'branch');
    const state = await states.get(branch);
    if (!state) throw new HttpError(404, 'unknown_branch', `no branch "${branch}"`);
    res.set('Cache-Control', 'public, max-age=15');
    // Express makes the ETag from the body and answers 304 when If-None-Match matches it.
    res.json(gtfsAlerts(state, Date.now(), words));
  });
  return r;
}
