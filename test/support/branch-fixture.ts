import { apply, decide, emptyState, type Actor, type BranchConfig, type BranchEvent, type BranchState, type Command, type EventPayload } from '../../core';
import { DEMO_BRANCH } from '../../server/seed/demo-branch';

export const T0 = Date.UTC(2026, 10, 23, 8, 30); // 09:30 in Rome
const staff: Actor = { role: 'teller', user: 'teller1' };

/** A branch driven through core's decide + apply, the way the server does it, without I/O. */
export class BranchHarness {
  state: BranchState = emptyState('demo');
  events: BranchEvent[] = [];
  now = T0;

  constructor(config: BranchConfig = DEMO_BRANCH) {
    this.push([{ type: 'BranchConfigured', config }], { role: 'system' });
  }

  push(payloads: EventPayload[], actor: Actor = staff): BranchEvent[] {
    const stamped = payloads.map((p, i) => ({ ...p, branchId: 'demo', seq: this.state.seq + i + 1, at: this.now, actor }) as BranchEvent);
    for (const e of stamped) this.state = apply(this.state, e);
    this.events.push(...stamped);
    return stamped;
  }

  run(cmd: Command) {
    const d = decide(this.state, cmd, this.now);
    if (d.ok) this.push(d.events);
    return d;
  }

  tick(ms: number): this {
    this.now += ms;
    return this;
  }
}
