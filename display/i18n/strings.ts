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
  pausedBackAt: (time: string) => string;
  /** A paused counter whose announced time has passed: no stale promise, say it is late. */
  pausedLate: (time: string) => string;
  closed: string;
  calledAgain: string;
  wholeBranch: string;
  since: (time: string) => string;
  expectedAt: (time: string) => string;
  expectedUnknown: string;
  overdue: (time: string) => string;
  updatedAt: (time: string) => string;
  resolvedAt: (time: string) => string;
  statusResolved: string;
  apology: string;
  reconnecting: string;
  infoAsOf: (time: string) => string;
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
  pausedBackAt: (t) => `Back at ${t}`,
  pausedLate: (t) => `Later than planned (${t})`,
  closed: 'Closed',
  calledAgain: 'Called again',
  wholeBranch: 'Whole branch',
  since: (t) => `Since ${t}`,
  expectedAt: (t) => `Normal service back around ${t}`,
  expectedUnknown: "Expected end: we don't know yet",
  overdue: (t) => `It's taking longer than expected (planned for ${t})`,
  updatedAt: (t) => `Updated at ${t}`,
  resolvedAt: (t) => `Resolved at ${t}`,
  statusResolved: 'Resolved',
  apology: 'We apologise for the inconvenience',
  reconnecting: 'Reconnecting…',
  infoAsOf: (t) => `information as of ${t}`,
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
  pausedBackAt: (t) => `Torna alle ${t}`,
  pausedLate: (t) => `In ritardo sul previsto (${t})`,
  closed: 'Chiuso',
  calledAgain: 'Nuova chiamata',
  wholeBranch: 'Tutta la filiale',
  since: (t) => `Dalle ${t}`,
  expectedAt: (t) => `Servizio regolare previsto alle ${t}`,
  expectedUnknown: 'Fine prevista: non lo sappiamo ancora',
  overdue: (t) => `Ci vuole più del previsto (era previsto per le ${t})`,
  updatedAt: (t) => `Aggiornato alle ${t}`,
  resolvedAt: (t) => `Risolto alle ${t}`,
  statusResolved: 'Risolto',
  apology: 'Ci scusiamo per il disagio',
  reconnecting: 'Riconnessione in corso…',
  infoAsOf: (t) => `informazioni aggiornate alle ${t}`,
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
