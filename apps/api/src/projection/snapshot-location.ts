import { join } from 'node:path';
import { sqlitePath, storeScheme } from '@jalon/event-store';

/** Where snapshots go, as the configuration says (README, "Read-model snapshots"). */
export type SnapshotPlace =
  | { kind: 'file'; path: string }
  /** One file per log in a directory, named after the log's first event (its identity). */
  | { kind: 'dir'; dir: string }
  | { kind: 'none'; why: string };

export function snapshotPlace(store: string, snapshot: { enabled: boolean; dir: string | undefined }): SnapshotPlace {
  if (!snapshot.enabled) return { kind: 'none', why: 'JALON_SNAPSHOT=off' };
  if (snapshot.dir !== undefined) return { kind: 'dir', dir: snapshot.dir };
  if (storeScheme(store) !== 'sqlite:') return { kind: 'none', why: 'a store other than SQLite needs JALON_SNAPSHOT_DIR' };
  const path = sqlitePath(store, { create: false });
  if (path === ':memory:') return { kind: 'none', why: 'an in-memory store' };
  return { kind: 'file', path: `${path}.snapshot` };
}

/** The file of one log in a snapshot directory; the first event's hash is that log's identity. */
export function fileInDir(dir: string, firstHash: string): string {
  return join(dir, `jalon-${firstHash.slice(0, 32)}.snapshot`);
}
