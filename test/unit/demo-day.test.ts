import { describe, expect, it } from 'vitest';
import { generateDay } from '../../server/tools/demo/day';
import params from '../../server/tools/demo/day-params.json' with { type: 'json' };
import { DEMO_BRANCH } from '../../server/seed/demo-branch';

/** The synthetic day of `npm run demo:replay`: seeded, shaped like the fitted real day, and a possible one. */
describe('synthetic branch day', () => {
  const day = generateDay(params, DEMO_BRANCH, { seed: 7 });

  it('is the same for the same seed, another for another', () => {
    expect(generateDay(params, DEMO_BRANCH, { seed: 7 })).toEqual(day);
    expect(generateDay(params, DEMO_BRANCH, { seed: 8 })).not.toEqual(day);
  });

  it('follows the fitted arrivals: about the real day scaled to 4 counters, busier at 10 than at 8', () => {
    const issued = day.filter((e) => e.type === 'issued');
    const hours = [8, 9, 10, 11, 12, 13, 14, 15, 16];
    const peak = Math.max(...hours.map((h) => params.agentsPerHour[h]!));
    const expected = hours.reduce((s, h) => s + params.arrivalsPerHour[h]!, 0) * (4 / peak);
    expect(issued.length).toBeGreaterThan(0.8 * expected);
    expect(issued.length).toBeLessThan(1.2 * expected);
    const inHour = (h: number) => issued.filter((e) => Math.floor(e.offsetMs / 3_600_000) === h - 8).length;
    expect(inHour(10)).toBeGreaterThan(inHour(8));
  });

  it('is a possible day: each ticket issued, then called at a counter serving it, then served or absent; one at a time per counter', () => {
    const byTicket = new Map<string, typeof day>();
    for (const e of day) byTicket.set(e.externalId, [...(byTicket.get(e.externalId) ?? []), e]);
    let called = 0;
    for (const steps of byTicket.values()) {
      expect(steps[0]!.type).toBe('issued');
      const call = steps.find((s) => s.type === 'called');
      if (!call) continue;
      called++;
      const counter = DEMO_BRANCH.counters.find((c) => c.id === call.counter)!;
      expect(counter.services).toContain(call.service);
      const end = steps.at(-1)!;
      expect(['served', 'no_show']).toContain(end.type);
      expect(end.offsetMs).toBeGreaterThan(call.offsetMs);
    }
    expect(called).toBeGreaterThan(0.9 * byTicket.size);
    // A counter calls the next one only after the last one left it.
    const busyUntil = new Map<string, number>();
    for (const e of day.filter((x) => x.type !== 'issued' && x.type !== 'recalled')) {
      if (e.type === 'called') {
        expect(e.offsetMs).toBeGreaterThanOrEqual(busyUntil.get(e.counter!) ?? 0);
        busyUntil.set(e.counter!, Infinity);
      } else busyUntil.set(e.counter!, e.offsetMs);
    }
    // Some give up (no-show when called), as the fitted share says, roughly.
    const absent = day.filter((e) => e.type === 'no_show').length;
    expect(absent).toBeGreaterThan(0);
  });
});

describe('synthetic branch day with its counters’ steps (demo:replay)', () => {
  const day = generateDay(params, DEMO_BRANCH, { seed: 7, counterSteps: true });
  const closes = day.filter((e) => e.type === 'counter_closed');

  it('closes counters as the staffing drops and at the end of the day, each when its customer has left and before its next call', () => {
    expect(closes.length).toBeGreaterThanOrEqual(DEMO_BRANCH.counters.length);
    // The ticket steps are the same day as without them.
    expect(day.filter((e) => e.type !== 'counter_closed')).toEqual(generateDay(params, DEMO_BRANCH, { seed: 7 }));
    for (const c of DEMO_BRANCH.counters) {
      let busy = false;
      let closed = false;
      for (const e of day.filter((x) => x.counter === c.id && x.type !== 'issued' && x.type !== 'recalled')) {
        if (e.type === 'called') [busy, closed] = [true, false];
        else if (e.type === 'counter_closed') {
          expect(busy).toBe(false);
          closed = true;
        } else busy = false;
      }
      // Every counter that served anyone is closed when the day ends.
      if (day.some((e) => e.counter === c.id && e.type === 'called')) expect(closed).toBe(true);
    }
    expect(new Set(closes.map((e) => e.externalId)).size).toBe(closes.length);
  });
});
