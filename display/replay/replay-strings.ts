/**
 * The replay banner's words, in the six languages staff use. Kept apart from the lobby's own
 * catalogue: customers never see these.
 */
export interface ReplayWords {
  replay: string;
  previous: string;
  next: string;
  play: string;
  pause: string;
  moment: string;
  png: string;
  json: string;
  live: string;
  loading: string;
  staffOnly: string;
  login: string;
  noMoment: string;
  speed: string;
}

export const REPLAY_WORDS: Record<string, ReplayWords> = {
  en: {
    replay: 'Replay',
    previous: 'Previous event',
    next: 'Next event',
    play: 'Play',
    pause: 'Pause',
    moment: 'Moment',
    png: 'Save PNG',
    json: 'Signed JSON',
    live: 'Live board',
    loading: 'Replaying the log…',
    staffOnly: 'Replays are for the branch’s managers: log in first.',
    login: 'Log in',
    noMoment: 'Nothing to show at that moment.',
    speed: 'Speed',
  },
  it: {
    replay: 'Riproduzione',
    previous: 'Evento precedente',
    next: 'Evento successivo',
    play: 'Avvia',
    pause: 'Pausa',
    moment: 'Momento',
    png: 'Salva PNG',
    json: 'JSON firmato',
    live: 'Schermo dal vivo',
    loading: 'Ricostruzione dal registro…',
    staffOnly: 'Le riproduzioni sono per i responsabili della filiale: accedi prima.',
    login: 'Accedi',
    noMoment: 'Nulla da mostrare in quel momento.',
    speed: 'Velocità',
  },
  fr: {
    replay: 'Relecture',
    previous: 'Événement précédent',
    next: 'Événement suivant',
    play: 'Lire',
    pause: 'Pause',
    moment: 'Moment',
    png: 'Enregistrer PNG',
    json: 'JSON signé',
    live: 'Écran en direct',
    loading: 'Relecture du journal…',
    staffOnly: 'Les relectures sont réservées aux responsables de l’agence : connectez-vous d’abord.',
    login: 'Se connecter',
    noMoment: 'Rien à montrer à ce moment.',
    speed: 'Vitesse',
  },
  es: {
    replay: 'Reproducción',
    previous: 'Evento anterior',
    next: 'Evento siguiente',
    play: 'Reproducir',
    pause: 'Pausa',
    moment: 'Momento',
    png: 'Guardar PNG',
    json: 'JSON firmado',
    live: 'Pantalla en directo',
    loading: 'Reproduciendo el registro…',
    staffOnly: 'Las reproducciones son para los responsables de la sucursal: inicia sesión primero.',
    login: 'Iniciar sesión',
    noMoment: 'Nada que mostrar en ese momento.',
    speed: 'Velocidad',
  },
  de: {
    replay: 'Wiedergabe',
    previous: 'Vorheriges Ereignis',
    next: 'Nächstes Ereignis',
    play: 'Abspielen',
    pause: 'Pause',
    moment: 'Zeitpunkt',
    png: 'PNG speichern',
    json: 'Signiertes JSON',
    live: 'Live-Anzeige',
    loading: 'Protokoll wird abgespielt…',
    staffOnly: 'Wiedergaben sind für die Leitung der Filiale: bitte zuerst anmelden.',
    login: 'Anmelden',
    noMoment: 'Zu diesem Zeitpunkt gibt es nichts zu zeigen.',
    speed: 'Tempo',
  },
  nl: {
    replay: 'Terugblik',
    previous: 'Vorige gebeurtenis',
    next: 'Volgende gebeurtenis',
    play: 'Afspelen',
    pause: 'Pauze',
    moment: 'Moment',
    png: 'PNG opslaan',
    json: 'Ondertekende JSON',
    live: 'Live scherm',
    loading: 'Logboek wordt afgespeeld…',
    staffOnly: 'Terugblikken zijn voor de leiding van het kantoor: log eerst in.',
    login: 'Inloggen',
    noMoment: 'Op dat moment is er niets te tonen.',
    speed: 'Snelheid',
  },
};

export function replayWords(lang: string): ReplayWords {
  return REPLAY_WORDS[lang.split('-')[0] ?? 'en'] ?? REPLAY_WORDS.en!;
}

/** "Tue 1 Dec, 10:14:00" in the branch's zone, in the staff member's language. */
export function replayMoment(at: number, timeZone: string, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : lang;
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(at);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
  return `${day.replace(/,/g, '')}, ${time}`;
}
