import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { commandFingerprint, commandTypeOfEvent, isValidIdempotencyKey, requestFingerprint } from './fingerprint.js';

describe('commandFingerprint', () => {
  const data = { caseId: 'C1', providedOn: '2015-03-20', assistanceType: 'shelter' };
  const command = { type: 'ProvideAssistance', data } as const;

  it('ignores key order of the data (canonical JSON)', () => {
    const reordered = JSON.parse('{ "assistanceType":"shelter", "providedOn":"2015-03-20", "caseId":"C1" }');
    expect(commandFingerprint({ type: 'ProvideAssistance', data: reordered })).toBe(commandFingerprint(command));
  });

  it('tells apart another path id, another field value or another command', () => {
    const first = commandFingerprint(command);
    expect(commandFingerprint({ type: 'ProvideAssistance', data: { ...data, caseId: 'C2' } })).not.toBe(first);
    expect(commandFingerprint({ type: 'ProvideAssistance', data: { ...data, assistanceType: 'medical' } })).not.toBe(first);
    expect(commandFingerprint({ ...command, type: 'CloseCase' } as never)).not.toBe(first);
  });

  it('is the SHA-256 of the type, a newline and the canonical data, in lowercase hex', () => {
    const expected = createHash('sha256')
      .update('ProvideAssistance\n{"assistanceType":"shelter","caseId":"C1","providedOn":"2015-03-20"}')
      .digest('hex');
    expect(commandFingerprint(command)).toBe(expected);
  });
});

describe('requestFingerprint (a sheet)', () => {
  const body = { sha256: 'ab'.repeat(32) };

  it('ignores key order and spacing of the body (canonical JSON)', () => {
    const reordered = JSON.parse('{ "b": 2, "a": 1 }');
    expect(requestFingerprint('POST', '/p', reordered)).toBe(requestFingerprint('POST', '/p', { a: 1, b: 2 }));
  });

  it('tells apart another body, path or method, and no body from an empty string', () => {
    const first = requestFingerprint('POST', '/api/v1/sheets/cases', body);
    expect(requestFingerprint('POST', '/api/v1/sheets/csos', body)).not.toBe(first);
    expect(requestFingerprint('PUT', '/api/v1/sheets/cases', body)).not.toBe(first);
    expect(requestFingerprint('POST', '/api/v1/sheets/cases', { sha256: 'cd'.repeat(32) })).not.toBe(first);
    expect(requestFingerprint('POST', '/p', undefined)).not.toBe(requestFingerprint('POST', '/p', ''));
  });
});

describe('commandTypeOfEvent', () => {
  it('names the one command that appends each event type', () => {
    expect(commandTypeOfEvent('VictimIdentified')).toBe('IdentifyVictim');
    expect(commandTypeOfEvent('EventVoided')).toBe('VoidEvent');
    expect(commandTypeOfEvent('IndicatorTargetSet')).toBe('SetTarget');
    expect(commandTypeOfEvent('NoSuchEvent')).toBeUndefined();
  });
});

describe('isValidIdempotencyKey', () => {
  it('takes 1 to 200 printable ASCII characters', () => {
    expect(isValidIdempotencyKey('a')).toBe(true);
    expect(isValidIdempotencyKey('order 42 / retry #1')).toBe(true);
    expect(isValidIdempotencyKey('x'.repeat(200))).toBe(true);
  });

  it('refuses empty, too long, control and non-ASCII keys', () => {
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('x'.repeat(201))).toBe(false);
    expect(isValidIdempotencyKey('a\tb')).toBe(false);
    expect(isValidIdempotencyKey('clé')).toBe(false);
  });
});
