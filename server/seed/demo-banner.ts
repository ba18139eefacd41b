import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoAccount } from './seed-demo';

/** The file a non-interactive start leaves the generated demo passwords in (mode 0600), instead of the log. */
export const DEMO_ACCOUNTS_FILE = 'demo-accounts.txt';

/** The demo branch's pages, in the order a first visitor wants them. */
export function demoPages(url: string): [string, string][] {
  return [
    ['Lobby screen', `${url}/display/demo`],
    ['Phone', `${url}/display/demo (the lobby's QR code); a ticket: ${url}/t/<token> (the kiosk ticket's QR code)`],
    ['Teller tablet', `${url}/admin/`],
    ['Manager console', `${url}/admin/#/console`],
    ['Ticket kiosk', `${url}/kiosk/demo`],
  ];
}

const isLoopback = (url: string) => /^https?:\/\/(localhost|127\.|\[::1\])/.test(url);

/**
 * Shows the demo accounts made by this start. On a terminal: a loud banner with the passwords,
 * once. Otherwise stdout is a log stream (systemd, docker, a file), so the passwords go to a file
 * only the server's user can read, and the log says where — never what.
 */
export function announceDemo(
  accounts: DemoAccount[],
  opts: { dataDir: string; url: string; passwordFromEnv: boolean; terminal: boolean; print: (text: string) => void; log: (msg: string, extra: object) => void },
): void {
  const lines = [
    '',
    '  ════════════════════════════════════════════════════════════════════════',
    '  DEMO MODE: a demo branch and demo accounts were created in this data dir.',
    '  Not for production: NODE_ENV=production or BRANCHBOARD_SEED_DEMO=false.',
    '  ════════════════════════════════════════════════════════════════════════',
    ...demoPages(opts.url).map(([what, url]) => `  ${`${what}:`.padEnd(16)} ${url}`),
    ...(isLoopback(opts.url) ? ['  Phones cannot reach localhost: for the QR codes start with PUBLIC_URL=http://<this machine\'s address>:<port>.'] : []),
    '',
  ];
  const usernames = accounts.map((a) => a.username);
  if (opts.passwordFromEnv) {
    if (!opts.terminal) return opts.log('demo accounts created with the password in BRANCHBOARD_DEMO_PASSWORD', { accounts: usernames, pages: Object.fromEntries(demoPages(opts.url)) });
    lines.push(`  Accounts: ${usernames.join(', ')} — password/PIN: the one in BRANCHBOARD_DEMO_PASSWORD`);
    opts.print(lines.join('\n') + '\n');
    return;
  }
  const table = accounts.map((a) => `  ${a.username.padEnd(10)} ${a.password}`).join('\n');
  if (opts.terminal) {
    lines.push('  Accounts (generated now, shown only this once: note them down):', table);
    opts.print(lines.join('\n') + '\n');
    return;
  }
  const file = join(opts.dataDir, DEMO_ACCOUNTS_FILE);
  writeFileSync(file, `Branchboard demo accounts (username password), created ${new Date().toISOString()}\n${table}\n`, { mode: 0o600 });
  opts.log('demo accounts created; their generated passwords are in a file readable only by this user', { file, accounts: usernames, pages: Object.fromEntries(demoPages(opts.url)) });
}
