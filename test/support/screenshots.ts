import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where end-to-end tests write their screenshots: `docs/screenshots/` when SCREENSHOTS=1 (a
 * developer refreshing the documented pictures, then looking at them), else a temp folder, so an
 * ordinary `npm test` leaves the work tree as it was.
 */
export function screenshotDir(): string {
  const dir = process.env.SCREENSHOTS === '1'
    ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'branchboard-shots-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}
