import './components/bb-lobby';
import { phoneUrlFor } from './lib/site';

/**
 * Entry of the lobby page. The server serves this page for /display/<branch>; `?lang=xx` asks
 * for one language only (the phone view), otherwise the screen shows the branch's languages.
 */
const parts = location.pathname.split('/').filter(Boolean);
const branch = decodeURIComponent(parts[parts.indexOf('display') + 1] ?? parts.at(-1) ?? '');
const language = new URLSearchParams(location.search).get('lang') ?? '';

const lobby = document.createElement('bb-lobby');
lobby.branch = branch;
lobby.language = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language) ? language : '';
document.body.replaceChildren(lobby);
// The QR code appears once we know where phones can reach the board (the server's PUBLIC_URL, or
// this page's own address, never a loopback one), rather than showing one address, then another.
void phoneUrlFor(branch).then((url) => {
  lobby.phoneUrl = url;
});
