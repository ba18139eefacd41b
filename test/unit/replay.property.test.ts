import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAll, BranchEventSchema, BranchReplica, emptyState, type BranchEvent, type Command } from '../../core';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';
import { BranchHarness } from '../support/branch-fixture';

const counters = DEMO_BRANCH.counters.map((c) => c.id);
const presets = DEMO_BRANCH.presets.map((p) => p.id);
const minutes = fc.option(fc.constantFrom(5, 10, 15, 30), { nil: null });

/** One step a branch may take: a command (valid or not) after some time passes. */
const step = fc.record({
  wait: fc.integer({ min: 0, max: 3 * 3600_000 }),
  cmd: fc.oneof(
    fc.record({ kind: fc.constant('ticket' as const), service: fc.constantFrom('teller', 'advice') }),
    fc.record({
      kind: fc.constant('counter' as const),
      counter: fc.constantFrom(...counters),
      action: fc.constantFrom('call-next', 'recall', 'done', 'no-show', 'open', 'close' as const),
    }),
    fc.record({ kind: fc.constant('pause' as const), counter: fc.constantFrom(...counters), minutes }),
    fc.record({ kind: fc.constant('post' as const), preset: fc.constantFrom(...presets), counter: fc.constantFrom(...counters), minutes }),
    fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), minutes }),
    fc.record({ kind: fc.constant('resolve' as const), pick: fc.nat(), apologise: fc.boolean() }),
  ),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function drive(steps: Step[]): BranchHarness {
  const b = new BranchHarness();
  steps.forEach(({ wait, cmd }, i) => {
    b.tick(wait);
    const uid = `id-${String(i).padStart(6, '0')}`;
    const notices = b.state.notices;
    const pick = (k: number) => notices[k % Math.max(1, notices.length)]?.id ?? 'missing-notice';
    const c: Command =
      cmd.kind === 'ticket'
        ? { type: 'IssueTicket', ticketId: uid, service: cmd.service }
        : cmd.kind === 'counter'
          ? { type: 'CounterAction', counterId: cmd.counter, action: cmd.action }
          : cmd.kind === 'pause'
            ? { type: 'PauseCounter', counterId: cmd.counter, body: { backInMinutes: cmd.minutes } }
            : cmd.kind === 'post'
              ? { type: 'PostNotice', noticeId: uid, body: { presetId: cmd.preset, counterId: cmd.counter, expectedInMinutes: cmd.minutes } }
              : cmd.kind === 'update'
                ? { type: 'UpdateNotice', noticeId: pick(cmd.pick), body: { expectedInMinutes: cmd.minutes } }
                : { type: 'ResolveNotice', noticeId: pick(cmd.pick), body: { apologise: cmd.apologise } };
    b.run(c);
  });
  return b;
}

describe('replaying the log rebuilds the live state', () => {
  it('for any sequence of commands: live fold = replay of the stored (JSON) log = snapshot + the events after it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), fc.nat(), (steps, cut) => {
        const live = drive(steps);
        // The log stores events as JSON text: replay what a restart would read.
        const stored = JSON.parse(JSON.stringify(live.events)) as BranchEvent[];
        const replayed = applyAll(emptyState('demo'), stored);
        expect(replayed).toEqual(live.state);

        // A screen that joined at some point: snapshot (JSON over the wire), then the rest in order.
        const k = cut % (stored.length + 1);
        const replica = new BranchReplica();
        replica.loadSnapshot(JSON.parse(JSON.stringify(applyAll(emptyState('demo'), stored.slice(0, k)))));
        for (const e of stored.slice(k)) expect(replica.receive(e)).toBe('applied');
        expect(replica.state).toEqual(live.state);

        // Every event the log would hold is valid against the contract's schema.
        for (const e of stored) expect(BranchEventSchema.safeParse(e).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a replica refuses to skip: a gap is reported, duplicates are ignored', () => {
    const live = drive([
      { wait: 0, cmd: { kind: 'ticket', service: 'teller' } },
      { wait: 1000, cmd: { kind: 'ticket', service: 'advice' } },
      { wait: 1000, cmd: { kind: 'counter', counter: '1', action: 'call-next' } },
    ]);
    const replica = new BranchReplica();
    replica.loadSnapshot(applyAll(emptyState('demo'), live.events.slice(0, 1)));
    expect(replica.receive(live.events[2]!)).toBe('gap');
    expect(replica.receive(live.events[0]!)).toBe('duplicate');
    expect(replica.receiveAll(live.events.slice(1))).toBe('applied');
    expect(replica.state).toEqual(live.state);
  });
});
