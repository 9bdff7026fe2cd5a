import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readSnapshotFile } from './snapshot-file.js';

/** A snapshot file's bytes, and whether its CRC was checked (true: intact; false: not; undefined: not checked yet). */
export interface ReadSnapshot {
  bytes: Buffer;
  intact?: boolean;
}

type Reply = { missing: true } | { failed: string } | { buffer: ArrayBuffer; length: number; intact: boolean };

const WORKER = new URL('./snapshot-read-worker.js', import.meta.url);

/**
 * Reads the file (undefined when there is none) in a worker thread, its CRC checked there: hundreds
 * of MB read and checked on the other core while the server boots on this one. Where the worker's
 * script is not built (tests that run the sources), it is read here and checked on decoding.
 */
export async function readSnapshot(path: string): Promise<ReadSnapshot | undefined> {
  if (!existsSync(fileURLToPath(WORKER))) {
    const bytes = await readSnapshotFile(path);
    return bytes && { bytes };
  }
  const reply = await new Promise<Reply>((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { path } });
    worker.once('message', (message: Reply) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the snapshot reader stopped (exit ${code})`)));
  });
  if ('missing' in reply) return undefined;
  if ('failed' in reply) throw new Error(reply.failed);
  return { bytes: Buffer.from(reply.buffer, 0, reply.length), intact: reply.intact };
}
