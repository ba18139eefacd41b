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

/** The kiosk's identity, if a manager paired it: the screen token it keeps (see server/http/kiosk-identity.ts). */
export const SCREEN_TOKEN_KEY = 'branchboard.screenToken';

export function screenToken(): string | null {
  try {
    return localStorage.getItem(SCREEN_TOKEN_KEY);
  } catch {
    return null;
  }
}
