import type { ConfigChange } from './types';

/**
 * What changed between two branch configurations, field by field. Lists of things with an id
 * (services, counters, presets) are matched by id, so "preset card-reader: text.en changed"
 * reads as such instead of every later preset shifting by one place.
 */
export function configDiff(before: unknown, after: unknown, path = ''): ConfigChange[] {
  if (sameJson(before, after)) return [];
  if (before === undefined) return [{ path, op: 'added', after }];
  if (after === undefined) return [{ path, op: 'removed', before }];
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].every(hasId)) {
    const out: ConfigChange[] = [];
    const old = new Map(before.map((x) => [x.id, x]));
    const now = new Map(after.map((x) => [x.id, x]));
    for (const [id, x] of old) out.push(...configDiff(x, now.get(id), join(path, id)));
    for (const [id, x] of now) if (!old.has(id)) out.push({ path: join(path, id), op: 'added', after: x });
    const order = (m: Map<string, unknown>, o: Map<string, unknown>) => [...m.keys()].filter((k) => o.has(k));
    if (!out.length && order(old, now).join() !== order(now, old).join()) {
      out.push({ path, op: 'changed', before: [...old.keys()], after: [...now.keys()] });
    }
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => configDiff(before[k], after[k], join(path, k)));
  }
  return [{ path, op: 'changed', before, after }];
}

const join = (a: string, b: string) => (a ? `${a}.${b}` : b);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const hasId = (x: unknown): x is { id: string } => isObject(x) && typeof x.id === 'string';

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
