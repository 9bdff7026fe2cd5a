import { Inject, Injectable } from '@nestjs/common';
import type { FieldError } from '@jalon/domain';
import { EVENT_STORE, type EventStore } from '@jalon/event-store';
import { recordedInstant } from '@jalon/projections';
import { invalidInput, notReady } from '../http/problem.js';
import type { KnownAtParams } from './evaluation-query.js';
import { Projector } from './projector.js';

/** How long a query waits for the read models to reach the position it asks for. */
export const WAIT_MS = 5000;

/** Positions asked for are checked against the log's head, then waited for. */
@Injectable()
export class ReadModelGate {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Projector) private readonly projector: Projector,
  ) {}

  /**
   * 400 when a position is above the head, or when both atPosition and atTime are given.
   * `positions` names further positions to check the same way (a restatement's `since`), and
   * `errors` what the caller found wrong already, so that one 400 names every bad field.
   */
  async check(params: KnownAtParams, positions: Record<string, number | undefined> = {}, errors: FieldError[] = []): Promise<void> {
    if (params.atPosition !== undefined && params.atTime !== undefined)
      errors.push({ path: '/atTime', message: 'give atPosition or atTime, not both' });
    const named = { atPosition: params.atPosition, minPosition: params.minPosition, ...positions };
    // Most queries name no position: they need no read of the head (a round trip on PostgreSQL).
    const head = Object.values(named).some((v) => v !== undefined) ? (await this.store.head()).position : 0;
    for (const [name, value] of Object.entries(named)) {
      if (value !== undefined && value > head) errors.push({ path: `/${name}`, message: `must be at most the head, ${head}` });
    }
    if (errors.length > 0) throw invalidInput(errors, errors.map((e) => `${e.path.slice(1)} ${e.message}`).join('; '));
  }

  /** Waits until the read models have what the query needs; 503 with Retry-After after 5 s. */
  async ready(params: KnownAtParams, ...positions: Array<number | undefined>): Promise<void> {
    const needed = Math.max(params.atPosition ?? 0, params.minPosition ?? 0, ...positions.map((p) => p ?? 0));
    if (await this.projector.waitFor(needed, WAIT_MS)) return;
    throw notReady(`the read models have reached position ${this.projector.position}, not ${needed}, within 5 s`);
  }

  /**
   * The position a query reads at, once ready: atPosition; or the highest position recorded at or
   * before atTime among those the read models hold (a time in the future: their position); or
   * undefined, their position.
   */
  atPosition(params: Pick<KnownAtParams, 'atPosition' | 'atTime'>): number | undefined {
    if (params.atTime === undefined) return params.atPosition;
    return this.positionAt(params.atTime);
  }

  /** The highest position recorded at or before `time` (a valid recordedAt) that the read models hold. */
  positionAt(time: string): number {
    const instant = recordedInstant(time);
    if (instant === undefined) throw new RangeError(`${time} is not a time in the recordedAt format`);
    return this.projector.times.positionAt(instant);
  }
}
