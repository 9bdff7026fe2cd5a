import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, type NewEvent } from './envelope.js';
import { IdempotencyConflictError, WrongExpectedRevisionError } from './errors.js';
import { planGroup, type GroupLookups, type GroupMember } from './group-plan.js';
import { verifyChain } from './hash-chain.js';
import { sealLog } from './seal.js';

const event = (n: number): NewEvent => ({
  eventId: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  type: 'TrainingHeld',
  data: { trainingId: `T${n}` },
  metadata: { recordedAt: '2015-01-01T00:00:00.000Z', recordedBy: 'demo', schemaVersion: 1 },
});
const member = (n: number, streamId: string, expected: number, key?: string, fingerprint = 'f'): GroupMember => ({
  entries: [{ ...event(n), streamId }],
  expectedRevisions: { [streamId]: expected },
  ...(key ? { idempotency: { scope: 'ana', key, fingerprint } } : {}),
});
const empty: GroupLookups = { revision: () => -1, claim: () => undefined };
const genesis = { position: 0, hash: GENESIS_HASH };
const errorOf = (o: { ok: boolean; error?: unknown }) => (o.ok ? undefined : o.error);

describe('planGroup', () => {
  it('given three appends to new streams, then they take positions 1-3 and chain as appending one by one would', () => {
    const plan = planGroup(genesis, [member(1, 'a', -1), member(2, 'b', -1), member(3, 'a', 0)], empty);
    expect(plan.outcomes.map((o) => o.ok && o.value)).toEqual([
      { eventIds: [event(1).eventId], position: 1, replayed: false },
      { eventIds: [event(2).eventId], position: 2, replayed: false },
      { eventIds: [event(3).eventId], position: 3, replayed: false },
    ]);
    const alone = sealLog([1, 2, 3].map((n) => ({ ...event(n), streamId: n === 2 ? 'b' : 'a' })));
    expect(plan.sealed).toEqual(alone);
    expect(verifyChain(plan.sealed).ok).toBe(true);
  });

  it('given two appends expecting the same revision of one stream, then the first wins and the second is refused with the revision the first left', () => {
    const plan = planGroup(genesis, [member(1, 'a', 4), member(2, 'a', 4), member(3, 'b', -1)], {
      ...empty,
      revision: (s) => (s === 'a' ? 4 : -1),
    });
    expect(plan.outcomes[0].ok).toBe(true);
    const refusal = errorOf(plan.outcomes[1]) as WrongExpectedRevisionError;
    expect(refusal).toBeInstanceOf(WrongExpectedRevisionError);
    expect([refusal.expected, refusal.actual]).toEqual([4, 5]);
    // The refused member moved nothing: the third takes position 2, right after the first.
    expect(plan.sealed.map((e) => [e.eventId, e.position, e.revision])).toEqual([
      [event(1).eventId, 1, 5],
      [event(3).eventId, 2, 0],
    ]);
    expect(verifyChain(plan.sealed).ok).toBe(true);
  });

  it('given the same key twice in one group, then the second replays the first without appending, and another body under it conflicts', () => {
    const plan = planGroup(genesis, [member(1, 'a', -1, 'k1'), member(2, 'b', -1, 'k1'), member(3, 'c', -1, 'k1', 'other')], empty);
    expect(plan.outcomes[1]).toEqual({ ok: true, value: { eventIds: [event(1).eventId], position: 1, replayed: true } });
    expect(errorOf(plan.outcomes[2])).toBeInstanceOf(IdempotencyConflictError);
    expect(plan.sealed.map((e) => e.eventId)).toEqual([event(1).eventId]);
    expect(plan.claims).toEqual([{ scope: 'ana', key: 'k1', fingerprint: 'f', eventIds: [event(1).eventId], position: 1 }]);
  });

  it('given a key already in the log, then its member replays the stored answer and the head does not move', () => {
    const stored = { fingerprint: 'f', eventIds: ['e-old'], position: 7 };
    const head = { position: 9, hash: 'a'.repeat(64) };
    const plan = planGroup(head, [member(1, 'a', -1, 'k'), member(2, 'b', -1)], { ...empty, claim: () => stored });
    expect(plan.outcomes[0]).toEqual({ ok: true, value: { eventIds: ['e-old'], position: 7, replayed: true } });
    expect(plan.sealed.map((e) => e.position)).toEqual([10]);
    expect(plan.claims).toEqual([]);
  });

  it('given a member whose event cannot be sealed, then it alone is refused', () => {
    const bad = { entries: [{ ...event(1), streamId: 'a', data: [] }], expectedRevisions: { a: -1 } } as unknown as GroupMember;
    const plan = planGroup(genesis, [bad, member(2, 'b', -1)], empty);
    expect(errorOf(plan.outcomes[0])).toBeInstanceOf(TypeError);
    expect(plan.sealed.map((e) => [e.eventId, e.position])).toEqual([[event(2).eventId, 1]]);
  });
});
