import { Agent, request } from 'node:http';
import { randomUUID } from 'node:crypto';

/** A keep-alive HTTP client for the load: node's own http, lighter than fetch at thousands a second. */
export class HttpClient {
  private readonly agent: Agent;
  constructor(
    readonly base: string,
    maxSockets = 64,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  post(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    const url = new URL(path, this.base);
    return new Promise((ok, fail) => {
      const req = request(
        url,
        { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => ok({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  }

  /** A kiosk ticket on `branch`: the command every bench uses (public, one event, no login). */
  async ticket(branch: string): Promise<number> {
    const key = randomUUID();
    const send = () => this.post(`/api/branches/${branch}/tickets`, '{"service":"teller"}', { 'idempotency-key': key });
    // A kept-alive connection the server closed while idle (its 5 s keep-alive timeout) resets on
    // reuse: send again, with the same key, so it is still one ticket. After a pause all of the
    // agent's sockets are stale at once, so the next one tried may be too: a few tries.
    const retry = (tries: number) => (err: NodeJS.ErrnoException): Promise<{ status: number; body: string }> => {
      if (tries > 0 && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) return send().catch(retry(tries - 1));
      throw err;
    };
    const res = await send().catch(retry(4));
    if (res.status !== 201) throw new Error(`ticket on ${branch}: ${res.status} ${res.body}`);
    return (JSON.parse(res.body) as { seq: number }).seq;
  }

  close(): void {
    this.agent.destroy();
  }
}

export const pct = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
