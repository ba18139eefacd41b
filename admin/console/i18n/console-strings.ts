/**
 * The console's words until the shared catalogue (ui/) lands; then they move there. English is
 * complete and the fallback. `{name}` placeholders are filled by `ct()`.
 */

export const CONSOLE_LANGS = ['it', 'en', 'fr', 'es', 'de', 'nl'] as const;
export type ConsoleLang = (typeof CONSOLE_LANGS)[number];

const en = {
  'console.title': 'Branchboard — console',
  'console.loading': 'Loading…',
  'console.offline': 'The server cannot be reached. Retrying…',
  'console.language': 'Language',
  'console.logout': 'Log out',
  'console.signedInAs': 'Signed in as {name}',
  'console.nav': 'Console',
  'console.bank': 'Bank',
  'console.branch': 'Branch',
  'console.pickBranch': 'Branch',
  'console.noBranch': 'Your account has no branch yet. Ask head office to add you to one.',
  'console.unknownPage': 'This page does not exist.',
  'console.forbiddenPage': 'Your account cannot open this page.',
  'console.tellerOnly': 'This account works at the counters: opening the counter view…',
  'console.sessionEnded': 'Your session has ended. Sign in again.',
  'login.bad': 'Wrong username or password.',

  'page.allBranches': 'All branches',
  'page.newBranch': 'New branch',
  'page.library': 'Preset library',
  'page.today': 'Today',
  'page.settings': 'Branch settings',
  'page.services': 'Services',
  'page.counters': 'Counters',
  'page.presets': 'Presets',
  'page.staff': 'Staff',
  'page.screens': 'Screens',

  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.saved': 'Saved',
  'common.cancel': 'Cancel',
  'common.add': 'Add',
  'common.edit': 'Edit',
  'common.remove': 'Remove',
  'common.back': 'Back',
  'common.next': 'Next',
  'common.close': 'Close',
  'common.none': 'None yet',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.required': 'Required',

  'today.lede': 'The branch right now, as the screens show it.',
  'today.live': 'Live · {time}',
  'today.stale': 'Not up to date — reconnecting',
  'today.unknownBranch': 'This branch is not set up yet.',
  'today.atGlance': 'At a glance',
  'today.waiting': 'Waiting',
  'today.countersOpen': 'Counters open',
  'today.ofTotal': '{n} of {total}',
  'today.longestWait': 'Longest wait',
  'today.minutes': '{n} min',
  'today.promise': 'promise {n} min',
  'today.notices': 'Notices up',
  'today.counter': 'Counter',
  'today.status': 'Status',
  'today.atCounter': 'At the counter',
  'today.openCounterView': 'Open counter view',
  'today.open': 'Open',
  'today.paused': 'Paused',
  'today.pausedUntil': 'Paused until {time}',
  'today.closed': 'Closed',

  'allBranches.lede': 'Every branch, live: who waits, which counters are open, what the screens say.',
  'allBranches.notSetUp': 'Not set up yet',
  'allBranches.age': 'for {n} min',
} as const;

export type ConsoleKey = keyof typeof en;
type Catalogue = { readonly [K in ConsoleKey]: string };

const it: Partial<Catalogue> = {
  'console.title': 'Branchboard — console',
  'console.loading': 'Caricamento…',
  'console.offline': 'Il server non è raggiungibile. Nuovo tentativo…',
  'console.language': 'Lingua',
  'console.logout': 'Esci',
  'console.signedInAs': 'Accesso come {name}',
  'console.nav': 'Console',
  'console.bank': 'Banca',
  'console.branch': 'Filiale',
  'console.pickBranch': 'Filiale',
  'console.noBranch': 'Il tuo account non ha ancora filiali. Chiedi alla sede di aggiungerti.',
  'console.unknownPage': 'Questa pagina non esiste.',
  'console.forbiddenPage': 'Il tuo account non può aprire questa pagina.',
  'console.tellerOnly': 'Questo account lavora agli sportelli: apro la vista sportello…',
  'console.sessionEnded': 'La sessione è scaduta. Accedi di nuovo.',
  'login.bad': 'Nome utente o password errati.',

  'page.allBranches': 'Tutte le filiali',
  'page.newBranch': 'Nuova filiale',
  'page.library': 'Libreria messaggi',
  'page.today': 'Oggi',
  'page.settings': 'Impostazioni filiale',
  'page.services': 'Servizi',
  'page.counters': 'Sportelli',
  'page.presets': 'Messaggi pronti',
  'page.staff': 'Personale',
  'page.screens': 'Schermi',

  'common.save': 'Salva',
  'common.saving': 'Salvataggio…',
  'common.saved': 'Salvato',
  'common.cancel': 'Annulla',
  'common.add': 'Aggiungi',
  'common.edit': 'Modifica',
  'common.remove': 'Rimuovi',
  'common.back': 'Indietro',
  'common.next': 'Avanti',
  'common.close': 'Chiudi',
  'common.none': 'Ancora nessuno',
  'common.yes': 'Sì',
  'common.no': 'No',
  'common.required': 'Obbligatorio',

  'today.lede': 'La filiale in questo momento, come la mostrano gli schermi.',
  'today.live': 'In diretta · {time}',
  'today.stale': 'Non aggiornato — riconnessione',
  'today.unknownBranch': 'Questa filiale non è ancora configurata.',
  'today.atGlance': 'In breve',
  'today.waiting': 'In attesa',
  'today.countersOpen': 'Sportelli aperti',
  'today.ofTotal': '{n} su {total}',
  'today.longestWait': 'Attesa più lunga',
  'today.minutes': '{n} min',
  'today.promise': 'promessa {n} min',
  'today.notices': 'Avvisi esposti',
  'today.counter': 'Sportello',
  'today.status': 'Stato',
  'today.atCounter': 'Allo sportello',
  'today.openCounterView': 'Apri vista sportello',
  'today.open': 'Aperto',
  'today.paused': 'In pausa',
  'today.pausedUntil': 'In pausa fino alle {time}',
  'today.closed': 'Chiuso',

  'allBranches.lede': 'Tutte le filiali, in diretta: chi attende, quali sportelli sono aperti, cosa dicono gli schermi.',
  'allBranches.notSetUp': 'Non ancora configurata',
  'allBranches.age': 'da {n} min',
};

const CATALOGUES: Record<ConsoleLang, Partial<Catalogue>> = { en, it, fr: {}, es: {}, de: {}, nl: {} };

export function isConsoleLang(v: unknown): v is ConsoleLang {
  return typeof v === 'string' && (CONSOLE_LANGS as readonly string[]).includes(v);
}

/** The text for `key` in `lang` (English when missing), with `{name}` placeholders filled. */
export function ct(lang: ConsoleLang, key: ConsoleKey, vars?: Record<string, string | number>): string {
  const s = CATALOGUES[lang][key] ?? en[key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}
