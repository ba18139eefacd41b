import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { BranchRooms, sliceOf } from '../../server/realtime/branch-rooms';

describe('branches by heartbeat slice', () => {
  it('follows the adapter: a branch is in its slice while a screen is in its room, and only then', async () => {
    const io = new Server();
    const adapter = io.of('/').adapter;
    const rooms = new BranchRooms(adapter, [40, 60]);
    await adapter.addAll('sock-1', new Set(['sock-1', 'branch:demo']));
    await adapter.addAll('sock-2', new Set(['sock-2', 'branch:demo', 'staff:x']));
    expect(rooms.size).toBe(1);
    expect([...rooms.inSlice(sliceOf('demo', 40), 40)]).toEqual(['demo']);
    expect([...rooms.inSlice(sliceOf('demo', 60), 60)]).toEqual(['demo']);
    // Every other slice is empty: a socket's own room and other rooms are not branches.
    expect(Array.from({ length: 40 }, (_, i) => rooms.inSlice(i, 40).size).reduce((a, b) => a + b, 0)).toBe(1);
    await adapter.del('sock-1', 'branch:demo');
    expect(rooms.size).toBe(1); // sock-2 is still there
    await adapter.del('sock-2', 'branch:demo');
    expect(rooms.size).toBe(0);
    expect(rooms.inSlice(sliceOf('demo', 40), 40).size).toBe(0);
  });

  it('spreads 1,000 branches over the slices', () => {
    const counts = new Array(40).fill(0);
    for (let i = 0; i < 1000; i++) counts[sliceOf(`bench-${i}`, 40)]++;
    expect(Math.max(...counts)).toBeLessThan(60); // 25 on average
  });
});
