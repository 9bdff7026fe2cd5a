import { setImmediate as nextTurn } from 'node:timers/promises';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { isDemoHistory } from '../demo/demo-mark.js';
import { EVENT_STORE, readPages, type EventEnvelope, type EventStore } from '@jalon/event-store';
import { ActivitiesModel, IndicatorEngine, RecordedTimes, type EngineState } from '@jalon/projections';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.js';
import { ReadModelSnapshots } from './snapshot-keeper.js';
import type { SnapshotPart, SnapshotSource } from './snapshot-part.js';

/** A safety net beside store.watch(): a missed notification delays the read models, never stalls them. */
const POLL_MS = 1000;
/** Events read per page when catching up: large enough to cost few queries, small enough (~20 ms of work) to let requests through between pages. */
const CATCH_UP_PAGE = 5_000;

/** The log position the read models have reached and the hash of the event there. */
export interface ReachedHead {
  position: number;
  hash: string;
}

interface Waiter {
  position: number;
  resolve: (reached: boolean) => void;
}

/**
 * The one ordered reader of the log that feeds the read models (not the EventBus, which runs
 * handlers concurrently and unordered, DESIGN.md). It reads the whole log at start, then follows
 * the store's notifications with a catch-up loop.
 */
@Injectable()
export class Projector implements OnModuleDestroy, SnapshotSource {
  readonly engine = new IndicatorEngine();
  /** Each position's recordedAt, to answer "known at a time" among the positions the engine holds. */
  readonly times = new RecordedTimes();
  /** The facts behind the activity pages, fed here so they stand at the engine's position. */
  readonly activities = new ActivitiesModel();
  private caughtUp = false;
  private demo = false;
  private pending = false;
  private loop: Promise<void> | undefined;
  private readonly waiters = new Set<Waiter>();
  private lastHash = '0'.repeat(64);
  private announced = 0;
  /** Told of each new position reached (live updates, GET /changes). */
  private readonly followers = new Set<(head: ReachedHead) => void>();
  private stopWatching: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** What a persisted snapshot holds (snapshot-keeper.ts); another read model adds its part here. */
  readonly parts: SnapshotPart[] = [
    { name: 'indicators', save: () => this.engine.save(), load: (state) => this.engine.load(state as EngineState) },
    { name: 'recorded-times', save: () => this.times.save(), load: (state) => this.times.load(state as ReturnType<RecordedTimes['save']>) },
    { name: 'activities', save: () => this.activities.save(), load: (state) => this.activities.load(state) },
    { name: 'projector', save: () => this.saveOwn(), load: (state) => this.loadOwn(state as ReturnType<Projector['saveOwn']>) },
  ];
  /** No event is applied before the snapshot, if any, is loaded (a request may kick the loop early). */
  private restored!: () => void;
  private readonly restoredYet = new Promise<void>((resolve) => (this.restored = resolve));

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly log: Logger,
    private readonly snapshots: ReadModelSnapshots,
  ) {}

  get position(): number {
    return this.engine.position;
  }

  /** The position reached and the hash of its event (64 zeros at 0). */
  get head(): ReachedHead {
    return { position: this.position, hash: this.lastHash };
  }

  /** Calls `listener` each time the read models reach a new position; returns the unsubscribe. */
  follow(listener: (head: ReachedHead) => void): () => void {
    this.followers.add(listener);
    return () => this.followers.delete(listener);
  }

  /** True once the log as it stood at start has been read. */
  get ready(): boolean {
    return this.caughtUp;
  }

  /** True when the log begins with the bundled synthetic history. */
  get holdsDemo(): boolean {
    return this.demo;
  }

  async start(): Promise<void> {
    try {
      await this.snapshots.restore(this);
    } finally {
      this.announced = this.position;
      this.restored();
    }
    this.stopWatching = this.store.watch(() => void this.kick());
    this.timer = setInterval(() => void this.kick(), POLL_MS).unref();
    const head = await this.store.head();
    while (this.position < head.position) {
      const before = this.position;
      await this.kick();
      if (this.position === before) throw new Error(`the read models cannot get past position ${before}: see the log`);
    }
    this.caughtUp = true;
    this.log.info({ position: this.position }, 'read models caught up');
    // A long fold at start is worth a snapshot soon, not only after the next events.
    this.snapshots.progressed(this);
  }

  /** Resolves true once the read models reach `position`, false after `ms`. */
  waitFor(position: number, ms: number): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = { position, resolve };
      const timeout = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, ms);
      waiter.resolve = (reached) => {
        clearTimeout(timeout);
        resolve(reached);
      };
      this.waiters.add(waiter);
      void this.kick();
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopWatching?.();
    clearInterval(this.timer);
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters.clear();
    if (this.caughtUp) await this.snapshots.flush(this);
  }

  private saveOwn() {
    return { position: this.position, lastHash: this.lastHash, demo: this.demo };
  }

  /** Loaded last: the other parts must have reached the position this part was saved at. */
  private loadOwn(state: ReturnType<Projector['saveOwn']>): void {
    const reached = [this.engine.position, this.times.position, this.activities.position];
    if (reached.some((position) => position !== state.position) || typeof state.lastHash !== 'string')
      throw new TypeError('the parts of the snapshot stand at different positions');
    this.lastHash = state.lastHash;
    this.demo = state.demo === true;
  }

  /** One catch-up loop at a time; a kick during a loop makes it go round once more. */
  private kick(): Promise<void> {
    this.pending = true;
    this.loop ??= this.drain().finally(() => {
      this.loop = undefined;
      if (this.pending) void this.kick();
    });
    return this.loop;
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      this.pending = false;
      try {
        await this.catchUp();
      } catch (error) {
        // No immediate retry (it would spin): the poll timer tries again in a second.
        this.pending = false;
        this.log.error({ err: error, position: this.position }, 'projector could not read the log');
        return;
      }
    }
  }

  private async catchUp(): Promise<void> {
    await this.restoredYet;
    for await (const page of readPages(this.store, { after: this.position, pageSize: CATCH_UP_PAGE })) {
      for (const event of page) this.apply(event);
      this.release();
      // The SQLite store answers synchronously: without a turn of the event loop between pages a
      // long catch-up would hold every request (health's 503 included) until it ends.
      await nextTurn();
    }
    this.release();
  }

  private apply(event: EventEnvelope): void {
    if (event.position === 1) this.demo = isDemoHistory(event);
    this.engine.apply(event);
    this.activities.apply(event);
    this.times.record(event.position, event.metadata.recordedAt);
    this.lastHash = event.hash;
  }

  private release(): void {
    if (this.announced !== this.position) {
      this.announced = this.position;
      const head = this.head;
      for (const follower of this.followers) {
        try {
          follower(head);
        } catch (error) {
          this.log.warn({ err: error }, 'a follower of the read models failed');
        }
      }
      // Only on a new position: the poll's empty rounds must not keep a due snapshot waiting.
      if (this.caughtUp) this.snapshots.progressed(this);
    }
    for (const waiter of this.waiters) {
      if (waiter.position > this.position) continue;
      this.waiters.delete(waiter);
      waiter.resolve(true);
    }
  }
}
