import type { RequestHandler } from 'express';
import { HttpError } from './errors';

/**
 * No text Branchboard keeps or looks up may hold a NUL character: PostgreSQL's text type cannot
 * store one (it fails the whole statement), and no name, id or message needs it. Refused here
 * by name, for the path and query (after percent-decoding) and for the JSON body (see `noNulInJson`),
 * so that both stores answer the same 400 instead of one of them a 500.
 */
export function noNulInUrl(): RequestHandler {
  return (req, _res, next) => {
    const [path, query = ''] = req.originalUrl.split('?', 2) as [string, string?];
    if (holdsNul(path)) return next(new HttpError(400, 'invalid', 'the path holds a NUL character', 'path'));
    if (holdsNul(query)) return next(new HttpError(400, 'invalid', 'the query holds a NUL character', 'query'));
    next();
  };
}

/**
 * Thrown from the JSON reviver; body-parser passes it on as its parse error (after deleting its
 * own properties but the message, hence the field read back from the message).
 */
export class NulInBody extends SyntaxError {
  constructor(field: string) {
    super(`${field}: holds a NUL character`);
  }
  get field(): string {
    return this.message.slice(0, this.message.lastIndexOf(': holds a NUL character'));
  }
}

/** For express.json's reviver: a string (key or value) with a NUL fails the body, naming its key. */
export function noNulInJson(key: string, value: unknown): unknown {
  if ((typeof value === 'string' && value.includes('\u0000')) || key.includes('\u0000')) {
    throw new NulInBody(key.replace(/\u0000/g, '\\0') || 'body');
  }
  return value;
}

const holdsNul = (part: string): boolean => part.includes('\u0000') || /%00/i.test(part);
