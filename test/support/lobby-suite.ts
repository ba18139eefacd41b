import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/passwords';
import { Users } from '../../server/auth/users';
import { loginAs, type TestServer } from './server';

/**
 * What a lobby suite that opens branches of its own starts with: a teller of every branch (made
 * in the store, password `<username>-pass`), signed in over the API, and a lobby TV's page in a
 * context of its own (1920×1080, Italian, unless told).
 */
export async function tellerAndLobby(
  server: TestServer,
  browser: Browser,
  username: string,
  context: BrowserContextOptions = { viewport: { width: 1920, height: 1080 }, locale: 'it-IT' },
): Promise<{ teller: Awaited<ReturnType<typeof loginAs>>; lobby: Page }> {
  await new Users(server.sql).create({ username, name: 'Teller', role: 'teller', branches: ['*'] }, await hashPassword(`${username}-pass`), Date.now());
  const teller = await loginAs(server.url, username, `${username}-pass`);
  const lobby = await (await browser.newContext(context)).newPage();
  return { teller, lobby };
}
