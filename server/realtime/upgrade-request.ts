import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { SESSION_COOKIE } from '../auth/sessions';

/**
 * What a connection keeps of the HTTP request that opened it. Socket.IO keeps that request for
 * the connection's whole life (headers, URL, its stream state: about a kilobyte, more from a
 * browser), and its documentation ("Memory usage") says to drop it where nothing needs it. Here
 * only the staff feed does (it reads the session cookie, possibly later on the same connection),
 * so a connection that came without a session cookie — a lobby TV, a kiosk, a customer's phone —
 * lets it go. Its client address is taken first: the stream's per-address limits need it.
 */
export function keepsRequest(req: IncomingMessage): boolean {
  const cookie = req.headers.cookie;
  return cookie !== undefined && parseCookies(cookie)[SESSION_COOKIE] !== undefined;
}

/**
 * Empties the request and unhooks it from the connection. engine.io's upgrade answer still
 * reaches the request object from the TCP socket's close listener, so its contents go too.
 */
export function forgetRequest(raw: { request: IncomingMessage | null }): void {
  const req = raw.request;
  if (!req) return;
  raw.request = null;
  req.headers = NO_HEADERS;
  req.headersDistinct = NO_HEADERS as IncomingMessage['headersDistinct'];
  req.rawHeaders = NO_RAW_HEADERS;
  req.url = '';
  (req as { _query?: unknown })._query = undefined;
}

/** Shared by every emptied request: nothing is allocated per connection to forget it. */
const NO_HEADERS = Object.freeze({}) as IncomingMessage['headers'];
const NO_RAW_HEADERS = Object.freeze([]) as unknown as string[];
