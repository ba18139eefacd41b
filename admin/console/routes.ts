/**
 * Where the console is, as a URL hash, so that a page can be bookmarked, reloaded and shared:
 *   #/console                         → the start page (all branches, or the only branch)
 *   #/console/<page>                  → a bank-wide page (all branches, preset library, new branch)
 *   #/console/branch/<id>/<page>      → a page of one branch (services, counters, presets, …)
 *   #/counter/<branch>/<counter>      → the teller view of one counter (the tablet's app)
 * The staff app (admin/main.ts) mounts the console for the first three and the tablet otherwise.
 */

export type ConsoleRoute =
  | { kind: 'start' }
  | { kind: 'bank'; page: string }
  | { kind: 'branch'; branch: string; page: string };

export type StaffRoute = { app: 'console'; route: ConsoleRoute } | { app: 'teller'; branch?: string; counter?: string };

const seg = (s: string | undefined): string | undefined => {
  if (!s) return undefined;
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

export function parseHash(hash: string): StaffRoute {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'console') {
    if (parts[1] === 'branch' && parts[2]) {
      return { app: 'console', route: { kind: 'branch', branch: seg(parts[2]) ?? '', page: seg(parts[3]) ?? '' } };
    }
    if (parts[1]) return { app: 'console', route: { kind: 'bank', page: seg(parts[1]) ?? '' } };
    return { app: 'console', route: { kind: 'start' } };
  }
  if (parts[0] === 'counter') return { app: 'teller', branch: seg(parts[1]), counter: seg(parts[2]) };
  return { app: 'teller' };
}

export function consoleHash(route: ConsoleRoute): string {
  switch (route.kind) {
    case 'start':
      return '#/console';
    case 'bank':
      return `#/console/${encodeURIComponent(route.page)}`;
    case 'branch':
      return `#/console/branch/${encodeURIComponent(route.branch)}${route.page ? `/${encodeURIComponent(route.page)}` : ''}`;
  }
}

/** The teller view of one counter, opened from the console. */
export function counterHash(branch: string, counter: string): string {
  return `#/counter/${encodeURIComponent(branch)}/${encodeURIComponent(counter)}`;
}

export function navigate(route: ConsoleRoute): void {
  const h = consoleHash(route);
  if (location.hash !== h) location.hash = h;
}

/** Whether the hash opens one counter's teller view (managers then stay on the tablet's app). */
export function opensCounter(hash: string): boolean {
  const r = parseHash(hash);
  return r.app === 'teller' && !!r.branch;
}
