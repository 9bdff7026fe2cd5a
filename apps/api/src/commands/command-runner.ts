import { Inject, Injectable } from '@nestjs/common';
import type { CommandAccepted } from '@jalon/contracts';
import { decide, foldStream, type DomainEvent, type Result } from '@jalon/domain';
import {
  EVENT_STORE,
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  type EventStore,
  type IdempotencyRecord,
} from '@jalon/event-store';
import { conflictWith, domainProblem } from '../http/problem.js';
import { StoreFullAlarm } from '../http/store-full.js';
import { newEvent, toRecorded } from './new-event.js';
import type { CommandRequest } from './command-request.js';
import { StreamLocks } from './stream-locks.js';

/** Revision races are retried this often; beyond it the stream is too busy to decide on. */
const MAX_ATTEMPTS = 20;

const keyReused = () =>
  conflictWith('this Idempotency-Key was already used by you for another request', [
    { path: '', message: 'Idempotency-Key already used with another method, path or body' },
  ]);

/**
 * Runs a command the one way every capability does: an idempotent replay first, then read the
 * stream, decide, append with the expected revision, and on a lost race re-read and decide again,
 * so that a client sees either success or a rule's refusal.
 */
@Injectable()
export class CommandRunner {
  private readonly locks = new StreamLocks();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(StoreFullAlarm) private readonly storeFull: StoreFullAlarm,
  ) {}

  /** `locate` names the stream to write to (or throws 404): the command's own, or a void's target's. */
  async run(request: CommandRequest, locate: () => Promise<string>): Promise<CommandAccepted> {
    const earlier = await this.earlier(request);
    if (earlier && earlier.fingerprint === request.idempotency!.fingerprint) return answerOf(earlier);
    const streamId = await locate();
    // CONTRACT.md's order: a path naming nothing in effect is a 404 before a reused key's 409.
    if (earlier) throw refusalOfReuse((await this.decideOn(request, streamId)).decision);
    return this.locks.run(streamId, () => this.decideAndAppend(request, streamId));
  }

  /** Read, decide, append; on a lost revision race (another process), read and decide again. */
  private async decideAndAppend(request: CommandRequest, streamId: string): Promise<CommandAccepted> {
    for (let attempt = 1; ; attempt++) {
      try {
        const accepted = await this.attempt(request, streamId);
        this.storeFull.clear();
        return accepted;
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
        if (error instanceof WrongExpectedRevisionError)
          throw conflictWith(`stream ${streamId} is changing too fast: try again`);
        if (error instanceof IdempotencyConflictError) throw keyReused();
        throw error;
      }
    }
  }

  private async earlier(request: CommandRequest): Promise<IdempotencyRecord | undefined> {
    if (!request.idempotency) return undefined;
    return this.store.findIdempotency(request.username, request.idempotency.key);
  }

  private async decideOn(request: CommandRequest, streamId: string) {
    const state = foldStream((await this.store.readStream(streamId)).map(toRecorded));
    return { state, decision: decide(request.command, state) };
  }

  private async attempt(request: CommandRequest, streamId: string): Promise<CommandAccepted> {
    const { state, decision } = await this.decideOn(request, streamId);
    if (!decision.ok) {
      // A twin request with the same key may have committed since our first look: its answer wins.
      const twin = await this.earlier(request);
      if (twin && twin.fingerprint === request.idempotency!.fingerprint) return answerOf(twin);
      throw twin ? refusalOfReuse(decision) : domainProblem(decision.error);
    }
    const events = decision.value.map((event) => newEvent(event, request.username, request.idempotency?.key));
    const { idempotency, username } = request;
    const result = await this.store.append(streamId, events, {
      expectedRevision: state.revision,
      // A racing request with the same key and body makes the store answer its result instead.
      ...(idempotency ? { idempotency: { scope: username, ...idempotency } } : {}),
    });
    return { eventIds: result.eventIds, position: result.position };
  }
}

/** A key used for another request: the command's own 400 or 404 first, else 409. */
function refusalOfReuse(decision: Result<DomainEvent[]>) {
  if (!decision.ok && decision.error.code !== 'conflict') return domainProblem(decision.error);
  return keyReused();
}

const answerOf = (record: IdempotencyRecord): CommandAccepted => ({ eventIds: record.eventIds, position: record.position });
