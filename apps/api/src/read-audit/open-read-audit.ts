import { resolve } from 'node:path';
import { openPostgresReadAudit } from './postgres-read-audit.js';
import type { ReadAuditStore } from './read-audit-store.js';
import { openSqliteReadAudit } from './sqlite-read-audit.js';

/** The read audit lives where the users do (JALON_USERS; by default the log's own database). */
export async function openReadAuditStore(url: string): Promise<ReadAuditStore> {
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/i.exec(url);
  if (sqlite) return openSqliteReadAudit(sqlite[1] === ':memory:' ? ':memory:' : resolve(sqlite[1]));
  if (/^postgres(?:ql)?:/i.test(url)) return openPostgresReadAudit(url);
  throw new Error(`read audit: no store for ${url.split(':')[0]}: URLs; use sqlite:PATH or postgres://…`);
}
