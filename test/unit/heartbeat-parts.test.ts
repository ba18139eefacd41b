import { describe, expect, it } from 'vitest';
import { HeartbeatParts } from '../../server/realtime/heartbeat-parts';

const sids = (n: number, prefix = 's') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('a big branch hears its heartbeat in parts', () => {
  it('splits only a branch with more screens than a burst', () => {
    const parts = new HeartbeatParts(20, 250);
    expect(parts.splits(250)).toBe(false);
    expect(parts.splits(251)).toBe(true);
  });

  it('sends one part of each spread branch a turn, every socket exactly once, within the turns given', () => {
    const parts = new HeartbeatParts(20, 250);
    parts.add('big', sids(5000), new Set(['s7', 's4999']));
    parts.add('mid', sids(600, 'm'), new Set());
    const seen = new Map<string, number>();
    const phones: string[] = [];
    let turns = 0;
    while (parts.pending) {
      const turn = parts.take();
      turns++;
      // At most one part of each branch in a turn, each no bigger than its share.
      expect(new Set(turn.map((p) => p.branchId)).size).toBe(turn.length);
      for (const p of turn) {
        expect(p.sids.length).toBeLessThanOrEqual(250);
        for (const s of p.sids) seen.set(s, (seen.get(s) ?? 0) + 1);
        phones.push(...p.phones);
      }
    }
    expect(turns).toBe(20); // 5,000 in parts of 250
    expect(seen.size).toBe(5600);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(phones.sort()).toEqual(['s4999', 's7']);
  });

  it('takes bigger parts rather than more turns than given', () => {
    const parts = new HeartbeatParts(20, 250);
    parts.add('huge', sids(20_000), new Set());
    let turns = 0;
    while (parts.pending) {
      expect(parts.take()[0]!.sids.length).toBe(1000);
      turns++;
    }
    expect(turns).toBe(20);
  });

  it("gives every part the estimates taken at the branch's turn", () => {
    const parts = new HeartbeatParts(20, 250);
    const estimates = { seq: 3, at: 0, services: {} } as never;
    parts.add('big', sids(600), new Set(), estimates);
    const all = [...parts.take(), ...parts.take(), ...parts.take()];
    expect(all).toHaveLength(3);
    expect(all.every((p) => p.estimates === estimates)).toBe(true);
    expect(parts.pending).toBe(0);
  });
});
