import { prefs } from './lib/prefs';
import { parseHash } from './console/routes';
// The board's and the tablet's words (the console brings the whole catalogue when it opens).
import '../ui/i18n/parts/public-board';
import '../ui/i18n/parts/tablet';

/**
 * The staff app at /admin/: the manager console for #/console…, the teller tablet otherwise.
 * #/counter/<branch>/<counter> (a link from the console) opens the tablet at that counter. The
 * console's code loads only when it is opened, so the tablet stays light.
 */
let mounted: string | null = null;

async function mount(): Promise<void> {
  const r = parseHash(location.hash);
  if (r.app === 'teller' && r.branch) {
    prefs.setBranch(r.branch);
    if (r.counter) prefs.setCounter(r.branch, r.counter);
  }
  const tag = r.app === 'console' ? 'bb-console-app' : 'bb-teller-app';
  if (tag === mounted) return;
  mounted = tag;
  if (tag === 'bb-console-app') await import('./console/bb-console-app');
  else await import('./teller/bb-teller-app');
  if (mounted === tag) document.body.replaceChildren(document.createElement(tag));
}

window.addEventListener('hashchange', () => void mount());
void mount();
