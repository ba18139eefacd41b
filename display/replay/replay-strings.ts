import { t } from '../../ui/i18n/localize';
import '../../ui/i18n/parts/history';

/** The replay banner's words, from the catalogue's history part (staff read them, customers never do). */
export function replayWords(lang: string) {
  return {
    replay: t(lang, 'history.replay.title'),
    previous: t(lang, 'history.replay.previous'),
    next: t(lang, 'history.replay.next'),
    play: t(lang, 'history.replay.play'),
    pause: t(lang, 'history.replay.pause'),
    moment: t(lang, 'history.replay.moment'),
    png: t(lang, 'history.replay.png'),
    json: t(lang, 'history.replay.json'),
    live: t(lang, 'history.replay.live'),
    loading: t(lang, 'history.replay.loading'),
    staffOnly: t(lang, 'history.replay.staffOnly'),
    login: t(lang, 'history.replay.login'),
    noMoment: t(lang, 'history.replay.noMoment'),
    speed: t(lang, 'history.replay.speed'),
  };
}

/** "Tue 1 Dec, 10:14:00" in the branch's zone, in the staff member's language. */
export function replayMoment(at: number, timeZone: string, lang: string): string {
  const locale = lang === 'en' ? 'en-GB' : lang;
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(at);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
  return `${day.replace(/,/g, '')}, ${time}`;
}
