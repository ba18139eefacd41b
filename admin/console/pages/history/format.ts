import { OUT_OF_TURN_REASONS, pickText, type BranchConfig, type NoticeScope, type OutOfTurnReason } from '../../../../core/client';
import { t } from '../../../../ui/i18n/localize';

/** "1 Dec 10:14" in the console's language (the branch's zone: the server sends local days). */
export function when(at: number | null, lang: string, timeZone?: string): string {
  if (at === null) return '—';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    ...(timeZone ? { timeZone } : {}),
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

export function minutes(ms: number | null | undefined, lang: string): string {
  if (ms === null || ms === undefined) return '—';
  return t(lang, 'history.minutes', { n: Math.round(ms / 60_000) });
}

/** A figure like 1.4 minutes in the language's own way ("1,4" in Italian). */
export function decimal(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang, { maximumFractionDigits: 1 }).format(n);
}

export function scopeText(scope: NoticeScope, lang: string): string {
  if (scope.type === 'branch') return t(lang, 'history.delays.scopeBranch');
  // count: "Sportello 2" for one, "Sportelli 2, 3" for more.
  if (scope.type === 'counters') return t(lang, 'history.delays.scopeCounters', { ids: scope.ids.join(', '), count: scope.ids.length });
  return t(lang, 'history.delays.scopeServices', { ids: scope.ids.join(', '), count: scope.ids.length });
}

/** Out-of-turn calls by reason, in the console's language ("Appointment 3, Priority: elderly 1"). */
export function outOfTurnText(counts: Readonly<Record<string, number>>, lang: string): string {
  const known = (r: string): r is OutOfTurnReason => (OUT_OF_TURN_REASONS as readonly string[]).includes(r);
  return (
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      // A reason this version does not know (a newer node wrote it) still shows, as its id.
      .map(([r, n]) => `${known(r) ? t(lang, `causes.callReason.${r}`) : r} ${n}`)
      .join(', ') || '—'
  );
}

export function who(actor: { role: string; user?: string } | null): string {
  if (!actor) return '—';
  return actor.user ?? actor.role;
}

/** A local date and time for /display/<branch>?at=… (the branch's zone). */
export function localMoment(at: number, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/** With seconds, for the audit trail. */
export function whenExact(at: number, lang: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
    ...(timeZone ? { timeZone } : {}),
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/**
 * A configuration path as a manager reads it: the service, counter or preset by its name in the
 * branch ("services.mortgages.name.en" → "Mutui · name.en"); the path itself when not found.
 */
export function configPathText(path: string, lang: string, cfg: BranchConfig | null): string {
  const [list, id, ...rest] = path.split('.');
  if (!cfg || !id) return path;
  const langs = cfg.languages ?? [];
  const item =
    list === 'services' ? cfg.services.find((x) => x.id === id)?.name
    : list === 'counters' ? cfg.counters.find((x) => x.id === id)?.name
    : list === 'presets' ? cfg.presets.find((x) => x.id === id)?.text
    : undefined;
  if (!item) return path;
  const name = pickText(item, lang, langs);
  return rest.length ? `${name} · ${rest.join('.')}` : name;
}
