import type { EventEnvelope, LogHead, NewEvent } from './envelope.js';
import { IdempotencyConflictError, WrongExpectedRevisionError } from './errors.js';
import { attempt, type Outcome } from './group-commit.js';
import type { AppendResult, IdempotencyClaim, IdempotencyRecord, RestoredIdempotency } from './port.js';
import { sealEntries } from './seal.js';

/** One append waiting in a group. */
export interface GroupMember {
  entries: Array<NewEvent & Pick<EventEnvelope, 'streamId'>>;
  expectedRevisions: Readonly<Record<string, number>>;
  idempotency?: IdempotencyClaim;
}

/** What the log held before the group, as read under the log lock. */
export interface GroupLookups {
  /** The stream's last revision, -1 when it has no event. */
  revision(streamId: string): number;
  claim(scope: string, key: string): IdempotencyRecord | undefined;
}

export interface GroupPlan {
  /** Every event to insert, in position order, chained from the head. */
  sealed: EventEnvelope[];
  /** The idempotency records the accepted members claim. */
  claims: RestoredIdempotency[];
  /** Each member's answer, in the order given. */
  outcomes: Outcome<AppendResult>[];
}

/**
 * Decides a group of appends in order, each as if it ran alone after the ones before it: its key
 * is looked up among the records of the log and of earlier members, its expected revisions are
 * checked against the revisions the earlier members leave, and only an accepted member moves the
 * head. A refused member changes nothing, so the others' positions and chain stay as if it never
 * came.
 */
export function planGroup(head: LogHead, members: GroupMember[], lookups: GroupLookups): GroupPlan {
  const revisions = new Map<string, number>();
  const claimed = new Map<string, RestoredIdempotency>();
  const plan: GroupPlan = { sealed: [], claims: [], outcomes: [] };
  let last = head;
  const revisionOf = (streamId: string) => revisions.get(streamId) ?? lookups.revision(streamId);
  const claimOf = ({ scope, key }: IdempotencyClaim) => claimed.get(claimId(scope, key)) ?? lookups.claim(scope, key);

  for (const member of members) {
    const outcome = attempt((): { result: AppendResult; sealed: EventEnvelope[] } => {
      const earlier = member.idempotency && claimOf(member.idempotency);
      if (member.idempotency && earlier) {
        if (earlier.fingerprint !== member.idempotency.fingerprint) throw new IdempotencyConflictError(member.idempotency.key);
        return { result: { eventIds: earlier.eventIds, position: earlier.position, replayed: true }, sealed: [] };
      }
      const before = new Map<string, number>();
      for (const [streamId, expected] of Object.entries(member.expectedRevisions)) {
        const actual = revisionOf(streamId);
        if (actual !== expected) throw new WrongExpectedRevisionError(streamId, expected, actual);
        before.set(streamId, actual);
      }
      const sealed = sealEntries(last, member.entries, before);
      const eventIds = member.entries.map((event) => event.eventId);
      return { result: { eventIds, position: sealed[sealed.length - 1].position, replayed: false }, sealed };
    });
    if (!outcome.ok) {
      plan.outcomes.push(outcome);
      continue;
    }
    const { result, sealed } = outcome.value;
    plan.outcomes.push({ ok: true, value: result });
    if (result.replayed) continue;
    for (const event of sealed) revisions.set(event.streamId, event.revision);
    plan.sealed.push(...sealed);
    last = sealed[sealed.length - 1];
    if (member.idempotency) {
      const record = { ...member.idempotency, eventIds: result.eventIds, position: result.position };
      claimed.set(claimId(record.scope, record.key), record);
      plan.claims.push(record);
    }
  }
  return plan;
}

const claimId = (scope: string, key: string) => JSON.stringify([scope, key]);
