import {
  AccessDeniedError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  TransactionMaxSizeExceededError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import { appendFailure, parseServerVersion, serverVersionProblem } from './kurrentdb-server.js';

describe('the server version', () => {
  it('given version strings, when parsed, then major and minor are read', () => {
    expect(parseServerVersion('25.1.0.1234')).toEqual({ major: 25, minor: 1, text: '25.1.0.1234' });
    expect(parseServerVersion('24.10')).toMatchObject({ major: 24, minor: 10 });
    expect(parseServerVersion('unknown')).toBeUndefined();
    expect(parseServerVersion(undefined)).toBeUndefined();
  });

  it('given 25.1 and later, when checked, then accepted; older or unknown, then refused with what to do', () => {
    for (const ok of ['25.1.0', '25.2.1', '26.0.0.5']) expect(serverVersionProblem(ok)).toBeUndefined();
    expect(serverVersionProblem('25.0.3')).toMatch(/needs KurrentDB 25\.1 or later, and this is KurrentDB 25\.0\.3.*Upgrade the server/);
    expect(serverVersionProblem('24.10.0')).toMatch(/KurrentDB 24\.10\.0/);
    expect(serverVersionProblem('unknown')).toMatch(/reports no version/);
  });
});

describe('what a failed append means', () => {
  it('given the errors the client throws, when classified, then only a wrong expected version is a refusal, and timeouts leave the outcome unknown', () => {
    const wrong = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 1n, current: 2n });
    expect(appendFailure(wrong)).toBe('conflict');
    expect(appendFailure(new DeadlineExceededError())).toBe('unknown');
    expect(appendFailure(new TimeoutError())).toBe('unknown');
    expect(appendFailure(new UnavailableError())).toBe('unknown');
    expect(appendFailure(Object.assign(Object.create(NotLeaderError.prototype) as object, { type: 'not-leader' }))).toBe('unknown');
    expect(appendFailure(new TransactionMaxSizeExceededError(undefined, { size: 2, maxSize: 1 }))).toBe('too-large');
    expect(appendFailure(MaxAppendSizeExceededError.fromMaxAppendSize(1))).toBe('too-large');
    expect(appendFailure(new AccessDeniedError())).toBe('other');
    expect(appendFailure(StreamDeletedError.fromStreamName('s'))).toBe('other');
    expect(appendFailure(new Error('plain'))).toBe('other');
    expect(appendFailure(Object.assign(new Error('14 UNAVAILABLE: connection reset'), { code: 14 }))).toBe('unknown');
  });
});
