import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The version screens compare to reload themselves after a deployment: the package version and a
 * hash of the built pages (their asset names change with every build), so a new build of the
 * same version still counts as new. Without built pages, the package version alone.
 */
export function appVersion(distDir: string): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
  const hash = createHash('sha256');
  let built = false;
  for (const page of ['display', 'admin']) {
    try {
      hash.update(readFileSync(join(distDir, page, 'index.html')));
      built = true;
    } catch {
      /* not built: API-only */
    }
  }
  return built ? `${pkg.version ?? '0'}+${hash.digest('hex').slice(0, 12)}` : (pkg.version ?? '0');
}
