import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReconnectBackoff } from '../../ui/net/reconnect-backoff';

/** The pauses before connecting a socket again that the server let go (lobby, kiosk, phone, console). */
describe('reconnecting after the server let the socket go', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A socket that stays down: when each connect() came, in ms since the start. */
  const downSocket = () => {
    const at: number[] = [];
    return { at, socket: { connected: false, connect: () => at.push(Date.now() - start) } };
  };
  let start = 0;

  it('waits 1, 2, 4 … s, never more than 30 s; a connection that works starts again from 1 s', () => {
    start = Date.now();
    const backoff = new ReconnectBackoff();
    const { at, socket } = downSocket();
    const pauses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const before = Date.now() - start;
      backoff.later(socket, () => true);
      vi.runAllTimers();
      pauses.push(at.at(-1)! - before);
    }
    expect(pauses).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    backoff.connected();
    const before = Date.now() - start;
    backoff.later(socket, () => true);
    vi.runAllTimers();
    expect(at.at(-1)! - before).toBe(1_000);
  });

  it('does not connect a socket that is connected by then, or no longer the page’s; one try pending at a time', () => {
    const backoff = new ReconnectBackoff();
    const { at, socket } = downSocket();
    backoff.later(socket, () => false);
    vi.runAllTimers();
    backoff.later({ connected: true, connect: () => at.push(-1) }, () => true);
    vi.runAllTimers();
    expect(at).toEqual([]);
    // A refusal asks again at its own interval, replacing the pending try; cancel leaves none.
    start = Date.now();
    backoff.later(socket, () => true);
    backoff.at(30_000, socket, () => true);
    vi.runAllTimers();
    expect(at).toEqual([30_000]);
    backoff.later(socket, () => true);
    backoff.cancel();
    vi.runAllTimers();
    expect(at).toEqual([30_000]);
  });
});
