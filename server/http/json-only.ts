import type { RequestHandler } from 'express';
import { HttpError } from './errors';

/**
 * Commands are JSON: a body of another type is refused as such (415), not misread as an empty
 * one. "Has a body" is what HTTP says it is: a Content-Length above 0 or any Transfer-Encoding
 * (a chunked body has no length), on every method.
 */
export function jsonBodiesOnly(): RequestHandler {
  return (req, _res, next) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody && !req.is('application/json')) {
      return next(new HttpError(415, 'unsupported_media_type', 'send the body as application/json', 'Content-Type'));
    }
    next();
  };
}
