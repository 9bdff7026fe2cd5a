import { serialize } from 'node:v8';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@jalon/event-store';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { LOGGER } from '../logging/logger.js';
import { CONFIG } from '../runtime.js';
import { crc32InTurns, decodeSnapshot, release, snapshotPrefix, SnapshotUnreadable, writeSnapshotFile, type SnapshotHeader } from './snapshot-file.js';
import { fileInDir, snapshotPlace, type SnapshotPlace } from './snapshot-location.js';
import type { SnapshotPart, SnapshotSource } from './snapshot-part.js';
import { readSnapshot, type ReadSnapshot } from './snapshot-reader.js';

/** New events since the last snapshot before another is worth writing (a write costs ~1 µs per event held). */
export const SNAPSHOT_EVERY = 10_000;
/** A snapshot waits for this long without a new event… */
const QUIET_MS = 2_000;
/** …but not longer than this in all, so that a steady stream of events still gets one. */
const MOST_WAIT_MS = 60_000;

/**
 * Persisted read-model snapshots: disposable, so that a restart serves at once (issue 13). Loaded
 * at start only when the log still holds, at the snapshot's position, the event whose hash it
 * names (the hash chain then vouches for every earlier event); written in the background after
 * SNAPSHOT_EVERY new events and a quiet moment, and at shutdown. Any doubt means a full fold.
 */
@Injectable()
export class ReadModelSnapshots {
  private readonly place: SnapshotPlace;
  private dirFile: string | undefined;
  /** The position the file on disk stands on (as far as this process knows). */
  private saved = 0;
  private timer: NodeJS.Timeout | undefined;
  private waitingSince = 0;
  private writing: Promise<void> | undefined;
  /** The file's bytes, read from construction on: the read overlaps the rest of the boot. */
  private prefetched: Promise<{ path?: string; file?: ReadSnapshot; error?: Error }>;

  constructor(
    @Inject(CONFIG) config: Config,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly log: Logger,
  ) {
    this.place = snapshotPlace(config.store, config.snapshot);
    this.prefetched = this.readIfAny();
  }

  /** Loads the snapshot into the parts when it is sound and still on the log; else leaves them as they are. */
  async restore(source: SnapshotSource): Promise<void> {
    if (this.place.kind === 'none') return this.log.info({ why: this.place.why }, 'read-model snapshots off');
    const { path, file, error } = await this.prefetched;
    // Hundreds of MB: not kept once loaded.
    this.prefetched = Promise.resolve({});
    if (error) return this.ignore(path ?? '?', error);
    if (path === undefined || file === undefined) return;
    const started = performance.now();
    try {
      const { header, body } = decodeSnapshot(file.bytes, { checked: file.intact });
      if (file.intact === false) throw new SnapshotUnreadable('truncated or altered (CRC mismatch)');
      const names = source.parts.map((p) => p.name);
      if (header.parts.join() !== names.join()) throw new SnapshotUnreadable(`it holds ${header.parts.join()}, this server ${names.join()}`);
      await this.checkOnLog(header);
      loadAll(source.parts, body());
      this.saved = header.position;
      this.log.info({ path, position: header.position, ms: Math.round(performance.now() - started) }, 'read models loaded from a snapshot');
    } catch (error) {
      this.ignore(path, error as Error);
    } finally {
      // The parts hold copies (snapshot-file.ts): the file's hundreds of MB go now.
      release(file.bytes);
    }
  }

  private async readIfAny(): Promise<{ path?: string; file?: ReadSnapshot; error?: Error }> {
    if (this.place.kind === 'none') return {};
    let path: string | undefined;
    try {
      path = await this.path();
      return { path, file: path === undefined ? undefined : await readSnapshot(path) };
    } catch (error) {
      return { path, error: error as Error };
    }
  }

  /** Told after the projector reaches a new position (once caught up): schedules a write when due. */
  progressed(source: SnapshotSource): void {
    if (this.place.kind === 'none' || source.head.position - this.saved < SNAPSHOT_EVERY) return;
    const now = Date.now();
    if (this.timer === undefined) this.waitingSince = now;
    else if (now - this.waitingSince < MOST_WAIT_MS) clearTimeout(this.timer);
    else return;
    this.timer = setTimeout(() => void this.write(source), QUIET_MS).unref();
  }

  /** Writes what the parts hold now, if newer than the file (at shutdown). */
  async flush(source: SnapshotSource): Promise<void> {
    clearTimeout(this.timer);
    await this.writing;
    if (this.place.kind !== 'none') await this.write(source);
  }

  private write(source: SnapshotSource): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing ??= this.writeNow(source)
      .catch((error: Error) => this.log.warn({ err: error }, 'read-model snapshot not written'))
      .finally(() => (this.writing = undefined));
    return this.writing;
  }

  private async writeNow(source: SnapshotSource): Promise<void> {
    if (source.head.position <= this.saved) return;
    const path = await this.path();
    if (path === undefined) return;
    const started = performance.now();
    // Taken and serialised in one synchronous stretch: no event is applied in between. The bytes
    // are then the snapshot's own: checksummed a piece per turn, written asynchronously.
    const head = source.head;
    const states = Object.fromEntries(source.parts.map((p) => [p.name, p.save()]));
    const body = serialize(states);
    const encoded = performance.now();
    const prefix = snapshotPrefix(head, Object.keys(states), await crc32InTurns(body));
    const bytes = prefix.length + body.length;
    try {
      await writeSnapshotFile(path, [prefix, body]);
    } finally {
      // Hundreds of MB outside the heap: an idle server would keep them until its next full GC.
      release(body);
    }
    this.saved = head.position;
    const ms = { encodeMs: Math.round(encoded - started), writeMs: Math.round(performance.now() - encoded) };
    this.log.info({ path, position: head.position, bytes, ...ms }, 'read-model snapshot written');
  }

  /** The snapshot file; in a directory, named after the log's first event (none while the log is empty). */
  private async path(): Promise<string | undefined> {
    if (this.place.kind === 'file') return this.place.path;
    if (this.place.kind === 'none') return undefined;
    if (this.dirFile === undefined) {
      const [first] = await this.store.readAll({ after: 0, limit: 1 });
      if (first) this.dirFile = fileInDir(this.place.dir, first.hash);
    }
    return this.dirFile;
  }

  private async checkOnLog(header: SnapshotHeader): Promise<void> {
    const [event] = await this.store.readAll({ after: header.position - 1, limit: 1 });
    if (event?.position !== header.position || event.hash !== header.hash)
      throw new SnapshotUnreadable(`stale: the log no longer holds that event at position ${header.position}`);
  }

  private ignore(path: string, error: Error): void {
    this.log.warn({ path, reason: error.message }, 'read-model snapshot ignored: folding the log from the start');
  }
}

/** Loads every part, or none: a part that refuses puts back the (empty) states the parts had. */
function loadAll(parts: readonly SnapshotPart[], states: Record<string, unknown>): void {
  const blanks = parts.map((p) => p.save());
  try {
    for (const part of parts) part.load(states[part.name]);
  } catch (error) {
    parts.forEach((part, i) => part.load(blanks[i]));
    throw error;
  }
}
