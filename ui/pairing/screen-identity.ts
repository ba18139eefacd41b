/**
 * What a paired lobby TV or kiosk remembers: its screen token and its branch. Kept in localStorage, so a
 * TV that restarts comes back as the same screen without a new pairing.
 */
export interface ScreenIdentity {
  screenToken: string;
  branchId: string;
  name: string;
}

const KEY = 'branchboard.screen';

export function loadIdentity(): ScreenIdentity | null {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Partial<ScreenIdentity> | null;
    return v && typeof v.screenToken === 'string' && typeof v.branchId === 'string' ? { screenToken: v.screenToken, branchId: v.branchId, name: String(v.name ?? '') } : null;
  } catch {
    return null;
  }
}

export function saveIdentity(id: ScreenIdentity | null): void {
  try {
    if (id) globalThis.localStorage?.setItem(KEY, JSON.stringify(id));
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    /* a TV without storage pairs again after a restart */
  }
}
