/**
 * The tablet's words, in Italian and English. English is complete and is the fallback; every
 * other language may leave a key out. `{name}` placeholders are filled by `t()`.
 */

export const LANGS = ['it', 'en'] as const;
export type UiLang = (typeof LANGS)[number];
export const DEFAULT_LANG: UiLang = 'it';

const en = {
  'app.title': 'Branchboard — counter',
  'app.loading': 'Loading…',
  'app.logout': 'Log out',
  'app.changeCounter': 'Change counter',
  'app.language': 'Language',
  'app.serverUnreachable': 'The server cannot be reached. Retrying…',
  'app.retry': 'Retry',

  'login.title': 'Staff sign-in',
  'login.subtitle': 'Sign in to work at a counter.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.busy': 'Signing in…',
  'login.bad': 'Wrong username or password.',
  'login.tooMany': 'Too many attempts. Wait a few minutes and try again.',
  'login.missing': 'Enter username and password.',

  'branch.pick': 'Choose a branch',
  'branch.none': 'Your account has no branch. Ask a manager to add you to one.',

  'counter.pick': 'Which counter are you at?',
  'counter.pickHint': 'The tablet remembers your choice.',
  'counter.unknown': 'This counter no longer exists. Choose another one.',
  'counter.services': 'Serves: {list}',

  'status.open': 'Open',
  'status.paused': 'Paused',
  'status.pausedUntil': 'Paused until {time}',
  'status.pausedUnknown': 'Paused, back time not known',
  'status.closed': 'Closed',

  'panel.nowServing': 'Now serving',
  'panel.nobody': 'Nobody at the counter',
  'panel.calledAt': 'called at {time}',
  'panel.recalls': 'called again {n}×',
  'panel.waiting': 'Waiting',
  'panel.waitingNone': 'Nobody waiting',
  'panel.next': 'Next: {number}',
  'panel.callNext': 'Call next',
  'panel.recall': 'Call again',
  'panel.done': 'Done',
  'panel.noShow': 'No-show',
  'panel.counterStatus': 'Counter',
  'panel.open': 'Open',
  'panel.pause': 'Pause',
  'panel.close': 'Close',
  'panel.pauseFor': 'Back in…',
  'panel.cancel': 'Cancel',

  'dur.minutes': '+{n} min',
  'dur.unknown': "Don't know",
  'dur.suggested': 'suggested',

  'notices.title': 'Notices on the screens',
  'notices.report': 'Report a problem',
  'notices.none': 'No notices. The screens show no problem.',
  'notices.since': 'since {time}',
  'notices.expectedEnd': 'expected end {time}',
  'notices.expectedUnknown': 'end not known',
  'notices.overdue': 'Expected end {time} has passed: update it or mark resolved.',
  'notices.resolvedAt': 'Resolved at {time}',
  'notices.update': 'Update',
  'notices.resolve': 'Resolved',
  'notices.newEnd': 'New expected end',
  'notices.newText': 'New text (optional)',
  'notices.saveText': 'Save text',
  'notices.resolveText': 'Closing message (optional)',
  'notices.resolvePlaceholder': 'e.g. The counter is open again.',
  'notices.apologise': 'Show an apology',
  'notices.confirmResolve': 'Mark resolved',
  'notices.apology': 'with apology',
  'notices.oneLanguage': 'This text will be shown in English only.',

  'scope.thisCounter': 'This counter',
  'scope.branch': 'Whole branch',
  'scope.counters': '{list}',
  'scope.services': 'Service: {list}',

  'presets.title': 'Report a problem',
  'presets.subtitle': 'Tap what is happening. The screens show it in every language.',
  'presets.back': 'Back',
  'presets.close': 'Close',
  'presets.howLong': 'How long will it last?',
  'presets.howLongHint': 'Tap a time to post the notice.',
  'presets.none': 'This branch has no preset messages yet.',
  'presets.other': 'Other…',
  'presets.otherTitle': 'Something else',
  'presets.otherText': 'What is happening? (shown on the screens)',
  'presets.otherPlaceholder': 'e.g. The printer is jammed, receipts are delayed.',
  'presets.effect': 'Effect',
  'presets.effectInfo': 'Just information',
  'presets.effectSlower': 'Service is slower',
  'presets.scope': 'Where',
  'presets.otherNeedsText': 'Write a short text first.',
  'presets.tooLong': 'At most {n} characters.',

  'toast.done': 'Done',
  'toast.called': 'Called {number}',
  'toast.recalled': 'Called {number} again',
  'toast.finished': '{number} finished',
  'toast.finishedUnknown': 'ticket at the counter finished',
  'toast.noShow': '{number} marked as no-show',
  'toast.opened': 'Counter open',
  'toast.reopened': 'counter reopened',
  'toast.closed': 'Counter closed',
  'toast.pausedUntil': 'Paused until {time}',
  'toast.pausedUnknown': 'Paused, back time not known',
  'toast.posted': 'Notice posted',
  'toast.updated': 'Notice updated',
  'toast.resolved': 'Notice resolved',

  'stream.connecting': 'Connecting to the branch…',
  'stream.stale': 'Connection lost: what you see may be out of date. Reconnecting…',

  'err.queue_empty': 'Nobody is waiting.',
  'err.no_current_ticket': 'No ticket at this counter.',
  'err.network': 'No connection to the server. Check the Wi-Fi and tap again.',
  'err.timeout': 'The server did not answer. Tap again: it will not be done twice.',
  'err.unauthorized': 'Your session has ended. Sign in again.',
  'err.forbidden': 'You are not allowed to do this here.',
  'err.rate_limited': 'Too many requests. Wait a moment.',
  'err.notice_resolved': 'This notice is already resolved.',
  'err.unknown_notice': 'This notice no longer exists.',
  'err.unknown_counter': 'This counter no longer exists.',
  'err.unknown_preset': 'This preset no longer exists.',
  'err.in_the_past': 'That time has already passed.',
  'err.server': 'The server had a problem. Try again.',
} as const;

export type StringKey = keyof typeof en;
type Catalogue = { readonly [K in StringKey]: string };

const it: Partial<Catalogue> = {
  'app.title': 'Branchboard — sportello',
  'app.loading': 'Caricamento…',
  'app.logout': 'Esci',
  'app.changeCounter': 'Cambia sportello',
  'app.language': 'Lingua',
  'app.serverUnreachable': 'Il server non è raggiungibile. Nuovo tentativo…',
  'app.retry': 'Riprova',

  'login.title': 'Accesso personale',
  'login.subtitle': 'Accedi per lavorare allo sportello.',
  'login.username': 'Nome utente',
  'login.password': 'Password',
  'login.submit': 'Accedi',
  'login.busy': 'Accesso…',
  'login.bad': 'Nome utente o password errati.',
  'login.tooMany': 'Troppi tentativi. Attendi qualche minuto e riprova.',
  'login.missing': 'Inserisci nome utente e password.',

  'branch.pick': 'Scegli la filiale',
  'branch.none': 'Il tuo account non ha filiali. Chiedi a un responsabile di aggiungerti.',

  'counter.pick': 'A quale sportello sei?',
  'counter.pickHint': 'Il tablet ricorda la scelta.',
  'counter.unknown': 'Questo sportello non esiste più. Scegline un altro.',
  'counter.services': 'Servizi: {list}',

  'status.open': 'Aperto',
  'status.paused': 'In pausa',
  'status.pausedUntil': 'In pausa fino alle {time}',
  'status.pausedUnknown': 'In pausa, rientro non noto',
  'status.closed': 'Chiuso',

  'panel.nowServing': 'Ora serve',
  'panel.nobody': 'Nessuno allo sportello',
  'panel.calledAt': 'chiamato alle {time}',
  'panel.recalls': 'richiamato {n}×',
  'panel.waiting': 'In attesa',
  'panel.waitingNone': 'Nessuno in attesa',
  'panel.next': 'Prossimo: {number}',
  'panel.callNext': 'Chiama il prossimo',
  'panel.recall': 'Richiama',
  'panel.done': 'Fatto',
  'panel.noShow': 'Non presente',
  'panel.counterStatus': 'Sportello',
  'panel.open': 'Apri',
  'panel.pause': 'Pausa',
  'panel.close': 'Chiudi',
  'panel.pauseFor': 'Di ritorno tra…',
  'panel.cancel': 'Annulla',

  'dur.minutes': '+{n} min',
  'dur.unknown': 'Non lo so',
  'dur.suggested': 'consigliato',

  'notices.title': 'Avvisi sugli schermi',
  'notices.report': 'Segnala un problema',
  'notices.none': 'Nessun avviso. Gli schermi non mostrano problemi.',
  'notices.since': 'dalle {time}',
  'notices.expectedEnd': 'fine prevista {time}',
  'notices.expectedUnknown': 'fine non nota',
  'notices.overdue': 'La fine prevista ({time}) è passata: aggiornala o segna risolto.',
  'notices.resolvedAt': 'Risolto alle {time}',
  'notices.update': 'Aggiorna',
  'notices.resolve': 'Risolto',
  'notices.newEnd': 'Nuova fine prevista',
  'notices.newText': 'Nuovo testo (facoltativo)',
  'notices.saveText': 'Salva testo',
  'notices.resolveText': 'Messaggio di chiusura (facoltativo)',
  'notices.resolvePlaceholder': 'es. Lo sportello è di nuovo aperto.',
  'notices.apologise': 'Mostra le scuse',
  'notices.confirmResolve': 'Segna risolto',
  'notices.apology': 'con scuse',
  'notices.oneLanguage': 'Il testo sarà mostrato solo in italiano.',

  'scope.thisCounter': 'Questo sportello',
  'scope.branch': 'Tutta la filiale',
  'scope.services': 'Servizio: {list}',

  'presets.title': 'Segnala un problema',
  'presets.subtitle': 'Tocca ciò che sta succedendo. Gli schermi lo mostrano in ogni lingua.',
  'presets.back': 'Indietro',
  'presets.close': 'Chiudi',
  'presets.howLong': 'Quanto durerà?',
  'presets.howLongHint': 'Tocca un tempo per pubblicare l’avviso.',
  'presets.none': 'Questa filiale non ha ancora messaggi predefiniti.',
  'presets.other': 'Altro…',
  'presets.otherTitle': 'Altro problema',
  'presets.otherText': 'Cosa sta succedendo? (appare sugli schermi)',
  'presets.otherPlaceholder': 'es. La stampante è inceppata, le ricevute sono in ritardo.',
  'presets.effect': 'Effetto',
  'presets.effectInfo': 'Solo informazione',
  'presets.effectSlower': 'Servizio più lento',
  'presets.scope': 'Dove',
  'presets.otherNeedsText': 'Scrivi prima un breve testo.',
  'presets.tooLong': 'Al massimo {n} caratteri.',

  'toast.done': 'Fatto',
  'toast.called': 'Chiamato {number}',
  'toast.recalled': 'Richiamato {number}',
  'toast.finished': '{number} concluso',
  'toast.finishedUnknown': 'biglietto allo sportello concluso',
  'toast.noShow': '{number} segnato come non presente',
  'toast.opened': 'Sportello aperto',
  'toast.reopened': 'sportello riaperto',
  'toast.closed': 'Sportello chiuso',
  'toast.pausedUntil': 'In pausa fino alle {time}',
  'toast.pausedUnknown': 'In pausa, rientro non noto',
  'toast.posted': 'Avviso pubblicato',
  'toast.updated': 'Avviso aggiornato',
  'toast.resolved': 'Avviso risolto',

  'stream.connecting': 'Connessione alla filiale…',
  'stream.stale': 'Connessione persa: ciò che vedi potrebbe non essere aggiornato. Riconnessione…',

  'err.queue_empty': 'Nessuno in attesa.',
  'err.no_current_ticket': 'Nessun biglietto a questo sportello.',
  'err.network': 'Nessuna connessione al server. Controlla il Wi-Fi e tocca di nuovo.',
  'err.timeout': 'Il server non ha risposto. Tocca di nuovo: non verrà fatto due volte.',
  'err.unauthorized': 'La sessione è scaduta. Accedi di nuovo.',
  'err.forbidden': 'Non hai il permesso di farlo qui.',
  'err.rate_limited': 'Troppe richieste. Attendi un momento.',
  'err.notice_resolved': 'Questo avviso è già risolto.',
  'err.unknown_notice': 'Questo avviso non esiste più.',
  'err.unknown_counter': 'Questo sportello non esiste più.',
  'err.unknown_preset': 'Questo messaggio predefinito non esiste più.',
  'err.in_the_past': 'Quell’orario è già passato.',
  'err.server': 'Il server ha avuto un problema. Riprova.',
};

const CATALOGUES: Record<UiLang, Partial<Catalogue>> = { it, en };

export function isUiLang(v: unknown): v is UiLang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** The text for `key` in `lang` (English when missing), with `{name}` placeholders filled. */
export function t(lang: UiLang, key: StringKey, vars?: Record<string, string | number>): string {
  const s = CATALOGUES[lang][key] ?? en[key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** Whether the catalogue has a friendly text for this key (used to map server error codes). */
export function hasKey(key: string): key is StringKey {
  return key in en;
}
