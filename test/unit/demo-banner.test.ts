import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announceDemo } from '../../server/seed/demo-banner';
import { removeDir, tempDataDir } from '../support/server';

const accounts = [
  { username: 'manager', password: 'pw-manager-123' },
  { username: 'teller1', password: 'pw-teller1-456' },
];
const PAGES = ['/display/demo', '/t/<token>', '/admin/', '/admin/#/console', '/kiosk/demo'];

describe('the demo banner of npm start', () => {
  it('on a terminal lists lobby, phone, tablet, console and kiosk, the passwords, and that phones need PUBLIC_URL on localhost', () => {
    let printed = '';
    announceDemo(accounts, { dataDir: '/nowhere', url: 'http://localhost:3000', passwordFromEnv: false, terminal: true, print: (t) => (printed += t), log: () => {} });
    for (const p of PAGES) expect(printed).toContain(`http://localhost:3000${p}`);
    for (const a of accounts) expect(printed).toMatch(new RegExp(`${a.username} +${a.password}`));
    expect(printed).toContain('PUBLIC_URL');
  });

  it('without a terminal logs where the passwords are and the pages, never a password', () => {
    const dir = tempDataDir();
    try {
      const logged: { msg: string; extra: Record<string, unknown> }[] = [];
      announceDemo(accounts, { dataDir: dir, url: 'http://localhost:3000', passwordFromEnv: false, terminal: false, print: () => expect.fail('printed'), log: (msg, extra) => logged.push({ msg, extra: extra as Record<string, unknown> }) });
      expect(logged).toHaveLength(1);
      const line = JSON.stringify(logged[0]);
      expect(line).toContain(join(dir, 'demo-accounts.txt'));
      for (const p of PAGES) expect(line).toContain(p);
      for (const a of accounts) expect(line).not.toContain(a.password);
      expect(readFileSync(join(dir, 'demo-accounts.txt'), 'utf8')).toContain('pw-manager-123');
    } finally {
      removeDir(dir);
    }
  });
});
