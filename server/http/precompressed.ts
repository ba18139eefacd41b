import { existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/**
 * The build's scripts gzipped ahead of time (scripts/vite/gzipped-assets.ts), sent as such to a
 * browser that accepts gzip: no compression work per request, and a lobby TV downloads a third
 * of the bytes. Anything else (no `.gz` beside it, a client without gzip) goes on to the plain
 * static files. The built files never change under a running server: a `.gz` found is remembered.
 */
export function precompressedScripts(dir: string, maxAgeSeconds: number) {
  const has = new Set<string>();
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.endsWith('.js')) return next();
    // Either answer depends on the request's encodings: caches must keep them apart.
    res.vary('Accept-Encoding');
    if (!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return next();
    let rel: string;
    try {
      rel = normalize(decodeURIComponent(req.path)).replace(/^[/\\]+/, '');
    } catch {
      return next(); // a malformed escape: the static files answer it
    }
    if (rel.startsWith('..') || rel.includes('\0')) return next();
    const gz = join(dir, `${rel}.gz`);
    // Only what exists is remembered: a stream of made-up names cannot grow the map.
    if (!has.has(gz)) {
      if (!existsSync(gz)) return next();
      has.add(gz);
    }
    res.set({ 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Encoding': 'gzip', 'Cache-Control': `public, max-age=${maxAgeSeconds}, immutable` });
    res.sendFile(gz, (err) => {
      if (err && !res.headersSent) next();
    });
  };
}
