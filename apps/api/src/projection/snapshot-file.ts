import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { DefaultDeserializer, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { SnapshotHead } from './snapshot-part.js';

/**
 * A read-model snapshot file: `JALONRMS`, a format version (u32), the length of a JSON header
 * (u32), the header (position, hash, part names), the CRC-32 of the body (u32), then the body:
 * v8.serialize of the parts' states by name. The header is read first, so a stale snapshot is
 * told before its body is decoded; the CRC catches a torn or altered body.
 */
const MAGIC = Buffer.from('JALONRMS');
/** Raised whenever a part's saved form changes: an older file is then refolded, never misread. */
export const SNAPSHOT_FORMAT = 2;

export interface SnapshotHeader extends SnapshotHead {
  parts: string[];
}

/** Why a file cannot be taken (logged, then the log is folded from scratch). */
export class SnapshotUnreadable extends Error {}

/** The file's bytes as two pieces, written one after the other: no copy of a body of hundreds of MB. */
export function encodeSnapshot(head: SnapshotHead, states: Record<string, unknown>): [prefix: Buffer, body: Buffer] {
  const body = serialize(states);
  return [snapshotPrefix(head, Object.keys(states), crc32(body)), body];
}

/** What comes before the body: magic, format, header and the body's CRC-32. */
export function snapshotPrefix(head: SnapshotHead, parts: string[], bodyCrc: number): Buffer {
  const header = Buffer.from(JSON.stringify({ position: head.position, hash: head.hash, parts }));
  const fixed = Buffer.alloc(MAGIC.length + 8);
  MAGIC.copy(fixed);
  fixed.writeUInt32LE(SNAPSHOT_FORMAT, MAGIC.length);
  fixed.writeUInt32LE(header.length, MAGIC.length + 4);
  const check = Buffer.alloc(4);
  check.writeUInt32LE(bodyCrc);
  return Buffer.concat([fixed, header, check]);
}

/** Checksum pieces: a CRC-32 of hundreds of MB in one go would hold every request for a second. */
const CRC_PIECE = 8 * 1024 * 1024;

/** The CRC-32 of `bytes`, computed a piece per turn of the event loop. */
export async function crc32InTurns(bytes: Buffer): Promise<number> {
  let crc = 0;
  for (let at = 0; at < bytes.length; at += CRC_PIECE) {
    crc = crc32(bytes.subarray(at, at + CRC_PIECE), crc);
    await nextTurn();
  }
  return crc;
}

/**
 * The header, and a function that decodes the body, checked against its CRC unless `checked` says
 * that was done already (snapshot-reader.ts checks it in a worker thread while the server boots).
 */
export function decodeSnapshot(bytes: Buffer, { checked = false } = {}): { header: SnapshotHeader; body: () => Record<string, unknown> } {
  const { header, bodyStart } = readPrefix(bytes);
  const body = () => {
    if (!checked && !bodyIntact(bytes)) throw new SnapshotUnreadable('truncated or altered (CRC mismatch)');
    const reader = new CopyingDeserializer(bytes.subarray(bodyStart));
    reader.readHeader();
    return reader.readValue() as Record<string, unknown>;
  };
  return { header, body };
}

/**
 * Node's deserializer makes a typed array that happens to be aligned in the file a view over the
 * file's bytes and copies the others: the few views would keep the whole file (hundreds of MB)
 * alive beside the copies. Every one is copied, so the file can be let go once loaded.
 */
class CopyingDeserializer extends DefaultDeserializer {
  private readonly source: Buffer;

  constructor(source: Buffer) {
    super(source);
    this.source = source;
  }

  /** Node's hook for typed arrays (not in its types). */
  _readHostObject(): unknown {
    const view = (DefaultDeserializer.prototype as unknown as HostObjects)._readHostObject.call(this) as Uint8Array;
    if (view.buffer !== this.source.buffer) return view;
    const copy = new (view.constructor as Uint8ArrayConstructor)(view.length);
    copy.set(view);
    return copy;
  }
}

type HostObjects = { _readHostObject(): unknown };

/** Frees a file's bytes at once (not at some later GC) when nothing else views them. */
export function release(bytes: Buffer): void {
  const { buffer } = bytes as { buffer: ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer } };
  if (bytes.byteOffset === 0 && buffer.byteLength === bytes.length && buffer instanceof ArrayBuffer) buffer.transfer?.(0);
}

/** True when the body's CRC-32 is the one the file names (false for a file that is no snapshot). */
export function bodyIntact(bytes: Buffer): boolean {
  try {
    const { bodyStart } = readPrefix(bytes);
    return crc32(bytes.subarray(bodyStart)) === bytes.readUInt32LE(bodyStart - 4);
  } catch {
    return false;
  }
}

/** The header and where the body starts; throws SnapshotUnreadable when the bytes do not begin a snapshot. */
export function readPrefix(bytes: Buffer): { header: SnapshotHeader; bodyStart: number } {
  const fixed = MAGIC.length + 8;
  if (bytes.length < fixed || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new SnapshotUnreadable('not a snapshot file');
  const format = bytes.readUInt32LE(MAGIC.length);
  if (format !== SNAPSHOT_FORMAT) throw new SnapshotUnreadable(`format ${format}, this server reads ${SNAPSHOT_FORMAT}`);
  const headerEnd = fixed + bytes.readUInt32LE(MAGIC.length + 4);
  if (bytes.length < headerEnd + 4) throw new SnapshotUnreadable('truncated');
  return { header: parseHeader(bytes.subarray(fixed, headerEnd)), bodyStart: headerEnd + 4 };
}

function parseHeader(raw: Buffer): SnapshotHeader {
  let header: Partial<SnapshotHeader>;
  try {
    header = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new SnapshotUnreadable('unreadable header');
  }
  const { position, hash, parts } = header;
  if (!Number.isSafeInteger(position) || position! < 1 || typeof hash !== 'string' || !Array.isArray(parts))
    throw new SnapshotUnreadable('header without position, hash and parts');
  return { position: position!, hash, parts };
}

/** The file's bytes, or undefined when there is none. */
export async function readSnapshotFile(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Replaces the file atomically: a reader (or a crash) sees the old file or the new one, never a
 * torn one. Written beside it under a name of this process's own, flushed, then renamed over it.
 */
export async function writeSnapshotFile(path: string, pieces: readonly Buffer[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const file = await open(temp, 'w', 0o600);
  try {
    // writeFile on a handle writes the whole piece from the current position: the pieces follow each other.
    for (const piece of pieces) await file.writeFile(piece);
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await file.close();
  await rename(temp, path);
  // The rename itself is durable once the directory is flushed.
  const dir = await open(dirname(path), 'r');
  await dir.sync().finally(() => dir.close());
}
