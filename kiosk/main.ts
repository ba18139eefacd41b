import { loadIdentity, saveIdentity } from '../ui/pairing/screen-identity';
import '../ui/i18n/parts/public-board';

/**
 * Entry of the kiosk page. /kiosk/<branch> is that branch's ticket dispenser (`?print=1` prints
 * every ticket at once). /kiosk/ is a kiosk's own address: unpaired, it shows a pairing code, as a
 * new lobby TV does; once a manager pairs and names it in the console (Screens), it is that
 * branch's kiosk, its tickets counted per kiosk (its screen token) rather than per address.
 */
const parts = location.pathname.split('/').filter(Boolean);
const named = parts[parts.indexOf('kiosk') + 1];
const query = location.search;

async function showKiosk(branch: string): Promise<void> {
  await import('./bb-kiosk');
  const kiosk = document.createElement('bb-kiosk');
  kiosk.branch = branch;
  kiosk.autoPrint = new URLSearchParams(query).get('print') === '1';
  // ?lang=en starts it in that language, as the lobby and the phone do (the switch still offers the branch's).
  const lang = new URLSearchParams(query).get('lang') ?? '';
  kiosk.askedLanguage = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(lang) ? lang : '';
  document.body.replaceChildren(kiosk);
}

async function showPairing(): Promise<void> {
  await import('../ui/pairing/bb-pairing-screen');
  const pairing = document.createElement('bb-pairing-screen');
  pairing.kind = 'kiosk';
  pairing.addEventListener('bb-paired', (e) => {
    saveIdentity(e.detail);
    // Its branch's address, so a bookmark or a restart opens the kiosk straight away.
    location.replace(`/kiosk/${encodeURIComponent(e.detail.branchId)}${query}`);
  });
  document.body.replaceChildren(pairing);
}

if (named) {
  void showKiosk(decodeURIComponent(named));
} else {
  const identity = loadIdentity();
  if (identity) location.replace(`/kiosk/${encodeURIComponent(identity.branchId)}${query}`);
  else void showPairing();
}
