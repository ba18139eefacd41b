import type express from 'express';

/** A route Express has mounted: method and path, `:param`s as OpenAPI's `{param}`. */
export interface MountedRoute {
  method: string;
  path: string;
}

interface Layer {
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Every route of the app, walking its router and the routers mounted in it (Express 5, `router`
 * 2: a layer keeps the path it was mounted at as `rawPath`).
 */
export function mountedRoutes(app: express.Express): MountedRoute[] {
  const out: MountedRoute[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of ([] as string[]).concat(layer.route.path)) {
          for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') out.push({ method, path: openApiPath(prefix + path) });
        }
      } else if (layer.handle?.stack) {
        const raw = layer.rawPath ?? '/';
        for (const path of ([] as string[]).concat(raw)) walk(layer.handle.stack, prefix + (path === '/' ? '' : path));
      }
    }
  };
  const root = (app as unknown as { router: { stack: Layer[] } }).router;
  walk(root.stack, '');
  return out;
}

function openApiPath(p: string): string {
  const path = p.replace(/\/+$/, '') || '/';
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
