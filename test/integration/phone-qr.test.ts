import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server';

/** The lobby's QR code, drawn by the server so the screen ships no QR encoder (issue 9). */
describe('GET /api/qr.svg', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('draws a board’s address as an SVG, cacheable', async () => {
    const res = await request(server.http).get('/api/qr.svg').query({ url: 'https://queue.example-bank.it/display/demo' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toContain('max-age=');
    const svg = String(res.body instanceof Buffer ? res.body.toString('utf8') : res.text);
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toContain('<script');
    // Another address, another picture.
    const other = await request(server.http).get('/api/qr.svg').query({ url: 'https://queue.example-bank.it/display/other' });
    expect(other.body.toString('utf8')).not.toBe(svg);
  });

  it('refuses what is not a board’s http(s) address, naming the field', async () => {
    for (const url of ['', 'javascript:alert(1)', 'https://evil.example/anything', 'https://a.example/display/demo?x=1', 'https://u:p@a.example/display/demo', `https://a.example/display/${'x'.repeat(400)}`]) {
      const res = await request(server.http).get('/api/qr.svg').query({ url });
      expect(res.status, url).toBe(400);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'bad_url', field: 'url' } });
    }
  });
});
