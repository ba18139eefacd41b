import QRCode from 'qrcode';

/** A ticket just taken at the kiosk: what the screen shows and the printer prints. */
export interface TakenTicket {
  id: string;
  number: string;
  service: string;
  issuedAt: number;
  /** The phone ticket's address (/t/<token>) for the QR code; '' when phones cannot reach this server. */
  phoneUrl: string;
}

/** The phone ticket's QR code as an <img> source: SVG made here from our own URL, never markup injected. */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * The kiosk's identity, if a manager paired it (a screen of kind "kiosk", server/http/kiosk-identity.ts):
 * the screen token, kept as a paired screen keeps it (display/lib/screen-identity.ts: localStorage
 * "branchboard.screen" = {screenToken, branchId, name}), when it is this branch's.
 */
export const SCREEN_IDENTITY_KEY = 'branchboard.screen';

export function screenToken(branchId: string): string | null {
  try {
    const v = JSON.parse(localStorage.getItem(SCREEN_IDENTITY_KEY) ?? 'null') as { screenToken?: unknown; branchId?: unknown } | null;
    return v && typeof v.screenToken === 'string' && v.branchId === branchId ? v.screenToken : null;
  } catch {
    return null;
  }
}
