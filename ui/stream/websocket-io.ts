/**
 * The part of socket.io-client a lobby screen uses, spoken straight over the browser's WebSocket:
 * Engine.IO protocol 4 on its WebSocket transport (one packet a frame: `0` open, `2` ping answered
 * `3`, `1` close, `4` message) carrying Socket.IO protocol 5 packets of the main namespace (`0`
 * connect with the auth, `1` disconnect, `2` event, `4` connect error). The lobby build gets it in
 * place of socket.io-client (scripts/vite/lobby-socket.ts): the same calls, about a tenth of the
 * bytes (issue 9). Not here, because the lobby sends and receives none of them: long-polling,
 * binary packets, acknowledgements, other namespaces, a buffer of what is emitted while offline
 * (the stream resyncs from its seq when it connects again).
 *
 * Reconnecting follows the Manager's rules: after a lost link (transport closed or failed, ping
 * timeout) it tries again after `reconnectionDelay`, doubling to `reconnectionDelayMax`, ±50%;
 * not after the server disconnected it (`io server disconnect`), nor after a connect error from
 * a server middleware (`active` is then false), nor after `disconnect()`.
 */

type Listener = (...args: any[]) => void;

export interface LiteSocketOptions {
  auth?: Record<string, unknown> | ((cb: (auth: Record<string, unknown>) => void) => void);
  reconnectionDelay?: number;
  reconnectionDelayMax?: number;
  /** Accepted for socket.io-client's sake: this client has only the WebSocket. */
  transports?: string[];
  path?: string;
}

class Listeners {
  private readonly map = new Map<string, Listener[]>();

  on(event: string, fn: Listener): this {
    this.map.set(event, [...(this.map.get(event) ?? []), fn]);
    return this;
  }

  off(event: string, fn: Listener): this {
    this.map.set(event, (this.map.get(event) ?? []).filter((f) => f !== fn));
    return this;
  }

  removeAllListeners(): this {
    this.map.clear();
    return this;
  }

  protected fire(event: string, args: unknown[]): void {
    for (const fn of this.map.get(event) ?? []) fn(...args);
  }
}

/** What socket.io-client calls the Manager: here only its `reconnect_attempt` event. */
class LiteManager extends Listeners {
  attempt(n: number): void {
    this.fire('reconnect_attempt', [n]);
  }
}

export class LiteSocket extends Listeners {
  readonly io = new LiteManager();
  connected = false;
  /** True while it connects or will reconnect by itself (socket.io-client's `active`). */
  active = false;
  private ws?: WebSocket;
  private attempts = 0;
  private retry?: ReturnType<typeof setTimeout>;
  private pingDeadline?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly url: string,
    private readonly opts: LiteSocketOptions,
  ) {
    super();
    this.connect();
  }

  connect(): this {
    if (this.ws) return this;
    clearTimeout(this.retry);
    this.active = true;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onmessage = (m) => this.onPacket(String(m.data));
    ws.onclose = () => this.lost(this.connected ? 'transport close' : 'websocket error');
    ws.onerror = () => {}; // `close` follows and says it
    return this;
  }

  disconnect(): this {
    if (this.connected) this.send('41');
    this.active = false;
    this.drop('io client disconnect');
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    if (this.connected) this.send('42' + JSON.stringify([event, ...args]));
    return this;
  }

  private send(packet: string): void {
    if (this.ws?.readyState === 1) this.ws.send(packet);
  }

  private onPacket(p: string): void {
    const engine = p[0];
    if (engine === '0') {
      const { pingInterval, pingTimeout } = JSON.parse(p.slice(1)) as { pingInterval: number; pingTimeout: number };
      this.pingWindow = pingInterval + pingTimeout;
      this.heard();
      const { auth } = this.opts;
      const withAuth = (a?: Record<string, unknown>) => this.send('40' + (a ? JSON.stringify(a) : ''));
      if (typeof auth === 'function') auth(withAuth);
      else withAuth(auth);
    } else if (engine === '2') {
      this.heard();
      this.send('3');
    } else if (engine === '1') {
      this.lost('transport close');
    } else if (engine === '4') {
      const type = p[1];
      // Namespace "/" only: a packet for another one would start `/name,` after its type.
      const body = p.slice(2);
      if (type === '0') {
        this.connected = true;
        this.attempts = 0;
        this.fire('connect', []);
      } else if (type === '1') {
        this.active = false;
        this.drop('io server disconnect');
      } else if (type === '2') {
        const [event, ...args] = JSON.parse(body.slice(body.indexOf('['))) as [string, ...unknown[]];
        this.fire(event, args);
      } else if (type === '4') {
        const { message, data } = JSON.parse(body) as { message: string; data?: unknown };
        this.active = false;
        this.drop(null);
        this.fire('connect_error', [Object.assign(new Error(message), { data })]);
      }
    }
  }

  private pingWindow = 0;

  /** The server pings every pingInterval and waits pingTimeout for the answer: silent longer, the link is dead. */
  private heard(): void {
    clearTimeout(this.pingDeadline);
    this.pingDeadline = setTimeout(() => this.lost('ping timeout'), this.pingWindow);
  }

  /** Closes the WebSocket without it calling back; says `disconnect` (with why) if the socket was connected. */
  private drop(reason: string | null): void {
    clearTimeout(this.pingDeadline);
    clearTimeout(this.retry);
    const ws = this.ws;
    this.ws = undefined;
    if (ws) {
      ws.onclose = ws.onmessage = ws.onerror = null;
      ws.close();
    }
    const was = this.connected;
    this.connected = false;
    if (was && reason) this.fire('disconnect', [reason]);
  }

  /** The link failed or closed under us: say so, then try again later (the Manager's backoff). */
  private lost(reason: string): void {
    const was = this.connected;
    this.drop(reason);
    if (!was) this.fire('connect_error', [new Error(reason)]);
    if (!this.active) return;
    const { reconnectionDelay: min = 1_000, reconnectionDelayMax: max = 5_000 } = this.opts;
    const base = min * 2 ** this.attempts++;
    const delay = Math.min(max, base + (Math.random() - 0.5) * base);
    this.retry = setTimeout(() => {
      this.io.attempt(this.attempts);
      this.connect();
    }, delay);
  }
}

/** `io(options)` connects to this page's own server, `io(url, options)` to that one (http(s) or ws(s)). */
export function io(urlOrOpts?: string | LiteSocketOptions, maybeOpts?: LiteSocketOptions): LiteSocket {
  const opts = (typeof urlOrOpts === 'object' ? urlOrOpts : maybeOpts) ?? {};
  const base = new URL(typeof urlOrOpts === 'string' ? urlOrOpts : location.href);
  const scheme = base.protocol === 'https:' || base.protocol === 'wss:' ? 'wss' : 'ws';
  return new LiteSocket(`${scheme}://${base.host}${opts.path ?? '/socket.io/'}?EIO=4&transport=websocket`, opts);
}
