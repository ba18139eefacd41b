import './bb-kiosk';

/** Entry of the kiosk page, served for /kiosk/<branch>; `?print=1` prints every ticket at once. */
const parts = location.pathname.split('/').filter(Boolean);
const kiosk = document.createElement('bb-kiosk');
kiosk.branch = decodeURIComponent(parts[parts.indexOf('kiosk') + 1] ?? '');
kiosk.autoPrint = new URLSearchParams(location.search).get('print') === '1';
document.body.replaceChildren(kiosk);
