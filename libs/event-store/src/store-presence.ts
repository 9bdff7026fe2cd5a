import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { storeScheme, sqlitePath } from './open-store.js';

/**
 * Why the store a URL names is not there, or undefined when it is: for read-only commands, which
 * must neither create a store nor vouch for one that does not exist (`jalon verify` on a mistyped
 * path). SQLite: the file is missing or holds no event table. PostgreSQL: the database is missing
 * or holds no event table. Looks without writing anything. A KurrentDB server is taken as there
 * (its log is streams that appear on first write; the adapter reads an absent head as empty).
 */
export async function storeAbsence(url: string): Promise<string | undefined> {
  const scheme = storeScheme(url);
  if (scheme === 'sqlite:') return sqliteAbsence(sqlitePath(url, { create: false }));
  if (scheme === 'postgres:' || scheme === 'postgresql:') return postgresAbsence(url);
  return undefined;
}

function sqliteAbsence(path: string): string | undefined {
  if (path === ':memory:') return 'an in-memory database is empty by definition';
  if (!existsSync(path)) return 'no such file';
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    return table ? undefined : 'the file holds no event log';
  } catch (error) {
    return `not an SQLite event store (${(error as Error).message})`;
  } finally {
    db?.close();
  }
}

async function postgresAbsence(url: string): Promise<string | undefined> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    // invalid_catalog_name: the database does not exist. Anything else (server down, refused
    // login) is not "absent": the caller reports it as the failure it is.
    if ((error as { code?: string }).code === '3D000') return 'no such database';
    throw error;
  }
  try {
    const { rows } = await client.query<{ events: string | null }>("SELECT to_regclass('events') AS events");
    return rows[0]?.events ? undefined : 'the database holds no event log';
  } finally {
    await client.end();
  }
}
