import { demoHistory, DEMO_RECORDED_BY } from '@jalon/domain';
import { sealLog } from '@jalon/event-store';
import { describe, expect, it } from 'vitest';
import { DEMO_FIRST_EVENT_HASH, isDemoHistory } from './demo-mark.js';

describe('the mark of the demo history', () => {
  const [first] = sealLog(demoHistory());

  it("is the hash of the generator's first event", () => {
    expect(first.hash).toBe(DEMO_FIRST_EVENT_HASH);
    expect(isDemoHistory(first)).toBe(true);
  });

  it('is not imitated by a first event recorded by a user called "demo"', () => {
    const [imitation] = sealLog([{ ...first, eventId: '0b6f1a52-4d1e-4f3e-9c1a-3f1d2e4b5a6c', streamId: 'case-x' }]);
    expect(imitation.metadata.recordedBy).toBe(DEMO_RECORDED_BY);
    expect(isDemoHistory(imitation)).toBe(false);
  });
});
