import { t } from '../i18n/localize';

/**
 * How a wait estimate reads on the lobby. The estimator gives seconds; a waiting room wants
 * whole minutes, and a range that errs on the honest side: its low end rounded down, its high end
 * rounded up, so "4–9 min" still holds 8 waits in 10.
 */

export interface WaitWords {
  /** "~6 min", or "under 1 min". */
  figure: string;
  /** "4–9 min", "up to 3 min", or null when the range would add nothing. */
  range: string | null;
}

export function waitWords(lang: string, waitSec: number, p10Sec: number, p90Sec: number): WaitWords {
  const wait = Math.max(0, waitSec);
  const under = wait < 60;
  const about = Math.max(1, Math.round(wait / 60));
  const figure = under ? t(lang, 'lobby.waitUnderOneMin') : t(lang, 'lobby.waitAboutMin', { n: about });
  // The range always contains the figure, even if the estimator's quantiles were to cross it.
  const lo = Math.max(0, Math.min(Math.floor(Math.max(0, p10Sec) / 60), under ? 0 : about));
  const hi = Math.max(Math.ceil(Math.max(0, p90Sec) / 60), under ? 1 : about, lo);
  let range: string | null;
  // p10 and p90 round to the same minute: the figure says it all.
  if (lo === hi || Math.round(p10Sec / 60) === Math.round(p90Sec / 60)) range = null;
  else if (under && hi <= 1) range = null; // "under 1 min (0–1 min)" says nothing more
  else if (lo === 0) range = t(lang, 'lobby.waitUpToMin', { hi });
  else range = t(lang, 'lobby.waitRangeMin', { lo, hi });
  return { figure, range };
}
