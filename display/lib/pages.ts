/**
 * Splits items shown one under another into pages that each fit `room` pixels (with `gap` between
 * items), in order; an item taller than the room gets a page of its own. Used by the notice board
 * and the waiting list, which page rather than cut what does not fit.
 */
export function packIntoPages(items: Iterable<{ id: string; height: number }>, room: number, gap: number): string[][] {
  const pages: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const { id, height } of items) {
    const need = current.length ? used + gap + height : height;
    if (current.length && need > room) {
      pages.push(current);
      current = [id];
      used = height;
    } else {
      current.push(id);
      used = need;
    }
  }
  if (current.length) pages.push(current);
  return pages;
}
