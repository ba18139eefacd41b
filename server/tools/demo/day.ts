import type { DayParams } from './day-params';

/**
 * A synthetic branch day from fitted figures: customers arrive by the real day's hourly rates,
 * counters open by its hourly staffing (both scaled to the branch's counters), services take
 * log-normal times, some customers give up (they are called and not there: a no-show), a few are
 * called twice. Pure and seeded: the same seed gives the same day. What an existing queue system
 * would report, as ingest events with its own ids.
 */

export type ExternalEventType = 'issued' | 'called' | 'recalled' | 'served' | 'no_show' | 'counter_closed';

export interface ExternalEvent {
  /** Milliseconds after the day's first hour starts. */
  offsetMs: number;
  type: ExternalEventType;
  /** The external system's ticket id (a counter's step: its own event id). */
  externalId: string;
  service: string;
  /** Its ticket number, e.g. "A042". */
  number: string;
  counter?: string;
}

export interface DayBranch {
  services: readonly { id: string; prefix: string }[];
  counters: readonly { id: string; services: readonly string[] }[];
}

export interface DayOptions {
  seed?: number;
  /** Hours of the day to generate, [from, to). Default 8–17, a branch's opening hours. */
  hours?: readonly [number, number];
  /** Also the counters closing when the staffing drops and at the end of the day (counter_closed). */
  counterSteps?: boolean;
}

/** mulberry32: small, fast, seedable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR_MS = 3_600_000;
const CALL_TO_START_MS = 20_000;
const NO_SHOW_AFTER_MS = 45_000;
const RECALL_SHARE = 0.08;

interface Customer {
  id: string;
  service: string;
  number: string;
  at: number;
  /** Gives up at this time if not called by then. */
  leavesAt: number;
}

export function generateDay(params: DayParams, branch: DayBranch, options: DayOptions = {}): ExternalEvent[] {
  const rnd = random(options.seed ?? 1);
  const [from, to] = options.hours ?? [8, 17];
  const hours = Array.from({ length: to - from }, (_, i) => from + i);
  const peakAgents = Math.max(...hours.map((h) => params.agentsPerHour[h] ?? 0), 1);
  const scale = branch.counters.length / peakAgents;
  const countersAt = (t: number): number => {
    const h = from + Math.floor(t / HOUR_MS);
    return Math.max(1, Math.min(branch.counters.length, Math.round((params.agentsPerHour[h] ?? 0) * scale)));
  };
  // The real log's main service is the branch's first; the rest share the others.
  const mainShare = Object.values(params.serviceMix)[0] ?? 1;
  const pickService = (): string => {
    if (branch.services.length === 1 || rnd() < mainShare) return branch.services[0]!.id;
    return branch.services[1 + Math.floor(rnd() * (branch.services.length - 1))]!.id;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const serviceMs = (): number => Math.exp(params.serviceLogNormal.mu + params.serviceLogNormal.sigma * normal()) * 1000;

  // Arrivals: a Poisson process at each hour's rate.
  const issued = new Map<string, number>();
  const customers: Customer[] = [];
  for (const [i, h] of hours.entries()) {
    const perMs = ((params.arrivalsPerHour[h] ?? 0) * scale) / HOUR_MS;
    if (perMs <= 0) continue;
    for (let t = i * HOUR_MS - Math.log(1 - rnd()) / perMs; t < (i + 1) * HOUR_MS; t += -Math.log(1 - rnd()) / perMs) {
      const service = pickService();
      const prefix = branch.services.find((s) => s.id === service)!.prefix;
      const n = (issued.get(service) ?? 0) + 1;
      issued.set(service, n);
      const givesUp = rnd() < params.giveUpShare;
      customers.push({
        id: `ext-${customers.length + 1}`,
        service,
        number: `${prefix}${String(n).padStart(3, '0')}`,
        at: t,
        leavesAt: givesUp ? t - Math.log(1 - rnd()) * params.patienceMeanSec * 1000 : Infinity,
      });
    }
  }

  const events: ExternalEvent[] = customers.map((c) => ({ offsetMs: c.at, type: 'issued', externalId: c.id, service: c.service, number: c.number }));
  // Counters take the first waiting customer of their services whenever they are free and open.
  const freeAt = branch.counters.map(() => 0);
  const waiting = [...customers];
  const end = hours.length * HOUR_MS;
  while (waiting.length > 0) {
    // The counter that frees up first among those open then.
    let best = -1;
    let bestAt = Infinity;
    for (let i = 0; i < branch.counters.length; i++) {
      let t = freeAt[i]!;
      // A counter beyond the staffing of its hour waits for the next hour.
      while (i >= countersAt(t) && t < end) t = (Math.floor(t / HOUR_MS) + 1) * HOUR_MS;
      if (t < bestAt) [best, bestAt] = [i, t];
    }
    if (best < 0 || bestAt >= end + HOUR_MS) break;
    const counter = branch.counters[best]!;
    const k = waiting.findIndex((c) => counter.services.includes(c.service));
    if (k < 0) break;
    const c = waiting[k]!;
    const callAt = Math.max(bestAt, c.at + 5_000);
    // Nobody of its services is here yet: the counter waits for the next one.
    if (waiting.every((w) => !counter.services.includes(w.service) || w.at > bestAt) && c.at > bestAt) {
      freeAt[best] = c.at + 5_000;
      continue;
    }
    waiting.splice(k, 1);
    const base = { externalId: c.id, service: c.service, number: c.number, counter: counter.id };
    events.push({ ...base, offsetMs: callAt, type: 'called' });
    if (c.leavesAt < callAt) {
      events.push({ ...base, offsetMs: callAt + NO_SHOW_AFTER_MS, type: 'no_show' });
      freeAt[best] = callAt + NO_SHOW_AFTER_MS;
      continue;
    }
    if (rnd() < RECALL_SHARE) events.push({ ...base, offsetMs: callAt + 15_000, type: 'recalled' });
    const done = callAt + CALL_TO_START_MS + serviceMs();
    events.push({ ...base, offsetMs: done, type: 'served' });
    freeAt[best] = done;
  }
  if (options.counterSteps) events.push(...closings(events, branch, hours.length, countersAt));
  return events.sort((a, b) => a.offsetMs - b.offsetMs);
}

/**
 * A counter closes when its hour's staffing no longer has it, once its customer then has left, and
 * at the end of the day — unless it calls someone again before that (a service longer than the gap).
 */
function closings(events: readonly ExternalEvent[], branch: DayBranch, hourCount: number, countersAt: (t: number) => number): ExternalEvent[] {
  const out: ExternalEvent[] = [];
  for (const [i, counter] of branch.counters.entries()) {
    const mine = events.filter((e) => e.counter === counter.id && e.type !== 'issued').sort((a, b) => a.offsetMs - b.offsetMs);
    if (!mine.length) continue;
    for (let h = 1; h <= hourCount; h++) {
      const at = h * HOUR_MS;
      const staffedBefore = i < countersAt(at - 1);
      if (!staffedBefore || (h < hourCount && i < countersAt(at))) continue;
      // Its customer at the change leaves first (the end of its last call before it); it closes if it calls nobody meanwhile.
      const lastCall = mine.filter((e) => e.type === 'called' && e.offsetMs < at).at(-1);
      if (!lastCall) continue;
      const end = mine.find((e) => e.externalId === lastCall.externalId && (e.type === 'served' || e.type === 'no_show'));
      const closeAt = Math.max(at, (end?.offsetMs ?? at) + 1_000);
      const next = mine.find((e) => e.type === 'called' && e.offsetMs >= at);
      if (next && next.offsetMs <= closeAt) continue;
      const open = mine.filter((e) => e.type === 'called' && e.offsetMs < closeAt).length > mine.filter((e) => (e.type === 'served' || e.type === 'no_show') && e.offsetMs < closeAt).length;
      if (open) continue;
      out.push({ offsetMs: closeAt, type: 'counter_closed', externalId: `close-${counter.id}-${Math.round(closeAt)}`, service: '', number: '', counter: counter.id });
    }
  }
  return out;
}
