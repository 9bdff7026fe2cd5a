import { Inject, Injectable } from '@nestjs/common';
import type { CommandAccepted } from '@jalon/contracts';
import { decide, foldStream } from '@jalon/domain';
import { EVENT_STORE, IdempotencyConflictError, WrongExpectedRevisionError, type EventStore } from '@jalon/event-store';
import { conflictWith, domainProblem } from '../http/problem.js';
import { newEvent, toRecorded } from './new-event.js';
import type { CommandRequest } from './command-request.js';

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
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** `locate` names the stream to write to (or throws 404): the command's own, or a void's target's. */
  async run(request: CommandRequest, locate: () => Promise<string>): Promise<CommandAccepted> {
    const earlier = await this.replay(request);
    if (earlier) return earlier;
    const streamId = await locate();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(request, streamId);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
        if (error instanceof WrongExpectedRevisionError)
          throw conflictWith(`stream ${streamId} is changing too fast: try again`);
        if (error instanceof IdempotencyConflictError) throw keyReused();
        throw error;
      }
    }
  }

  private async replay(request: CommandRequest): Promise<CommandAccepted | undefined> {
    if (!request.idempotency) return undefined;
    const { key, fingerprint } = request.idempotency;
    const earlier = await this.store.findIdempotency(request.username, key);
    if (!earlier) return undefined;
    if (earlier.fingerprint !== fingerprint) throw keyReused();
    return { eventIds: earlier.eventIds, position: earlier.position };
  }

  private async attempt(request: CommandRequest, streamId: string): Promise<CommandAccepted> {
    const state = foldStream((await this.store.readStream(streamId)).map(toRecorded));
    const decision = decide(request.command, state);
    if (!decision.ok) {
      // A twin request with the same key may have committed since our first look: its answer wins.
      const twin = await this.replay(request);
      if (twin) return twin;
      throw domainProblem(decision.error);
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
