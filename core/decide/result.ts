import type { CommandError, ErrorKind } from '../commands';
import type { EventPayload } from '../events';

/** What a command means for the branch: events to append, or why it cannot be done. */
export type Decision = { ok: true; events: EventPayload[] } | { ok: false; error: CommandError };

export function ok(...events: EventPayload[]): Decision {
  return { ok: true, events };
}

export function err(kind: ErrorKind, code: string, message: string, field?: string): { error: CommandError } {
  return { error: { kind, code, message, ...(field ? { field } : {}) } };
}

export function fail(kind: ErrorKind, code: string, message: string, field?: string): Decision {
  return { ok: false, ...err(kind, code, message, field) };
}
