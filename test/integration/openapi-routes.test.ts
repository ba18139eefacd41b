import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../server/http/openapi';
import { mountedRoutes, type MountedRoute } from '../support/mounted-routes';
import { removeDir, startTestServer } from '../support/server';

/**
 * The OpenAPI document cannot drift from the app: every route Express has mounted under /api
 * is in it (walking the router, not a list kept by hand), and everything in it is mounted.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let routes: MountedRoute[];
const paths = (openApiDocument() as { paths: Record<string, Record<string, unknown>> }).paths;

beforeAll(async () => {
  server = await startTestServer();
  routes = mountedRoutes(server.app);
});

afterAll(async () => {
  await server.close();
  removeDir(server.dataDir);
});

const segments = (p: string) => p.split('/').filter(Boolean);
const isParam = (s: string) => s.startsWith('{');
/** A route's `{param}` stands for any segment (`/counters/{counter}/{action}` is documented action by action). */
function covers(route: string, documented: string): boolean {
  const r = segments(route);
  const d = segments(documented);
  return r.length === d.length && r.every((s, i) => (isParam(s) ? true : !isParam(d[i]!) && s === d[i]));
}

describe('the OpenAPI document and the mounted routes', () => {
  it('finds the routes (the walk itself works)', () => {
    const api = routes.filter((r) => r.path.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(60);
    expect(api).toContainEqual({ method: 'get', path: '/api/branches/{branch}/history/reports' });
    expect(api).toContainEqual({ method: 'post', path: '/api/replay/verify' });
    expect(api).toContainEqual({ method: 'put', path: '/api/webhooks/{id}' });
  });

  it('every route under /api is documented, with its method', () => {
    const missing = routes
      .filter((r) => r.path.startsWith('/api/'))
      .filter((r) => !Object.entries(paths).some(([p, ops]) => r.method in ops && covers(r.path, p)))
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('everything documented is mounted', () => {
    const ghosts = Object.entries(paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => ({ method: m, path: p })))
      .filter((d) => !routes.some((r) => r.method === d.method && covers(r.path, d.path)))
      .map((d) => `${d.method.toUpperCase()} ${d.path}`);
    expect(ghosts).toEqual([]);
  });

  it('the issue 11 and 12 endpoints are there: ingest, kiosk, phone ticket, console, history, replay, webhooks, alerts', () => {
    for (const p of [
      '/api/branches/{branch}/ingest',
      '/api/branches/{branch}/integration-tokens',
      '/api/branches/{branch}/tickets',
      '/api/tickets/{token}',
      '/api/branches/{branch}/screens',
      '/api/branches/{branch}/history/notices/{id}',
      '/api/branches/{branch}/history/tickets.csv',
      '/api/branches/{branch}/history/audit',
      '/api/history/reports',
      '/api/branches/{branch}/replay.json',
      '/api/replay/public-key',
      '/api/branches/{branch}/webhooks/{id}/deliveries/{delivery}/resend',
      '/api/branches/{branch}/alerts.json',
    ]) {
      expect(paths, p).toHaveProperty([p]);
    }
  });
});
