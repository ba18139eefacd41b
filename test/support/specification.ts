import { expect } from 'vitest';
import { decide, type BranchConfig, type BranchState, type Command, type EventPayload } from '../../core';
import { BranchHarness } from './branch-fixture';

/**
 * Given / when / then for the branch's decisions, in the style of the decider samples
 * (oskardudycz/EventSourcing.NodeJS, samples/decider, specification.ts): given what already
 * happened (events, or commands decided as the server would, and waits), when a command comes at
 * the server's clock, then these events, or this error.
 */
export type Step = Command | EventPayload | { wait: number };

const isWait = (s: Step): s is { wait: number } => 'wait' in s;
/** Command names are imperative (IssueTicket), event names past (TicketIssued). */
const COMMANDS = new Set(['IssueTicket', 'CounterAction', 'PauseCounter', 'PostNotice', 'UpdateNotice', 'ResolveNotice', 'CallTicket', 'TransferTicket', 'UndoNoShow']);
const isCommand = (s: Command | EventPayload): s is Command => COMMANDS.has(s.type);

export function spec(config?: BranchConfig) {
  return {
    given(...steps: Step[]) {
      const b = new BranchHarness(config);
      for (const s of steps) {
        if (isWait(s)) b.tick(s.wait);
        else if (isCommand(s)) {
          const d = b.run(s);
          if (!d.ok) throw new Error(`given step ${s.type} failed: ${d.error.code}`);
        } else b.push([s]);
      }
      return {
        harness: b,
        state: b.state as BranchState,
        when(cmd: Command, wait = 0) {
          b.tick(wait);
          const d = decide(b.state, cmd, b.now);
          return {
            then(expected: EventPayload[]) {
              expect(d).toEqual({ ok: true, events: expected });
              if (d.ok) b.push(d.events);
              return b;
            },
            thenFails(error: { code: string; field?: string; kind?: string }) {
              expect(d.ok).toBe(false);
              if (!d.ok) expect(d.error).toMatchObject(error);
              return b;
            },
          };
        },
      };
    },
  };
}
