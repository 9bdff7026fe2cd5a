import type { INestApplication } from '@nestjs/common';
import type { Express, NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { requestLog } from '../logging/request-log.js';
import { answerClientErrors } from './client-error.js';
import { jsonBody } from './json-body.js';

/** Routes that read their own (large, not JSON) bodies: the log import and sheets. */
const OWN_BODY_PATH = /^\/api\/v1\/(events\/import|sheets\/[^/]+)\/?$/i;

/** Express settings and middleware that run before Nest's routes. No CORS: closed by default. */
export function configureHttp(app: INestApplication, log: Logger): void {
  const express = app.getHttpAdapter().getInstance() as Express;
  express.disable('x-powered-by');
  answerClientErrors(app.getHttpServer());
  // The server speaks plain HTTP (TLS, if any, ends at a proxy): upgrading the dashboard's requests
  // to https would break it when it is reached by address on a local network.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(requestLog(log));
  // API answers may hold case data: no shared or browser cache keeps them.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api/v1/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // The import and sheet routes read their (large, not JSON) bodies themselves, after the guard has let it in. Express
  // routes ignore case and a trailing slash: so must this test, or the route would get a drained body.
  app.use(jsonBody((req: Request) => req.method === 'POST' && OWN_BODY_PATH.test(req.path)));
}
