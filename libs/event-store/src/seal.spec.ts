import { describe, expect, it } from 'vitest';
import type { NewEvent } from './envelope.js';
import { verifyChain } from './hash-chain.js';
import { sealLog } from './seal.js';
import { openSqliteStore } from './sqlite-store.js';

const event = (n: number): NewEvent => ({
  eventId: `00000000-0000-4000-8000-00000000000${n}`,
  type: 'TrainingHeld',
  data: { trainingId: `T${n}`, note: undefined, participants: { female: n, male: 1 } },
  metadata: { recordedAt: '2015-01-01T00:00:00.000Z', recordedBy: 'demo', schemaVersion: 1 },
});

describe('sealLog', () => {
  it('given events on two streams, builds the log that appending them one by one builds', async () => {
    const entries = [
      { ...event(1), streamId: 'a' },
      { ...event(2), streamId: 'b' },
      { ...event(3), streamId: 'a' },
    ];
    const store = await openSqliteStore(':memory:');
    const revisions = new Map<string, number>();
    for (const { streamId, ...e } of entries) {
      const expectedRevision = revisions.get(streamId) ?? -1;
      await store.append(streamId, [e], { expectedRevision });
      revisions.set(streamId, expectedRevision + 1);
    }
    const appended = await store.readAll({ after: 0, limit: 10 });
    await store.close();

    const sealed = sealLog(entries);
    expect(sealed).toEqual(appended);
    expect(sealed.map((e) => [e.position, e.revision])).toEqual([[1, 0], [2, 0], [3, 1]]);
    expect(verifyChain(sealed).ok).toBe(true);
  });

  it('given nothing, builds an empty log', () => {
    expect(sealLog([])).toEqual([]);
  });
});
