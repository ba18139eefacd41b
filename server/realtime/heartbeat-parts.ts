import type { WaitEstimates } from '../../core';

/**
 * Screens one turn of the heartbeat ticker writes to for one branch. A branch with more hears its
 * heartbeat in parts, one part a turn: at 5,000 screens on a branch its heartbeat was 5,000
 * socket writes in one turn (100–300 ms here), and a command arriving meanwhile reached its
 * screens only after them — the tail of the fan-out and the event loop's longest stall.
 */
export const HEARTBEAT_BURST = 250;

export interface HeartbeatPart {
  branchId: string;
  /** Socket ids of this part (each socket's own room). */
  sids: string[];
  /** Those of the part that take every waiting ticket's estimate (phones, kiosks); the rest are lobbies. */
  phones: string[];
  /** The estimates taken at the branch's turn, if due: every part carries the same. */
  estimates?: WaitEstimates;
}

interface Spreading {
  branchId: string;
  sids: string[];
  phones: ReadonlySet<string>;
  next: number;
  size: number;
  estimates?: WaitEstimates;
}

/** The big branches whose heartbeat is going out, each a part per turn. */
export class HeartbeatParts {
  private spreading: Spreading[] = [];

  constructor(
    /** Turns a branch's heartbeat may take at most (less than the turns in a heartbeat period, so parts never pile up). */
    private readonly turns: number,
    private readonly burst = HEARTBEAT_BURST,
  ) {}

  /** Whether a branch with `screens` sockets here is heard in parts. */
  splits(screens: number): boolean {
    return screens > this.burst;
  }

  /** A branch's heartbeat to these sockets (taken now: one that joins later got its snapshot), sent from the next `take` on. */
  add(branchId: string, sids: string[], phones: ReadonlySet<string>, estimates?: WaitEstimates): void {
    this.spreading.push({ branchId, sids, phones, next: 0, size: Math.max(this.burst, Math.ceil(sids.length / this.turns)), estimates });
  }

  /** This turn's part of each branch being spread. */
  take(): HeartbeatPart[] {
    const parts: HeartbeatPart[] = [];
    for (const s of this.spreading) {
      const sids = s.sids.slice(s.next, s.next + s.size);
      s.next += sids.length;
      parts.push({ branchId: s.branchId, sids, phones: s.phones.size ? sids.filter((id) => s.phones.has(id)) : [], estimates: s.estimates });
    }
    this.spreading = this.spreading.filter((s) => s.next < s.sids.length);
    return parts;
  }

  get pending(): number {
    return this.spreading.length;
  }
}
