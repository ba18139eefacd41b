import './components/bb-lobby';

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
// A QR code to "localhost" would send phones nowhere: a screen opened on the server itself shows none.
const loopback = /^(localhost|127(\.\d+){3}|\[::1\])$/.test(location.hostname);
lobby.phoneUrl = loopback ? '' : `${location.origin}/display/${encodeURIComponent(branch)}`;
document.body.replaceChildren(lobby);
