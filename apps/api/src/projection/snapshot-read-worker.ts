import { parentPort, workerData } from 'node:worker_threads';
import { bodyIntact, readSnapshotFile } from './snapshot-file.js';

/**
 * Reads a snapshot file and checks its CRC in a worker thread (snapshot-reader.ts), then hands the
 * bytes over without a copy. Any failure is sent as a message: the server then folds the log.
 */
const { path } = workerData as { path: string };
try {
  const read = await readSnapshotFile(path);
  if (read === undefined) parentPort!.postMessage({ missing: true });
  else {
    // Only a buffer that owns its whole memory can be handed over (a small file's may be pooled).
    const bytes = read.byteOffset === 0 && read.buffer.byteLength === read.length ? read : Buffer.from(read);
    const buffer = bytes.buffer as ArrayBuffer;
    parentPort!.postMessage({ buffer, intact: bodyIntact(bytes) }, [buffer]);
  }
} catch (error) {
  parentPort!.postMessage({ failed: (error as Error).message });
}
