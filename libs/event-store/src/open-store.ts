import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreUrlError } from './errors.js';
import type { EventStore } from './port.js';
import { openKurrentStore } from './kurrentdb-store.js';
import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';

const POSTGRES_SCHEMES = ['postgres:', 'postgresql:'];
const KURRENT_SCHEMES = ['kurrentdb:', 'kurrentdb+discover:', 'esdb:', 'esdb+discover:'];

/**
 * Opens the store a URL names (`--store`, JALON_STORE): `sqlite:PATH`, PATH relative to the
 * working directory or absolute (`sqlite://rel/x.db` and `sqlite:///abs/x.db` are read the usual
 * way too), the file's directory created when missing; or `postgres://user@host:port/database`
 * (`postgresql://` too, any libpq-style URL pg accepts), the schema created on first use; or
 * `kurrentdb://host:2113?tls=false` (`esdb://` too, `+discover` for a cluster, `&namespace=NAME` to
 * keep several logs on one server), see kurrentdb-store.ts.
 */
export async function openStore(url: string): Promise<EventStore> {
  const scheme = storeScheme(url);
  if (scheme === 'sqlite:') return openSqliteStore(sqlitePath(url));
  if (scheme !== undefined && POSTGRES_SCHEMES.includes(scheme)) return openPostgresStore(url);
  if (scheme !== undefined && KURRENT_SCHEMES.includes(scheme)) return openKurrentStore(url);
  throw new StoreUrlError(url, 'expected a URL such as sqlite:data/jalon.db, postgres://host/jalon or kurrentdb://host:2113');
}

/** The URL's scheme, lower case with its colon (`sqlite:`), or undefined when it has none. */
export function storeScheme(url: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase();
}

/** The file a `sqlite:` URL names; its directory is created unless `create` is false. */
export function sqlitePath(url: string, { create = true } = {}): string {
  let path = url.slice('sqlite:'.length);
  if (path.startsWith('//')) path = path.slice(2);
  if (path === '') throw new StoreUrlError(url, 'the sqlite: URL names no file');
  if (path === ':memory:') return path;
  const absolute = resolve(path);
  if (create) mkdirSync(dirname(absolute), { recursive: true });
  return absolute;
}
