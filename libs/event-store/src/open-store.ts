import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreUrlError } from './errors.js';
import type { EventStore } from './port.js';
import { openSqliteStore } from './sqlite-store.js';

const LATER_SCHEMES = ['postgres:', 'postgresql:', 'kurrentdb:', 'esdb:'];

/**
 * Opens the store a URL names (`--store`, JALON_STORE): `sqlite:PATH`, PATH relative to the
 * working directory or absolute (`sqlite://rel/x.db` and `sqlite:///abs/x.db` are read the usual
 * way too). The file's directory is created when missing.
 */
export async function openStore(url: string): Promise<EventStore> {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase();
  if (scheme === 'sqlite:') return openSqliteStore(sqlitePath(url));
  if (scheme !== undefined && LATER_SCHEMES.includes(scheme)) {
    throw new StoreUrlError(url, 'postgres:// and kurrentdb:// stores come later; use sqlite:PATH for now');
  }
  throw new StoreUrlError(url, 'expected a URL such as sqlite:data/jalon.db');
}

function sqlitePath(url: string): string {
  let path = url.slice('sqlite:'.length);
  if (path.startsWith('//')) path = path.slice(2);
  if (path === '') throw new StoreUrlError(url, 'the sqlite: URL names no file');
  if (path === ':memory:') return path;
  const absolute = resolve(path);
  mkdirSync(dirname(absolute), { recursive: true });
  return absolute;
}
