import { Inject, Injectable } from '@nestjs/common';
import type { FieldError } from '@jalon/domain';
import { EVENT_STORE, type EventStore } from '@jalon/event-store';
import { invalidInput, notReady } from '../http/problem.js';
import type { EvaluationParams } from './evaluation-query.js';
import { Projector } from './projector.js';

/** How long a query waits for the read models to reach the position it asks for. */
export const WAIT_MS = 5000;

/** Positions asked for are checked against the log's head, then waited for. */
@Injectable()
export class Evaluation {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Projector) private readonly projector: Projector,
  ) {}

  /** 400 when a position is above the head. */
  async check(params: Pick<EvaluationParams, 'atPosition' | 'minPosition'>): Promise<void> {
    const head = (await this.store.head()).position;
    const errors: FieldError[] = [];
    for (const name of ['atPosition', 'minPosition'] as const) {
      const value = params[name];
      if (value !== undefined && value > head) errors.push({ path: `/${name}`, message: `must be at most the head, ${head}` });
    }
    if (errors.length > 0) throw invalidInput(errors, `a position above the head of the log (${head})`);
  }

  /** Waits until the read models have what the query needs; 503 with Retry-After after 5 s. */
  async ready(params: Pick<EvaluationParams, 'atPosition' | 'minPosition'>): Promise<void> {
    const needed = Math.max(params.atPosition ?? 0, params.minPosition ?? 0);
    if (await this.projector.waitFor(needed, WAIT_MS)) return;
    throw notReady(`the read models have reached position ${this.projector.position}, not ${needed}, within 5 s`);
  }
}
