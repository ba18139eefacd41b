import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BranchReplica, publicSnapshot, SNAPSHOT_WAITING, waitingCount, type BranchState } from '../../core';
import { BranchHarness } from '../support/branch-fixture';

/**
 * Issue 10, finding 6: a screen's snapshot lists at most SNAPSHOT_WAITING waiting tickets per
 * service however long the queue, and the copy a screen keeps from it by the shared reducer shows
 * what the server holds: the same counts, the same first numbers, the same counters and calls.
 */

/** What a lobby shows of a state: per service the count and the first numbers, the counters, the calls. */
function shown(s: BranchState, listed: Record<string, number>) {
  const services = s.config!.services.map((sv) => ({
    id: sv.id,
    waiting: waitingCount(s, sv.id),
    first: (s.queues[sv.id] ?? []).slice(0, listed[sv.id] ?? 0).map((id) => s.tickets[id]?.number),
  }));
  return { services, counters: s.counters, calls: s.calls.map((c) => [c.number, c.counterId]) };
}

describe('public snapshot', () => {
  it('lists the first tickets of a long queue and counts the rest; a short queue is sent whole', () => {
    const h = new BranchHarness();
    for (let i = 0; i < 180; i++) h.tick(200).run({ type: 'IssueTicket', ticketId: `long-queue-${i}`, service: i % 6 ? 'teller' : 'advice' });
    const snap = publicSnapshot(h.state);
    expect(snap.queues.teller).toEqual(h.state.queues.teller!.slice(0, SNAPSHOT_WAITING));
    expect(snap.hiddenWaiting).toEqual({ teller: 150 - SNAPSHOT_WAITING });
    expect(snap.queues.advice).toEqual(h.state.queues.advice);
    expect(Object.keys(snap.tickets)).toHaveLength(SNAPSHOT_WAITING + 30);
    expect(waitingCount(snap, 'teller')).toBe(150);
    const size = (x: BranchState) => JSON.stringify([x.queues, x.tickets]).length;
    expect(size(snap)).toBeLessThan(size(h.state) / 2);
    // Nothing long: the state itself.
    const short = new BranchHarness();
    expect(publicSnapshot(short.state)).toBe(short.state);
  });

  it('a screen’s copy from it, fed the events that follow, shows what the server holds', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('take', 'take', 'take', 'call', 'done', 'no-show'), fc.integer({ min: 1, max: 4 }), fc.boolean()), { minLength: 50, maxLength: 400 }), (ops) => {
        const h = new BranchHarness();
        for (let i = 0; i < 120; i++) h.tick(100).run({ type: 'IssueTicket', ticketId: `start-${i}-abc`, service: i % 3 ? 'teller' : 'advice' });
        const replica = new BranchReplica();
        replica.loadSnapshot(publicSnapshot(h.state));
        let refills = 0;
        ops.forEach(([op, counter, advice], i) => {
          const counterId = String(counter);
          const events =
            op === 'take'
              ? h.tick(100).run({ type: 'IssueTicket', ticketId: `op-${i}-abcd`, service: advice ? 'advice' : 'teller' })
              : h.tick(100).run({ type: 'CounterAction', counterId, action: op === 'call' ? 'call-next' : op });
          if (!events.ok) return;
          for (const e of h.events.slice(-events.events.length)) {
            const r = replica.receive(e);
            // The screen asks for a fresh snapshot; the server answers with the projection of what it holds now.
            if (r === 'gap' || replica.needsSnapshot) {
              refills++;
              replica.loadSnapshot(publicSnapshot(h.state));
              break;
            }
          }
          const listed = Object.fromEntries(Object.entries(replica.state!.queues).map(([s, q]) => [s, q.length]));
          expect(shown(replica.state!, listed)).toEqual(shown(h.state, listed));
        });
        // Refills are rare: far fewer than the events.
        expect(refills).toBeLessThanOrEqual(Math.ceil(ops.length / 10) + 2);
      }),
      { numRuns: 10, seed: 20261204 },
    );
  });
});
