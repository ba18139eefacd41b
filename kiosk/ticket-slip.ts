import QRCode from 'qrcode';
import { loadIdentity } from '../ui/pairing/screen-identity';

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

/** The kiosk's screen token, if a manager paired it (ui/pairing/) and it is this branch's. */
export function screenToken(branchId: string): string | null {
  const id = loadIdentity();
  return id && id.branchId === branchId ? id.screenToken : null;
}
