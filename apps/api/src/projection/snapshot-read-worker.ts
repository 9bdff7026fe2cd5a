import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { readPrefix } from './snapshot-file.js';

/**
 * Reads a snapshot file and checks its CRC in a worker thread (snapshot-reader.ts), then hands the
 * bytes over without a copy. Any failure is sent as a message: the server then folds the log.
 */
const CHUNK = 8 * 1024 * 1024;

/** The file's bytes and whether its body is intact; each chunk is checksummed while the next is read. */
async function readAndCheck(path: string): Promise<{ bytes: Buffer; intact: boolean } | undefined> {
  const file = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (file === undefined) return undefined;
  try {
    const { size } = await file.stat();
    // Its own memory (never a pooled slice): it can be handed over.
    const bytes = Buffer.allocUnsafeSlow(size);
    let bodyStart = -1;
    let crc = 0;
    let done = 0;
    let next = file.read(bytes, 0, Math.min(CHUNK, size), 0);
    while (done < size) {
      const { bytesRead } = await next;
      if (bytesRead === 0) return { bytes: bytes.subarray(0, done), intact: false }; // shrank while read
      const from = done;
      done += bytesRead;
      if (done < size) next = file.read(bytes, done, Math.min(CHUNK, size - done), done);
      if (bodyStart < 0) bodyStart = bodyStartIn(bytes.subarray(0, done));
      if (bodyStart >= 0 && done > bodyStart) crc = crc32(bytes.subarray(Math.max(from, bodyStart), done), crc);
    }
    // No prefix: not a snapshot (the decoder says why).
    return { bytes, intact: bodyStart >= 0 && crc === bytes.readUInt32LE(bodyStart - 4) };
  } finally {
    await file.close();
  }
}

/** Where the body starts, once the bytes read hold the whole prefix (-1 until then, or never). */
function bodyStartIn(bytes: Buffer): number {
  try {
    return readPrefix(bytes).bodyStart;
  } catch {
    return -1;
  }
}

const { path } = workerData as { path: string };
try {
  const read = await readAndCheck(path);
  if (read === undefined) parentPort!.postMessage({ missing: true });
  else {
    const buffer = read.bytes.buffer as ArrayBuffer;
    parentPort!.postMessage({ buffer, length: read.bytes.length, intact: read.intact }, [buffer]);
  }
} catch (error) {
  parentPort!.postMessage({ failed: (error as Error).message });
}
