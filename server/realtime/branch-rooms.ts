import type { EventEmitter } from 'node:events';

const PREFIX = 'branch:';

/** Which slice of a period a branch is in: always the same one, spread evenly. */
export function sliceOf(branchId: string, slices: number): number {
  let h = 0;
  for (let i = 0; i < branchId.length; i++) h = (h * 31 + branchId.charCodeAt(i)) | 0;
  return (h >>> 0) % slices;
}

/**
 * The branches that have a screen on this node, by slice of the heartbeat and estimate periods,
 * kept from the adapter's own room events: a slice's turn visits its branches only, not every
 * room (each socket also has a room of its own: 10,000 of them at 10,000 screens).
 */
export class BranchRooms {
  private readonly bySlices = new Map<number, Set<string>[]>();
  private readonly all = new Set<string>();

  constructor(
    adapter: EventEmitter,
    sliceCounts: readonly number[],
    /** Called when a branch's last screen here left (what is kept per branch can go). */
    onGone?: (branchId: string) => void,
  ) {
    for (const n of sliceCounts) this.bySlices.set(n, Array.from({ length: n }, () => new Set<string>()));
    adapter.on('create-room', (room: string) => {
      if (!room.startsWith(PREFIX)) return;
      const id = room.slice(PREFIX.length);
      this.all.add(id);
      for (const [n, sets] of this.bySlices) sets[sliceOf(id, n)]!.add(id);
    });
    adapter.on('delete-room', (room: string) => {
      if (!room.startsWith(PREFIX)) return;
      const id = room.slice(PREFIX.length);
      this.all.delete(id);
      for (const [n, sets] of this.bySlices) sets[sliceOf(id, n)]!.delete(id);
      onGone?.(id);
    });
  }

  /** The branches in slice `slice` of `slices` (one of the counts given at construction). */
  inSlice(slice: number, slices: number): ReadonlySet<string> {
    return this.bySlices.get(slices)![slice]!;
  }

  get size(): number {
    return this.all.size;
  }
}
