import type { EventStore } from '@jalon/event-store';
import type { Logger } from 'pino';
import type { UserStore } from './auth/user-store.js';
import type { Config } from './config.js';
import type { ReadAuditStore } from './read-audit/read-audit-store.js';

export const CONFIG = Symbol('CONFIG');

/** What the server opens before Nest starts, handed to the DI container as values. */
export interface Runtime {
  config: Config;
  store: EventStore;
  users: UserStore;
  /** Kept with the users. */
  readAudit: ReadAuditStore;
  logger: Logger;
  /** The dashboard's built files, when they exist. */
  dashboardDir: string | undefined;
}
