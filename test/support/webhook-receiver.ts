import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** A real HTTP receiver on this machine that answers 200 and keeps what it got. */
export async function webhookReceiver() {
  const got: Received[] = [];
  const http: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  return { got, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/hooks/branchboard`, close: () => new Promise((ok) => http.close(ok)) };
}

/** Whether the X-Branchboard-Signature header (t=…,v1=HMAC-SHA256 of "t.body") is right for `secret`. */
export function signatureValid(r: Received, secret: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['x-branchboard-signature']));
  return !!m && createHmac('sha256', secret).update(`${m[1]}.${r.body}`).digest('hex') === m[2];
}
