import type { EventEnvelope } from '@jalon/event-store';
import { describe, expect, it } from 'vitest';
import { commandFingerprint } from './fingerprint.js';
import { restoredIdempotency } from './restored-idempotency.js';

let position = 0;
function envelope(type: string, data: Record<string, unknown>, recordedBy: string, commandId?: string): EventEnvelope {
  position += 1;
  const metadata = { recordedAt: '2015-03-01T10:00:00.000Z', recordedBy, ...(commandId ? { commandId } : {}), schemaVersion: 1 };
  return { position, eventId: `e-${position}`, type, streamId: 's', revision: 0, data, metadata, hash: '' };
}

describe('the idempotency records an imported log implies', () => {
  const assistance = { caseId: 'C1', providedOn: '2015-03-20', assistanceType: 'shelter' };

  it('given events with and without a key, then one record per user and key, with the fingerprint of the command that appended it', () => {
    position = 0;
    const log = [
      envelope('AssistanceProvided', assistance, 'ana', 'k1'),
      envelope('AssistanceProvided', assistance, 'ana'),
      envelope('AssistanceProvided', assistance, 'omar', 'k1'),
    ];
    expect(restoredIdempotency(log)).toEqual([
      { scope: 'ana', key: 'k1', fingerprint: commandFingerprint({ type: 'ProvideAssistance', data: assistance }), eventIds: ['e-1'], position: 1 },
      { scope: 'omar', key: 'k1', fingerprint: commandFingerprint({ type: 'ProvideAssistance', data: assistance }), eventIds: ['e-3'], position: 3 },
    ]);
  });

  it('given one key on several events (no single command), then its fingerprint matches no request: a retry is refused, never appended twice', () => {
    position = 0;
    const log = [envelope('AssistanceProvided', assistance, 'ana', 'k1'), envelope('CaseClosed', { caseId: 'C1', closedOn: '2015-06-30', reason: 'reintegrated' }, 'ana', 'k1')];
    const [record] = restoredIdempotency(log);
    expect(record).toMatchObject({ scope: 'ana', key: 'k1', eventIds: ['e-1', 'e-2'], position: 2 });
    expect(record.fingerprint).not.toMatch(/^[0-9a-f]{64}$/);
  });
});
