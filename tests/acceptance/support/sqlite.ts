import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreHandle } from './server.js';

/** A fresh SQLite file in its own temp dir, removed after the server stopped. */
export function sqliteStore(): StoreHandle {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-acceptance-'));
  return { url: `sqlite:${join(dir, 'j.db')}`, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
