import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const FRONT_ENDS = ['display', 'admin', 'kiosk', 'ticket'] as const;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/** Every relative import of a file, as the folder of the repository it lands in ("ui", "display", …). */
function importedRooms(file: string): { spec: string; room: string }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|from)\s*(?:\(\s*)?['"](\.[^'"]+)['"]/g)].map((m) => {
    const target = relative(root, resolve(join(file, '..'), m[1]!));
    return { spec: m[1]!, room: target.split(/[\\/]/)[0]! };
  });
}

/**
 * The founding design's rule for the front ends: the lobby, the tablet and console, the kiosk and
 * the phone ticket share `ui/` and `core/`, and never reach into each other (the console's preset
 * preview renders the notice card from ui/notice/, not from display/).
 */
describe('front ends share ui/ and core/ only', () => {
  for (const fe of FRONT_ENDS) {
    it(`${fe}/ imports nothing from the other front ends`, () => {
      const crossings = sources(join(root, fe)).flatMap((file) =>
        importedRooms(file)
          .filter(({ room }) => room !== fe && (FRONT_ENDS as readonly string[]).includes(room))
          .map(({ spec }) => `${relative(root, file)} → ${spec}`),
      );
      expect(crossings).toEqual([]);
    });
  }

  it('ui/ imports no front end', () => {
    const crossings = sources(join(root, 'ui')).flatMap((file) =>
      importedRooms(file)
        .filter(({ room }) => (FRONT_ENDS as readonly string[]).includes(room))
        .map(({ spec }) => `${relative(root, file)} → ${spec}`),
    );
    expect(crossings).toEqual([]);
  });
});
