import './components/bb-lobby';
import { phoneUrlFor } from './lib/site';
import { loadIdentity, saveIdentity, type ScreenIdentity } from '../ui/pairing/screen-identity';
import { SCREEN_VERSION } from './lib/screen-link';
import { loadBoardWords } from '../ui/i18n/board-words';
import type { InitialSnapshot } from '../ui/stream/branch-stream';

/**
 * Entry of the lobby page. /display/<branch> shows that branch's board (public, as on a phone;
 * `?lang=xx` asks for one language only). /display/ is a lobby TV's own address: unpaired, it
 * shows a pairing code; paired, it is its branch's screen, reporting back to the console.
 * /display/<branch>?at=<local date and time> replays the log to that moment instead (staff only).
 */
const parts = location.pathname.split('/').filter(Boolean);
const named = parts[parts.indexOf('display') + 1];
const query = new URLSearchParams(location.search);
const language = query.get('lang') ?? '';
const at = query.get('at');

/** The board as it was at a moment: the lobby's own components, fed from the log (its code loads only then). */
async function showReplay(branch: string, moment: string): Promise<void> {
  await import('./replay/bb-replay');
  const replay = document.createElement('bb-replay');
  replay.branch = branch;
  replay.at = moment;
  replay.capture = query.get('capture') === '1';
  document.body.replaceChildren(replay);
  void phoneUrlFor(branch).then((url) => {
    replay.phoneUrl = url;
  });
}

/** The snapshot the server put in this page for `branch` (server/http/lobby-page.ts), once. */
function takeSnapshot(branch: string): InitialSnapshot | null {
  const el = document.getElementById('bb-snapshot');
  if (!el) return null;
  el.remove();
  try {
    const s = JSON.parse(el.textContent ?? '') as InitialSnapshot & { branch?: string };
    return s.branch === branch && s.state && typeof s.serverTime === 'number' ? { state: s.state, serverTime: s.serverTime } : null;
  } catch {
    return null;
  }
}

function showLobby(branch: string, screen: ScreenIdentity | null, initial: InitialSnapshot | null = null): void {
  const lobby = document.createElement('bb-lobby');
  lobby.branch = branch;
  lobby.initial = initial;
  lobby.language = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language) ? language : '';
  if (screen) {
    lobby.screenToken = screen.screenToken;
    lobby.addEventListener('bb-unpaired', () => {
      saveIdentity(null);
      void showPairing();
    });
  }
  document.body.replaceChildren(lobby);
  // The QR code appears once we know where phones can reach the board (the server's PUBLIC_URL, or
  // this page's own address, never a loopback one), rather than showing one address, then another.
  void phoneUrlFor(branch).then((url) => {
    lobby.phoneUrl = url;
  });
}

async function showPairing(): Promise<void> {
  // The pairing code's words: the device's language and English (as bb-pairing-screen shows them).
  await Promise.all([import('../ui/pairing/bb-pairing-screen'), loadBoardWords([navigator.language || 'en', 'en'])]);
  const pairing = document.createElement('bb-pairing-screen');
  pairing.version = SCREEN_VERSION;
  pairing.addEventListener('bb-paired', (e) => {
    saveIdentity(e.detail);
    showLobby(e.detail.branchId, e.detail);
  });
  document.body.replaceChildren(pairing);
}

if (named && at) {
  void showReplay(decodeURIComponent(named), at);
} else if (named) {
  const branch = decodeURIComponent(named);
  const initial = takeSnapshot(branch);
  // With the branch's languages known, their words (preloaded by the page) come first: the board is the first thing drawn.
  const langs = [...(initial?.state.config?.languages ?? []), ...(language ? [language] : [])];
  void loadBoardWords(langs)
    .catch(() => undefined)
    .then(() => showLobby(branch, null, initial));
} else {
  const identity = loadIdentity();
  if (identity) showLobby(identity.branchId, identity);
  else void showPairing();
}

selfHealing();

/**
 * A TV runs for months unattended: it reloads itself when the server's version changes (a
 * deployment; the heartbeat carries it) and after an unhandled error, which may have left the
 * page half-drawn. Errors right after a reload wait longer each time (up to 5 minutes), so a
 * broken build does not reload in a loop.
 */
function selfHealing(): void {
  const KEY = 'branchboard.display.errorReloads';
  document.addEventListener('bb-new-version', () => location.reload());
  let pending = false;
  const reloadSoon = () => {
    if (pending) return;
    pending = true;
    let recent: number[] = [];
    try {
      recent = (JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as number[]).filter((t) => Date.now() - t < 30 * 60_000);
      sessionStorage.setItem(KEY, JSON.stringify([...recent, Date.now()]));
    } catch {
      /* no storage: the shortest wait */
    }
    setTimeout(() => location.reload(), Math.min(5_000 * 2 ** recent.length, 5 * 60_000));
  };
  window.addEventListener('error', reloadSoon);
  window.addEventListener('unhandledrejection', reloadSoon);
}
