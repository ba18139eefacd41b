import { createHash } from 'node:crypto';
import type { BranchEvent } from '../../core';

/**
 * The hash chain over a branch's log: each link is SHA-256 of the previous link (hex) and the
 * event as canonical JSON (keys sorted at every level, no spaces), so changing, dropping or
 * reordering any event changes every link after it. Link 0 is the empty string.
 *
 *   link(n) = hex(sha256(link(n-1) + "\n" + canonical(event n)))
 *
 * A signed replay carries the link of its last event; anyone holding the log can recompute it.
 */
export const CHAIN_START = '';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function nextLink(previous: string, event: BranchEvent): string {
  return createHash('sha256').update(`${previous}\n${canonicalJson(event)}`).digest('hex');
}

/** The link after folding `events` (in seq order) onto `previous`. */
export function chainOver(previous: string, events: readonly BranchEvent[]): string {
  let link = previous;
  for (const e of events) link = nextLink(link, e);
  return link;
}
