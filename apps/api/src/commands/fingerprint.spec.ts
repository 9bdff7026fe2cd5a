import { describe, expect, it } from 'vitest';
import { isValidIdempotencyKey, requestFingerprint } from './fingerprint.js';

describe('requestFingerprint', () => {
  const body = { caseId: 'C1', participants: { female: 1, male: 2 } };

  it('ignores key order and spacing of the body (canonical JSON)', () => {
    const reordered = JSON.parse('{ "participants": {"male":2,"female":1}, "caseId":"C1" }');
    expect(requestFingerprint('POST', '/api/v1/cases', reordered)).toBe(requestFingerprint('POST', '/api/v1/cases', body));
  });

  it('tells apart another body, path or method', () => {
    const first = requestFingerprint('POST', '/api/v1/cases', body);
    expect(requestFingerprint('POST', '/api/v1/cases', { ...body, caseId: 'C2' })).not.toBe(first);
    expect(requestFingerprint('POST', '/api/v1/trainings', body)).not.toBe(first);
    expect(requestFingerprint('PUT', '/api/v1/cases', body)).not.toBe(first);
  });

  it('tells apart no body from an empty string body', () => {
    expect(requestFingerprint('POST', '/p', undefined)).not.toBe(requestFingerprint('POST', '/p', ''));
  });

  it('is a lowercase hex SHA-256', () => {
    expect(requestFingerprint('post', '/p', {})).toMatch(/^[0-9a-f]{64}$/);
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
