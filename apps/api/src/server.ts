import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { DEMO_RECORDED_BY } from '@jalon/domain';
import { openStore, StoreNotEmptyError, type EventStore } from '@jalon/event-store';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { createFirstUsers, formatFirstUsers } from './auth/first-users.js';
import { PASSWORD_MIN } from './auth/passwords.js';
import { openUserStore } from './auth/open-user-store.js';
import type { UserStore } from './auth/user-store.js';
import { readConfig, type Config, type ServerOptions } from './config.js';
import { loadDemo } from './demo/load-demo.js';
import { configureHttp } from './http/configure-http.js';
import { createLogger } from './logging/logger.js';
import { NestPinoLogger } from './logging/nest-logger.js';
import { setupOpenApi } from './openapi/openapi.js';
import { Projector } from './projection/projector.js';
import { openReadAuditStore } from './read-audit/open-read-audit.js';
import type { ReadAuditStore } from './read-audit/read-audit-store.js';

export type { ServerOptions } from './config.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Opens the store, loads the demo into an empty log, creates the first users, serves, and once the
 * read models have caught up prints `jalon listening on http://localhost:<port>` (scripts and
 * tests wait for that line).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = readConfig(options);
  const logger = createLogger(config.logLevel, config.log);
  const store = await openStore(config.store);
  let users: UserStore | undefined;
  let readAudit: ReadAuditStore | undefined;
  try {
    users = await openUserStore(config.users);
    readAudit = await openReadAuditStore(config.users);
    await prepareData(config, store, users, logger);
    return await serve(config, store, { users, readAudit }, logger);
  } catch (error) {
    await readAudit?.close();
    await users?.close();
    await store.close();
    throw error;
  }
}

async function prepareData(config: Config, store: EventStore, users: UserStore, logger: Logger): Promise<void> {
  if (config.demo && (await store.head()).position === 0) {
    try {
      const { events, head } = await loadDemo(store);
      logger.info({ events, head: head.hash }, 'demo history loaded');
    } catch (error) {
      // Another process sharing the store (scale-out) loaded it first: the demo goes in as one
      // import transaction, refused whole on a log that is no longer empty, so this one wrote nothing.
      if (!(error instanceof StoreNotEmptyError)) throw error;
      logger.info('another process is loading the demo history');
    }
  }
  const first = await store.readAll({ after: 0, limit: 1 });
  const created = await createFirstUsers(users, {
    adminPassword: config.adminPassword,
    demoUsers: first[0]?.metadata.recordedBy === DEMO_RECORDED_BY,
  });
  const weak = config.adminPassword !== undefined && config.adminPassword.length < PASSWORD_MIN;
  if (created.length > 0) process.stdout.write(formatFirstUsers(created, weak));
  else if (config.adminPassword !== undefined) logger.warn('users exist already: JALON_ADMIN_PASSWORD is ignored');
}

async function serve(
  config: Config,
  store: EventStore,
  { users, readAudit }: { users: UserStore; readAudit: ReadAuditStore },
  logger: Logger,
): Promise<RunningServer> {
  const runtime = { config, store, users, readAudit, logger, dashboardDir: dashboardDir() };
  const app = await NestFactory.create(AppModule.forRoot(runtime), {
    bodyParser: false,
    forceCloseConnections: true,
    logger: new NestPinoLogger(logger),
  });
  configureHttp(app, logger);
  setupOpenApi(app);
  let port: number;
  try {
    await app.listen(config.port);
    port = (app.getHttpServer().address() as AddressInfo).port;
    await app.get(Projector).start();
  } catch (error) {
    await app.close();
    throw error;
  }
  const url = `http://localhost:${port}`;
  process.stdout.write(`jalon listening on ${url}\n`);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await app.close();
      await readAudit.close();
      await users.close();
      await store.close();
    })());
  return { url, port, close };
}

/** apps/dashboard/dist beside this package, if it has been built. */
function dashboardDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../dashboard/dist/', import.meta.url));
  return existsSync(`${dir}index.html`) ? dir : undefined;
}
