import { t } from '../ui/i18n/localize';
import '../ui/i18n/parts/public-board';
import { matchLanguage } from '../ui/i18n/languages';
import './bb-phone-ticket';
import type { PhoneTicketInfo } from './bb-phone-ticket';

/**
 * Entry of the phone ticket, served for /t/<token>: asks the server which ticket the token opens,
 * then follows it live.
 */
const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).at(-1) ?? '');
const lang = matchLanguage(navigator.languages, ['it', 'en', 'fr', 'es', 'de', 'nl']) ?? 'en';

function showMessage(text: string): void {
  const p = document.createElement('p');
  p.className = 'boot';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  document.body.replaceChildren(p);
}

async function start(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`/api/tickets/${encodeURIComponent(token)}`, { headers: { accept: 'application/json' } });
      if (res.status === 404) return showMessage(t(lang, 'kiosk.ticket.notFound'));
      if (!res.ok) throw new Error(String(res.status));
      const info = (await res.json()) as PhoneTicketInfo;
      const el = document.createElement('bb-phone-ticket');
      el.token = token;
      el.info = info;
      document.body.replaceChildren(el);
      return;
    } catch {
      showMessage(t(lang, 'kiosk.ticket.offline'));
      await new Promise((r) => setTimeout(r, Math.min(10_000, 1000 * 2 ** attempt)));
    }
  }
}
void start();
