import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { principalOf } from '../auth/principal.js';

/**
 * One line per request: method, path (no query string), status, duration and the user. Never the
 * headers (tokens), never a body (passwords, case data).
 */
export function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const user = principalOf(req)?.username;
      log.info(
        { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, user },
        'request',
      );
    });
    next();
  };
}
