/**
 * A new Idempotency-Key for one user action. crypto.randomUUID needs a secure context; a kiosk or a
 * phone on plain http over the branch's LAN may not have one, getRandomValues works everywhere.
 * (The tablet's admin/lib/api.ts has the same; this is the shared one for the other front ends.)
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
