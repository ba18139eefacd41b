import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * What one client may cost the stream (issue 10, finding 6): a 30-byte resync could ask for a
 * whole snapshot, so answers are rationed per connection and per address, and an address may
 * hold only so many sockets. Screens resync rarely (after a gap, a reconnect) and ask again on
 * the next heartbeat when turned down, so a legitimate screen never notices.
 */
export interface StreamLimitOptions {
  /** Sockets one address may hold at once (a branch's TVs, tablets and guests' phones behind one NAT). */
  socketsPerAddress: number;
  /** New connections one address may open: a burst, then one per `connectEveryMs`. */
  connectBurst: number;
  connectEveryMs: number;
  /** Resync answers per connection: a burst, then one per `resyncEveryMs`. */
  resyncBurst: number;
  resyncEveryMs: number;
  /** Resync answers per address, across its sockets. */
  addressResyncBurst: number;
  addressResyncEveryMs: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimitOptions = {
  socketsPerAddress: 100,
  connectBurst: 100,
  connectEveryMs: 1_000,
  resyncBurst: 3,
  resyncEveryMs: 2_000,
  addressResyncBurst: 60,
  addressResyncEveryMs: 500,
};

/** A token bucket: `burst` at once, then one more every `everyMs`. */
export class Bucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly burst: number,
    private readonly everyMs: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.at) / this.everyMs);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether it is full again, so the bucket can be forgotten. */
  full(now: number): boolean {
    return this.tokens + (now - this.at) / this.everyMs >= this.burst;
  }
}

interface AddressUse {
  sockets: number;
  connects: Bucket;
  resyncs: Bucket;
}

export class StreamLimits {
  private readonly byAddress = new Map<string, AddressUse>();
  private readonly trust: (addr: string, i: number) => boolean;

  constructor(
    trustProxy: false | string[],
    readonly options: StreamLimitOptions = DEFAULT_STREAM_LIMITS,
  ) {
    // The same rule as Express's `trust proxy`: X-Forwarded-For counts only from the proxies named.
    this.trust = proxyaddr.compile(trustProxy || []);
  }

  /** The client address of a socket's handshake request, as the HTTP limits see it. */
  addressOf(req: IncomingMessage): string {
    try {
      return proxyaddr(req, this.trust);
    } catch {
      return req.socket?.remoteAddress ?? 'unknown';
    }
  }

  /** A new socket from `address`: null when admitted (call `release` when it goes), else why not. */
  admit(address: string, now: number): 'too_many_connections' | 'connecting_too_fast' | null {
    const use = this.use(address, now);
    if (use.sockets >= this.options.socketsPerAddress) return 'too_many_connections';
    if (!use.connects.take(now)) return 'connecting_too_fast';
    use.sockets++;
    return null;
  }

  release(address: string, now: number): void {
    const use = this.byAddress.get(address);
    if (!use) return;
    use.sockets = Math.max(0, use.sockets - 1);
    if (use.sockets === 0 && use.connects.full(now) && use.resyncs.full(now)) this.byAddress.delete(address);
  }

  /** A fresh per-connection resync allowance. */
  connectionBucket(now: number): Bucket {
    return new Bucket(this.options.resyncBurst, this.options.resyncEveryMs, now);
  }

  /** Whether a resync on this connection from this address is answered now. */
  mayResync(connection: Bucket, address: string, now: number): boolean {
    if (!connection.take(now)) return false;
    return this.use(address, now).resyncs.take(now);
  }

  /** Forgets addresses with no socket and nothing left to refill. */
  sweep(now: number): void {
    for (const [address, use] of this.byAddress) if (use.sockets === 0 && use.connects.full(now) && use.resyncs.full(now)) this.byAddress.delete(address);
  }

  /** Addresses currently tracked (for tests and metrics). */
  get trackedAddresses(): number {
    return this.byAddress.size;
  }

  private use(address: string, now: number): AddressUse {
    let use = this.byAddress.get(address);
    if (!use) {
      const o = this.options;
      use = { sockets: 0, connects: new Bucket(o.connectBurst, o.connectEveryMs, now), resyncs: new Bucket(o.addressResyncBurst, o.addressResyncEveryMs, now) };
      this.byAddress.set(address, use);
    }
    return use;
  }
}
