/** An id from a name, as the URL and the log will carry it: "Filiale Centro" → "filiale-centro". */
export function slugFrom(name: string, max = 40): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** An id not yet in `taken`: the slug, or the slug with -2, -3… */
export function freeId(base: string, taken: Iterable<string>, fallback = 'item'): string {
  const used = new Set(taken);
  const root = slugFrom(base) || fallback;
  if (!used.has(root)) return root;
  for (let i = 2; ; i++) {
    const id = `${root.slice(0, 36)}-${i}`;
    if (!used.has(id)) return id;
  }
}
