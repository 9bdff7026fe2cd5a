import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32InTurns, decodeSnapshot, encodeSnapshot, SnapshotUnreadable } from './snapshot-file.js';
import { snapshotPlace } from './snapshot-location.js';

const head = { position: 7, hash: 'ab'.repeat(32) };
const states = { indicators: { reached: 7, values: new Float64Array([1.5, 2]) }, projector: { demo: true } };

describe('a snapshot file', () => {
  it('given parts encoded, when decoded, then the header names the position, hash and parts, and the body is the states', () => {
    const { header, body } = decodeSnapshot(Buffer.concat(encodeSnapshot(head, states)));
    expect(header).toEqual({ position: 7, hash: head.hash, parts: ['indicators', 'projector'] });
    expect(body()).toEqual(states);
  });

  it('given typed arrays decoded, then none is a view over the file: the file can be let go', () => {
    const bytes = Buffer.concat(encodeSnapshot(head, { a: { xs: new Uint8Array(64), ys: new Int32Array(64), zs: new Float64Array(64) } }));
    const { a } = decodeSnapshot(bytes).body() as { a: Record<string, Uint8Array> };
    expect(Object.values(a).filter((array) => array.buffer === bytes.buffer)).toEqual([]);
    expect([...a.ys.subarray(0, 2)]).toEqual([0, 0]);
  });

  it('given a byte of the body changed, when decoded, then the header reads but the body is refused', () => {
    const bytes = Buffer.concat(encodeSnapshot(head, states));
    bytes[bytes.length - 3] ^= 1;
    const { body } = decodeSnapshot(bytes);
    expect(body).toThrow(/CRC/);
  });

  it('given another format, a truncated header or foreign bytes, then it is refused as unreadable', () => {
    const bytes = Buffer.concat(encodeSnapshot(head, states));
    const other = Buffer.from(bytes);
    other.writeUInt32LE(1, 8);
    expect(() => decodeSnapshot(other)).toThrow(/format 1/);
    expect(() => decodeSnapshot(bytes.subarray(0, 30))).toThrow(SnapshotUnreadable);
    expect(() => decodeSnapshot(Buffer.from('SQLite format 3\0'))).toThrow(/not a snapshot/);
  });
});

describe('where snapshots go', () => {
  const on = { enabled: true, dir: undefined };
  it('given a SQLite store, then beside its file; given a directory, then there; given off, nowhere', () => {
    expect(snapshotPlace('sqlite:/var/lib/jalon/j.db', on)).toEqual({ kind: 'file', path: '/var/lib/jalon/j.db.snapshot' });
    expect(snapshotPlace('postgres://db/jalon', { enabled: true, dir: '/var/cache/jalon' })).toEqual({ kind: 'dir', dir: '/var/cache/jalon' });
    expect(snapshotPlace('sqlite:/var/lib/jalon/j.db', { enabled: false, dir: '/x' }).kind).toBe('none');
  });

  it('given PostgreSQL without a directory, or an in-memory SQLite, then nowhere', () => {
    expect(snapshotPlace('postgres://db/jalon', on).kind).toBe('none');
    expect(snapshotPlace('sqlite::memory:', on).kind).toBe('none');
  });
});

describe('a checksum taken a piece per turn', () => {
  it('given 20 MB (three pieces of 8 MB, the last short), then it is the CRC-32 of the whole', async () => {
    const bytes = Buffer.alloc(20 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4093) bytes[i] = i & 0xff;
    expect(await crc32InTurns(bytes)).toBe(crc32(bytes));
    expect(await crc32InTurns(Buffer.alloc(0))).toBe(0);
  });
});
