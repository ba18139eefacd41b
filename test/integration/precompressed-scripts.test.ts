import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server';

/** A raw GET (no client-side decompression): status, headers, the bytes as sent. */
function raw(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((ok, fail) => {
    get(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    }).on('error', fail);
  });
}

/**
 * The build's scripts go out gzipped to a browser that accepts it (server/http/precompressed.ts,
 * from the `.gz` files the build writes beside them): the same bytes once decompressed, cached
 * as long, `Vary: Accept-Encoding`; plain to a client without gzip or for a script without a
 * `.gz`; nothing outside the assets folder.
 */
describe('the scripts, gzipped ahead of time', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const script = `export const board = ${JSON.stringify('Sportello 1 · '.repeat(400))};\n`;

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'bb-dist-'));
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, 'display'));
    writeFileSync(join(dist, 'display', 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dist, 'assets', 'display-1234.js'), script);
    writeFileSync(join(dist, 'assets', 'display-1234.js.gz'), gzipSync(script));
    writeFileSync(join(dist, 'assets', 'plain-5678.js'), 'export {};\n');
    writeFileSync(join(dist, 'secret.js.gz'), gzipSync('not an asset'));
    server = await startTestServer({ distDir: dist });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('sends the gzipped file to a browser that accepts gzip, the plain one otherwise', async () => {
    const gz = await raw(`${server.url}/assets/display-1234.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^text\/javascript/);
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gz.body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await raw(`${server.url}/assets/display-1234.js`);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.body.toString()).toBe(script);
  });

  it('a script without a gzipped copy goes plain; a path out of the assets is not served', async () => {
    const plain = await raw(`${server.url}/assets/plain-5678.js`, { 'accept-encoding': 'gzip' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe('export {};\n');
    for (const path of ['/assets/..%2Fsecret.js', '/assets/%2e%2e/secret.js', '/assets/missing.js', '/assets/bad%E0%A4%A.js']) {
      const r = await raw(`${server.url}${path}`, { 'accept-encoding': 'gzip' });
      expect([400, 403, 404], path).toContain(r.status);
      expect(r.body.toString()).not.toContain('not an asset');
    }
  });
});
