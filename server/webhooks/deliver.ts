import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isForbiddenAddress } from './url-guard';

/** A delivery gives up after this long: a slow receiver must not hold the outbox. */
export const DELIVERY_TIMEOUT_MS = 5_000;
/** Bytes of the receiver's answer kept for the delivery log. */
const RESPONSE_KEPT = 500;

export const SIGNATURE_HEADER = 'X-Branchboard-Signature';
export const DELIVERY_HEADER = 'X-Branchboard-Delivery';
export const EVENT_HEADER = 'X-Branchboard-Event';

/**
 * The signature a receiver checks: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the
 * webhook's secret>`. The time is signed with the body, so a captured delivery cannot be replayed
 * later as a new one.
 */
export function signature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export interface DeliveryResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  response: string | null;
  ms: number;
}

/** POSTs one delivery; a 2xx answer is success, anything else (or no answer in time) a failure to retry. */
export function deliver(
  target: string,
  body: string,
  headers: { secret: string; deliveryId: string; event: string },
  allowLocal: boolean,
  now = Date.now(),
): Promise<DeliveryResult> {
  const started = Date.now();
  const done = (r: Omit<DeliveryResult, 'ms'>): DeliveryResult => ({ ...r, ms: Date.now() - started });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return resolve(done({ ok: false, status: null, error: 'invalid URL', response: null }));
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!allowLocal && isIP(host) && isForbiddenAddress(host)) {
      return resolve(done({ ok: false, status: null, error: 'loopback and link-local addresses are not allowed', response: null }));
    }
    const request = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : null;
    if (!request) return resolve(done({ ok: false, status: null, error: 'only http and https URLs', response: null }));
    const req = request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(allowLocal),
        timeout: DELIVERY_TIMEOUT_MS,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Branchboard-Webhooks/1',
          [SIGNATURE_HEADER]: signature(headers.secret, body, Math.floor(now / 1000)),
          [DELIVERY_HEADER]: headers.deliveryId,
          [EVENT_HEADER]: headers.event,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < RESPONSE_KEPT) text += chunk;
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          resolve(done({ ok, status, error: ok ? null : `HTTP ${status}`, response: text.slice(0, RESPONSE_KEPT) }));
        });
        res.on('error', (e) => resolve(done({ ok: false, status: res.statusCode ?? null, error: e.message, response: null })));
      },
    );
    // A whole-request deadline as well as the socket's idle timeout.
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS} ms`)), DELIVERY_TIMEOUT_MS);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS} ms`)));
    req.on('error', (e) => resolve(done({ ok: false, status: null, error: e.message, response: null })));
    req.on('close', () => clearTimeout(deadline));
    req.end(body);
  });
}
