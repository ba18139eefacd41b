import type { Socket } from 'socket.io-client';
import { SCREEN_REPORT_MS, type ScreenReport, type ScreenSound, type ServerToScreen } from '../../core/client';

/** The screen app's version, as the console lists it. */
export const SCREEN_VERSION = '0.1.0';
/** Several renders in a row are one report. */
const REPORT_SETTLE_MS = 1_000;

export interface ScreenLinkHandlers {
  onIdentify(name: string, seconds: number): void;
  onUnpaired(): void;
  /** The screen's own sound settings, from the console. */
  onSound?(sound: ScreenSound): void;
  /** Whether its sound works now, for the report (undefined while it is still starting). */
  soundReport?(): ScreenReport['sound'];
}

/**
 * A paired screen's side of its socket: reports what it has on screen (the seq it rendered, its
 * version, errors) when that changes and at least every SCREEN_REPORT_MS, so the console can
 * tell a live screen from a stuck one; and obeys "reload", "identify" and "unpaired".
 */
export class ScreenLink {
  private socket?: Socket;
  private renderedSeq = 0;
  private reportedSeq = -1;
  private reportedSound = 'null';
  private errors: { at: number; message: string }[] = [];
  private timer?: ReturnType<typeof setInterval>;
  private settle?: ReturnType<typeof setTimeout>;

  constructor(private readonly handlers: ScreenLinkHandlers) {
    globalThis.addEventListener?.('error', this.onError);
  }

  attach(socket: Socket): void {
    this.socket = socket;
    const s = socket as unknown as Socket<ServerToScreen>;
    s.on('reload', () => globalThis.location?.reload());
    s.on('identify', ({ name, seconds }) => this.handlers.onIdentify(String(name), Number(seconds) || 10));
    s.on('unpaired', () => this.handlers.onUnpaired());
    s.on('sound', (sound) => this.handlers.onSound?.(sound && typeof sound === 'object' ? sound : {}));
    socket.on('connect', () => this.report());
    clearInterval(this.timer);
    this.timer = setInterval(() => this.report(), SCREEN_REPORT_MS);
  }

  /** The seq now on screen; reported once the screen has settled. */
  rendered(seq: number): void {
    this.renderedSeq = seq;
    if (seq === this.reportedSeq || this.settle) return;
    this.settle = setTimeout(() => {
      this.settle = undefined;
      this.report();
    }, REPORT_SETTLE_MS);
  }

  /** Its sound started working, or stopped: said at once (after the same settling), not at the next 15 s. */
  soundChanged(): void {
    const now = JSON.stringify(this.handlers.soundReport?.() ?? null);
    if (now === this.reportedSound || this.settle) return;
    this.settle = setTimeout(() => {
      this.settle = undefined;
      this.report();
    }, REPORT_SETTLE_MS);
  }

  close(): void {
    clearInterval(this.timer);
    clearTimeout(this.settle);
    globalThis.removeEventListener?.('error', this.onError);
  }

  private report(): void {
    if (!this.socket?.connected) return;
    const sound = this.handlers.soundReport?.();
    const msg: ScreenReport = {
      renderedSeq: this.renderedSeq,
      version: SCREEN_VERSION,
      ...(this.errors.length ? { errors: this.errors.slice(-10) } : {}),
      ...(sound ? { sound } : {}),
    };
    this.socket.emit('report', msg);
    this.reportedSeq = this.renderedSeq;
    this.reportedSound = JSON.stringify(sound ?? null);
    this.errors = [];
  }

  private readonly onError = (e: ErrorEvent): void => {
    this.errors.push({ at: Date.now(), message: String(e.message ?? e).slice(0, 300) });
  };
}
