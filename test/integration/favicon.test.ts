import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('the pages\' icon', () => {
  it('/favicon.ico and /favicon.svg answer with the SVG icon (no 404 in any page\'s console)', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const r = await request(server.url).get(path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toMatch(/^image\/svg\+xml/);
      expect(String(r.body ?? r.text)).toContain('<svg');
    }
  });

  it('every page links it', async () => {
    for (const path of ['/display/demo', '/admin/', '/kiosk/demo', '/t/some-token']) {
      const r = await request(server.url).get(path);
      expect(r.status, path).toBe(200);
      expect(r.text, path).toMatch(/<link rel="icon" href="\/favicon\.svg"/);
    }
  });
});
