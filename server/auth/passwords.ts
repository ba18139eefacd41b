import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt from node:crypto: memory-hard, no native dependency. N=2^15 takes ~50 ms here.
const PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEYLEN = 32;

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash`, so parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEYLEN, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(key, expected);
}

/** A hash of nothing, checked when the user does not exist so both cases take the same time. */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Thrown when there is no room for more password checks right now: answered 429 with a short Retry-After. */
export class HashingBusy extends Error {
  constructor(readonly why: 'address' | 'server') {
    super(why === 'address' ? 'too many logins in progress from this address' : 'the server is checking many logins');
  }
}

/**
 * Bounds the scrypt work logins may cause, so a flood of logins (unknown usernames cost a
 * hash too) cannot make a real teller wait: at most `concurrency` hashes at once, at most
 * `perAddress` in progress or waiting per client address, at most `queue` waiting in all.
 * Logins from a known device go to the front of the queue and are never refused for load.
 */
export class HashingWork {
  private running = 0;
  private readonly waiting: { priority: boolean; start: () => void }[] = [];
  private readonly perAddressNow = new Map<string, number>();
  /** The most hashes ever run at once, for tests and metrics. */
  peakRunning = 0;

  constructor(private readonly limits: { concurrency: number; perAddress: number; queue: number } = { concurrency: 2, perAddress: 8, queue: 32 }) {}

  async run<T>(address: string, priority: boolean, work: () => Promise<T>): Promise<T> {
    const mine = this.perAddressNow.get(address) ?? 0;
    if (!priority && mine >= this.limits.perAddress) throw new HashingBusy('address');
    if (!priority && this.running >= this.limits.concurrency && this.waiting.length >= this.limits.queue) throw new HashingBusy('server');
    this.perAddressNow.set(address, mine + 1);
    try {
      if (this.running >= this.limits.concurrency) {
        await new Promise<void>((start) => {
          const job = { priority, start };
          if (priority) this.waiting.splice(this.waiting.findIndex((w) => !w.priority) >>> 0, 0, job);
          else this.waiting.push(job);
        });
      } else this.running++;
      this.peakRunning = Math.max(this.peakRunning, this.running);
      try {
        return await work();
      } finally {
        const next = this.waiting.shift();
        // The slot passes straight to the next job, so `running` never dips and overshoots.
        if (next) next.start();
        else this.running--;
      }
    } finally {
      const left = (this.perAddressNow.get(address) ?? 1) - 1;
      if (left > 0) this.perAddressNow.set(address, left);
      else this.perAddressNow.delete(address);
    }
  }
}
