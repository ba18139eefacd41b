import { NulInBody } from './no-nul';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { CommandError, ErrorKind } from '../../core';
import { isStoreFailure, UnstorableText } from '../store/sql';

/** The only place a domain error becomes an HTTP status. */
export const STATUS_OF: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  throttled: 429,
};

/** An error with the status and the uniform `{ok: false, error}` body it becomes. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  static from(e: CommandError): HttpError {
    return new HttpError(STATUS_OF[e.kind], e.code, e.message, e.field);
  }
}

export function sendError(res: Response, status: number, code: string, message: string, field?: string): void {
  res.status(status).json({ ok: false, error: { code, message, ...(field ? { field } : {}) } });
}

/** Parses input with a zod schema; a failure becomes a 400 naming the first failing field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, where = ''): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])].map(String).join('.');
  const field = [where, path].filter(Boolean).join('.') || 'body';
  throw new HttpError(400, 'invalid', `${field ?? 'body'}: ${issue.message}`, field);
}

/** The last stop for errors: known ones get their status, body-parser's get 400/413, the rest 500 with a log line. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message, err.field);
    if (err instanceof UnstorableText) return sendError(res, 400, 'invalid_text', err.message);
    const type = (err as { type?: string }).type;
    if (err instanceof NulInBody) return sendError(res, 400, 'invalid', err.message, err.field);
    if (type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', 'the body is not valid JSON', 'body');
    if (type === 'entity.too.large') return sendError(res, 413, 'too_large', 'the body is too large', 'body');
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendError(res, 415, 'unsupported_encoding', 'send UTF-8 JSON', 'body');
    }
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendError(res, status, 'bad_request', (err as Error).message);
    }
    if (isStoreFailure(err)) {
      log.error({ err }, 'the database failed a request');
      res.setHeader('Retry-After', '2');
      return sendError(res, 503, 'store_unavailable', 'the database did not take this just now: retry with the same Idempotency-Key');
    }
    log.error({ err }, 'unhandled error');
    sendError(res, 500, 'internal', 'something went wrong on our side');
  };
}
