/**
 * A FIFO let through a fixed number of items per turn of the event loop (setImmediate between
 * turns), for the pacers of a crowd coming back at once (upgrade-pacer.ts, connect-pacer.ts).
 * `admit` handles one item and says whether it counted against the turn (one that left while
 * waiting costs nothing). The head moves instead of shift(): on thousands, shift() copies each time.
 */
export class TurnQueue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;
  private scheduled = false;

  constructor(
    private readonly perTurn: number,
    private readonly admit: (item: T) => boolean,
  ) {}

  push(item: T): void {
    this.items.push(item);
    this.schedule();
  }

  /** Empties the queue and gives back what was still waiting (the server is closing). */
  takeWaiting(): T[] {
    const waiting = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return waiting;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.drain);
  }

  private readonly drain = (): void => {
    this.scheduled = false;
    let counted = 0;
    try {
      while (this.head < this.items.length && counted < this.perTurn) {
        const item = this.items[this.head]!;
        this.items[this.head++] = undefined;
        if (this.admit(item)) counted++;
      }
    } finally {
      if (this.head === this.items.length) {
        this.items = [];
        this.head = 0;
      } else this.schedule();
    }
  };
}
