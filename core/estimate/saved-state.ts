/**
 * Saves the estimator's learned state as JSON and brings it back, so a replay of a past moment
 * starts from a checkpoint instead of relearning weeks of events (server/history). Generic over
 * the estimator's parts: plain objects, arrays, Maps, Sets, Float64Arrays and instances of the
 * classes listed (their prototype comes back; their constructor is not run).
 */

type Ctor = { readonly prototype: object; readonly name: string };

/** Non-finite numbers, which JSON cannot hold (the queue state keeps -Infinity and NaN). */
const NUMBERS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

export function saveState(value: unknown, classes: readonly Ctor[]): string {
  const names = new Map(classes.map((c) => [c.prototype, c.name]));
  const enc = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isFinite(v) ? v : { $n: String(v) };
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(enc);
    if (v instanceof Float64Array) return { $f64: Array.from(v, enc) };
    if (v instanceof Map) return { $map: [...v].map(([k, x]) => [enc(k), enc(x)]) };
    if (v instanceof Set) return { $set: [...v].map(enc) };
    const proto = Object.getPrototypeOf(v);
    const fields = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)]));
    if (proto === Object.prototype || proto === null) return { $o: fields };
    const name = names.get(proto);
    if (!name) throw new Error(`saveState: instances of ${proto?.constructor?.name ?? '?'} are not listed`);
    return { $c: name, $o: fields };
  };
  return JSON.stringify(enc(value));
}

export function loadState<T>(json: string, classes: readonly Ctor[]): T {
  const protos = new Map(classes.map((c) => [c.name, c.prototype]));
  const dec = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(dec);
    const o = v as Record<string, unknown>;
    if ('$n' in o) return NUMBERS[o.$n as string] ?? NaN;
    if ('$f64' in o) return Float64Array.from((o.$f64 as unknown[]).map(dec) as number[]);
    if ('$map' in o) return new Map((o.$map as [unknown, unknown][]).map(([k, x]) => [dec(k), dec(x)]));
    if ('$set' in o) return new Set((o.$set as unknown[]).map(dec));
    const proto = o.$c === undefined ? Object.prototype : protos.get(o.$c as string);
    if (!proto) throw new Error(`loadState: unknown class ${String(o.$c)}`);
    const out = Object.create(proto) as Record<string, unknown>;
    for (const [k, x] of Object.entries(o.$o as Record<string, unknown>)) out[k] = dec(x);
    return out;
  };
  return dec(JSON.parse(json)) as T;
}
