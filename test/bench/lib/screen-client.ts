import WebSocket from 'ws';

/**
 * A lobby screen as the load generator plays it: Socket.IO v4 spoken directly over `ws`
 * (engine.io open, namespace connect with `auth`, ping/pong, `42[...]` events), so one process
 * can hold ten thousand of them, and so the very same client measures Branchboard and the bare
 * `ws` reference. It keeps its branch's seq like the real screen: catch-up and events must be
 * gap-free, a gap is counted and answered with a resync, a reconnect sends `lastSeq`.
 */
export interface ScreenStats {
  /** Events that arrived with a seq other than the next one (a gap the screen had to resync). */
  gaps: number;
  duplicates: number;
  /** Connections the server turned away (`refused`: too many from the address, connecting too fast). */
  refused: number;
}

export const now = () => performance.timeOrigin + performance.now();

export class Screen {
  seq = -1;
  live = false;
  /** When the screen last became live (snapshot or catch-up received), in epoch ms. */
  liveAt = 0;
  connects = 0;
  readonly stats: ScreenStats = { gaps: 0, duplicates: 0, refused: 0 };
  private ws?: WebSocket;
  private closed = false;
  private retry?: ReturnType<typeof setTimeout>;
  /** The code of the last refusal the server sent (too_many_connections, connecting_too_fast, …). */
  private refusal?: string;

  constructor(
    readonly url: string,
    readonly branch: string,
    /** Called for each live event: (seq, arrival epoch ms). */
    private readonly onEvent: (screen: Screen, seq: number, at: number) => void = () => {},
    private readonly reconnect = false,
    /** The loopback address it connects from (127.x.y.z): a branch's screens come from a few addresses, as behind a branch's NAT, so the server's per-address limits apply as in production. */
    private readonly localAddress?: string,
  ) {}

  connect(): Promise<void> {
    this.refusal = undefined;
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false, ...(this.localAddress ? { localAddress: this.localAddress } : {}) });
      this.ws = ws;
      let settled = false;
      const settle = (err?: Error) => {
        if (settled) return;
        settled = true;
        if (err) reject(err);
        else resolve();
      };
      ws.on('message', (data: Buffer, isBinary) => {
        if (isBinary) return;
        const text = data.toString();
        const type = text.charCodeAt(0);
        if (type === 0x32 /* '2' ping */) return ws.send('3');
        if (text.startsWith('0')) {
          // As the lobby asks (display/components/bb-lobby.ts): the estimates per service, not every ticket's.
          const auth = this.seq >= 0 ? { branch: this.branch, lastSeq: this.seq, estimates: 'services' } : { branch: this.branch, estimates: 'services' };
          return ws.send(`40${JSON.stringify(auth)}`);
        }
        if (text.startsWith('42')) {
          const at = now();
          const [name, msg] = JSON.parse(text.slice(2)) as [string, Record<string, unknown>];
          this.onMessage(name, msg, at);
          if (this.live) settle();
        }
        if (text.startsWith('44')) settle(new Error(`refused: ${text}`));
      });
      ws.on('error', (err) => settle(err));
      ws.on('close', (code, reason) => {
        this.live = false;
        // Why, for the bench's error: the server's refusal if it sent one, else the close code.
        settle(new Error(`closed before live (${this.refusal ?? `close ${code}${reason.length ? ` ${reason.toString()}` : ''}`}; ${this.connects} connects before)`));
        if (this.reconnect && !this.closed) this.scheduleReconnect();
      });
    });
  }

  /** The WebSocket's state: 0 connecting (upgrade not answered), 1 open, 2–3 closing/closed. */
  get wsState(): number {
    return this.ws?.readyState ?? -1;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
    this.ws?.terminate();
  }

  /**
   * socket.io-client's own schedule with the lobby's settings (reconnectionDelay 500,
   * reconnectionDelayMax 3000, randomizationFactor 0.5; its contrib/backo2.js): 500 ms doubling,
   * ±50%, and the cap applied after the jitter — from the fourth attempt on every screen waits
   * exactly 3 s, so the screens that missed the restart come back in step.
   */
  private attempt = 0;
  private scheduleReconnect(): void {
    const ms = 500 * 2 ** this.attempt++;
    const rand = Math.random();
    const deviation = Math.floor(rand * 0.5 * ms);
    const delay = Math.min((Math.floor(rand * 10) & 1) === 0 ? ms - deviation : ms + deviation, 3000) | 0;
    this.retry = setTimeout(() => {
      this.connect().then(
        () => (this.attempt = 0),
        () => {},
      );
    }, delay);
  }

  private onMessage(name: string, msg: Record<string, unknown>, at: number): void {
    switch (name) {
      case 'snapshot': {
        this.seq = (msg.state as { seq: number }).seq;
        this.becomeLive(at);
        break;
      }
      case 'catchup': {
        for (const e of msg.events as { seq: number }[]) this.take(e.seq, at, false);
        this.becomeLive(at);
        break;
      }
      case 'event':
        this.take((msg as { seq: number }).seq, at, true);
        break;
      case 'refused':
        this.stats.refused++;
        this.refusal = `refused: ${String(msg.code)}`;
        break;
      case 'tick':
        // The heartbeat's seq ahead of ours means an event never came: ask for it.
        if ((msg as { seq: number }).seq > this.seq && this.live) this.resync();
        break;
    }
  }

  private becomeLive(at: number): void {
    if (!this.live) {
      this.live = true;
      this.liveAt = at;
      this.connects++;
    }
  }

  private take(seq: number, at: number, live: boolean): void {
    if (seq <= this.seq) {
      this.stats.duplicates++;
      return;
    }
    if (seq !== this.seq + 1) {
      this.stats.gaps++;
      this.resync();
      return;
    }
    this.seq = seq;
    if (live) this.onEvent(this, seq, at);
  }

  private resync(): void {
    this.ws?.send(`42${JSON.stringify(['resync', { lastSeq: this.seq }])}`);
  }
}
