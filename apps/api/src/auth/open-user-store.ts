import { resolve } from 'node:path';
import { openPostgresUsers } from './postgres-users.js';
import { openSqliteUsers } from './sqlite-users.js';
import type { UserStore } from './user-store.js';

/**
 * The user store a URL names, never in the log itself: by default the store's own database (the
 * same SQLite file for `sqlite:PATH`, the same database for `postgres://…`). A KurrentDB log keeps
 * its users in a database named by JALON_USERS.
 */
export async function openUserStore(url: string): Promise<UserStore> {
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/i.exec(url);
  if (sqlite) return openSqliteUsers(sqlite[1] === ':memory:' ? ':memory:' : resolve(sqlite[1]));
  if (/^postgres(?:ql)?:/i.test(url)) return openPostgresUsers(url);
  if (/^(kurrentdb|esdb)(\+discover)?:/i.test(url))
    throw new Error('users are not kept in KurrentDB: set JALON_USERS to a sqlite:PATH or postgres://… URL for them');
  throw new Error(`users: no user store for ${url.split(':')[0]}: URLs; use sqlite:PATH or postgres://…`);
}
