import { perLang, type LangText } from '../../ui/text/lang-text';
import { atClock, atShortDate, dayRelation, type At } from '../../ui/time/when';

/**
 * The lobby's own words (not the staff's texts, which arrive as data), in each language it knows.
 *
 * Why not @lit/localize: it has one active locale per page, and the lobby TV shows the branch's
 * languages side by side (main language large, second beneath). A plain typed catalogue that any
 * element can ask for any language fits that better; missing languages fall back to English.
 */
export interface Messages {
  nowServing: string;
  notices: string;
  noCallsYet: string;
  noNotices: string;
  waiting: string;
  waitingUnit: (n: number) => string;
  counters: string;
  open: string;
  paused: string;
  pausedBackAt: (when: At) => string;
  /** A paused counter whose announced time has passed: no stale promise, say it is late. */
  pausedLate: (when: At) => string;
  closed: string;
  calledAgain: string;
  /** Calls that do not fit on the screen: their tickets are on the counter tiles. */
  moreCalls: (n: number) => string;
  wholeBranch: string;
  /** Times take an `At`: one not today also says its day ("tomorrow at 09:30"), never a bare clock. */
  since: (when: At) => string;
  expectedAt: (when: At) => string;
  expectedUnknown: string;
  overdue: (when: At) => string;
  updatedAt: (when: At) => string;
  resolvedAt: (when: At) => string;
  statusResolved: string;
  apology: string;
  reconnecting: string;
  infoAsOf: (when: At) => string;
  /** Phone view: a link down to the notices, which come after the queue there. */
  noticesBelow: (n: number) => string;
  connecting: string;
  unknownBranch: string;
  unknownBranchHint: (id: string) => string;
  notConfigured: string;
  followOnPhone: string;
  /** Wait estimate for a ticket taken now (see display/lib/wait.ts for the rounding). */
  estimatedWait: string;
  waitUnderOneMin: string;
  waitAboutMin: (n: number) => string;
  waitRangeMin: (lo: number, hi: number) => string;
  waitUpToMin: (hi: number) => string;
  estimateNoCounter: string;
  estimateNoHistory: string;
  estimateUpdating: string;
  /** Why the wait is longer than usual (core/estimate ReasonCode). */
  reasonFewerCounters: string;
  reasonMoreArrivals: string;
  reasonLongerService: string;
}

/** "at 09:30", "tomorrow at 09:30", "yesterday at 17:00", "on Fri, Nov 27 at 09:30". */
function enAt(w: At): string {
  const t = atClock(w, 'en');
  const rel = dayRelation(w);
  return rel === 'today' ? `at ${t}` : rel === 'other' ? `on ${atShortDate(w, 'en')} at ${t}` : `${rel} at ${t}`;
}

/** "09:30", "tomorrow 09:30", "Fri, Nov 27 09:30": the day, then the clock. */
function enShort(w: At): string {
  const t = atClock(w, 'en');
  const rel = dayRelation(w);
  return rel === 'today' ? t : rel === 'other' ? `${atShortDate(w, 'en')} ${t}` : `${rel} ${t}`;
}

/** The day before a clock time: "", "tomorrow ", "on Fri, Nov 27, ". */
function enDay(w: At): string {
  const rel = dayRelation(w);
  return rel === 'today' ? '' : rel === 'other' ? `on ${atShortDate(w, 'en')}, ` : `${rel} `;
}

/** "alle 09:30", "domani alle 09:30", "ieri alle 17:00", "ven 27 nov alle 09:30". */
function itAt(w: At): string {
  const t = atClock(w, 'it');
  const rel = dayRelation(w);
  const day = rel === 'tomorrow' ? 'domani ' : rel === 'yesterday' ? 'ieri ' : rel === 'other' ? `${atShortDate(w, 'it')} ` : '';
  return `${day}alle ${t}`;
}

/** "09:30", "domani 09:30", "ieri 17:00", "ven 27 nov 09:30". */
function itShort(w: At): string {
  const t = atClock(w, 'it');
  const rel = dayRelation(w);
  return rel === 'today' ? t : rel === 'tomorrow' ? `domani ${t}` : rel === 'yesterday' ? `ieri ${t}` : `${atShortDate(w, 'it')} ${t}`;
}

const en: Messages = {
  nowServing: 'Now serving',
  notices: 'Notices',
  noCallsYet: 'No tickets called yet',
  noNotices: 'No notices at the moment',
  waiting: 'Waiting',
  waitingUnit: (n) => (n === 1 ? 'person waiting' : 'people waiting'),
  counters: 'Counters',
  open: 'Open',
  paused: 'Paused',
  pausedBackAt: (w) => `Back ${enAt(w)}`,
  pausedLate: (w) => `Later than planned (${enShort(w)})`,
  closed: 'Closed',
  calledAgain: 'Called again',
  moreCalls: (n) => `+${n} more: see the counters below`,
  wholeBranch: 'Whole branch',
  since: (w) => `Since ${enShort(w)}`,
  expectedAt: (w) => `Normal service back ${enDay(w)}around ${atClock(w, 'en')}`,
  expectedUnknown: "Expected end: we don't know yet",
  overdue: (w) => `It's taking longer than expected (planned for ${enShort(w)})`,
  updatedAt: (w) => `Updated ${enAt(w)}`,
  resolvedAt: (w) => `Resolved ${enAt(w)}`,
  statusResolved: 'Resolved',
  apology: 'We apologise for the inconvenience',
  reconnecting: 'Reconnecting…',
  infoAsOf: (w) => `information as of ${enShort(w)}`,
  noticesBelow: (n) => (n === 1 ? '1 notice: see below' : `${n} notices: see below`),
  connecting: 'Connecting…',
  unknownBranch: 'Unknown branch',
  unknownBranchHint: (id) => `There is no branch “${id}”. Please check the address.`,
  notConfigured: 'This branch is not set up yet',
  followOnPhone: 'Follow the queue on your phone',
  estimatedWait: 'Estimated wait',
  waitUnderOneMin: 'under 1 min',
  waitAboutMin: (n) => `~${n} min`,
  waitRangeMin: (lo, hi) => `${lo}–${hi} min`,
  waitUpToMin: (hi) => `up to ${hi} min`,
  estimateNoCounter: 'No counter open for this service',
  estimateNoHistory: 'Estimate available soon',
  estimateUpdating: 'Wait estimate being updated',
  reasonFewerCounters: 'Fewer counters open than usual',
  reasonMoreArrivals: 'More customers than usual',
  reasonLongerService: 'Transactions taking longer than usual',
};

const it: Messages = {
  nowServing: 'Ora serviamo',
  notices: 'Avvisi',
  noCallsYet: 'Nessun numero chiamato finora',
  noNotices: 'Nessun avviso al momento',
  waiting: 'In attesa',
  waitingUnit: (n) => (n === 1 ? 'persona in attesa' : 'persone in attesa'),
  counters: 'Sportelli',
  open: 'Aperto',
  paused: 'In pausa',
  pausedBackAt: (w) => `Torna ${itAt(w)}`,
  pausedLate: (w) => `In ritardo sul previsto (${itShort(w)})`,
  closed: 'Chiuso',
  calledAgain: 'Nuova chiamata',
  moreCalls: (n) => (n === 1 ? '+1 altro: vedi gli sportelli qui sotto' : `+${n} altri: vedi gli sportelli qui sotto`),
  wholeBranch: 'Tutta la filiale',
  since: (w) => (dayRelation(w) === 'today' ? `Dalle ${atClock(w, 'it')}` : `Da ${itAt(w)}`),
  expectedAt: (w) => `Servizio regolare previsto ${itAt(w)}`,
  expectedUnknown: 'Fine prevista: non lo sappiamo ancora',
  overdue: (w) =>
    `Ci vuole più del previsto (era previsto per ${dayRelation(w) === 'today' ? `le ${atClock(w, 'it')}` : itAt(w)})`,
  updatedAt: (w) => `Aggiornato ${itAt(w)}`,
  resolvedAt: (w) => `Risolto ${itAt(w)}`,
  statusResolved: 'Risolto',
  apology: 'Ci scusiamo per il disagio',
  reconnecting: 'Riconnessione in corso…',
  infoAsOf: (w) => `informazioni aggiornate ${itAt(w)}`,
  noticesBelow: (n) => (n === 1 ? '1 avviso: vedi sotto' : `${n} avvisi: vedi sotto`),
  connecting: 'Collegamento in corso…',
  unknownBranch: 'Filiale sconosciuta',
  unknownBranchHint: (id) => `Non esiste una filiale “${id}”. Controlla l’indirizzo.`,
  notConfigured: 'Questa filiale non è ancora configurata',
  followOnPhone: 'Segui la coda sul telefono',
  estimatedWait: 'Attesa stimata',
  waitUnderOneMin: 'meno di 1 min',
  waitAboutMin: (n) => `~${n} min`,
  waitRangeMin: (lo, hi) => `${lo}–${hi} min`,
  waitUpToMin: (hi) => `fino a ${hi} min`,
  estimateNoCounter: 'Nessuno sportello aperto per questo servizio',
  estimateNoHistory: 'Stima disponibile a breve',
  estimateUpdating: 'Stima dell’attesa in aggiornamento',
  reasonFewerCounters: 'Meno sportelli aperti del solito',
  reasonMoreArrivals: 'Più clienti del solito',
  reasonLongerService: 'Operazioni più lunghe del solito',
};

export const STRINGS: Record<string, Messages> = { en, it };

export type MessageId = keyof Messages;
type Args<K extends MessageId> = Messages[K] extends (...a: infer A) => string ? A : [];

/** One message in one language (English when the language is not in the catalogue). */
export function msg<K extends MessageId>(lang: string, id: K, ...args: Args<K>): string {
  const m = (STRINGS[lang] ?? STRINGS[lang.split('-')[0] ?? ''] ?? en)[id];
  return typeof m === 'function' ? (m as (...a: unknown[]) => string)(...args) : (m as string);
}

/** Whether a text already carries an apology, so the screen does not add a second one. */
export function hasApology(text: string, lang: string): boolean {
  const base = lang.split('-')[0];
  const re = base === 'it' ? /scus|perdon|dispiac/i : base === 'en' ? /apologi|sorry/i : /apologi|sorry|scus/i;
  return re.test(text);
}

/** A catalogue message in each screen language. */
export function msgs<K extends MessageId>(langs: readonly string[], id: K, ...args: Args<K>): LangText[] {
  return perLang(langs, (l) => msg(l, id, ...args));
}
