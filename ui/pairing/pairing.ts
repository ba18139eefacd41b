import type { PairingClaim, PairingTicket, ScreenKind } from '../../core/client';

/** A new TV's or kiosk's side of pairing (POST /api/screen-pairings, then …/claim until a manager enters the code). */

export async function requestPairing(kind: ScreenKind = 'lobby', version?: string): Promise<PairingTicket> {
  const res = await fetch('/api/screen-pairings', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ kind, ...(version ? { version } : {}) }),
  });
  const body = (await res.json().catch(() => null)) as (PairingTicket & { ok?: boolean }) | null;
  if (!res.ok || !body?.code) throw new Error(`pairing: HTTP ${res.status}`);
  return body;
}

/** The claim's answer; `expired` when the code is no longer valid (ask for a new one). */
export async function claimPairing(pairingToken: string): Promise<PairingClaim | { status: 'expired' }> {
  const res = await fetch('/api/screen-pairings/claim', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ pairingToken }),
  });
  if (res.status === 404) return { status: 'expired' };
  const body = (await res.json().catch(() => null)) as PairingClaim | null;
  if (!res.ok || !body) throw new Error(`claim: HTTP ${res.status}`);
  return body;
}
