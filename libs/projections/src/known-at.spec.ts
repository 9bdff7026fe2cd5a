import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRecordedTime, RecordedTimes, recordedInstant } from './known-at.js';

const at = (iso: string) => recordedInstant(iso)!;

function timesOf(recordedAts: string[]): RecordedTimes {
  const times = new RecordedTimes();
  recordedAts.forEach((t, i) => times.record(i + 1, t));
  return times;
}

describe('the recordedAt format', () => {
  it('given times written exactly YYYY-MM-DDTHH:MM:SS.sssZ, when read, then real instants are accepted', () => {
    expect(recordedInstant('2015-03-01T10:00:00.000Z')).toBe(Date.UTC(2015, 2, 1, 10, 0, 0, 0));
    expect(isRecordedTime('2016-02-29T23:59:59.999Z')).toBe(true);
    expect(isRecordedTime('0050-01-01T00:00:00.000Z')).toBe(true);
  });

  it('given anything else, when read, then it is refused', () => {
    for (const bad of [
      '2015-02-30T10:00:00.000Z', // no 30 February
      '2015-02-29T10:00:00.000Z', // 2015 is not a leap year
      '2015-03-01T24:00:00.000Z',
      '2015-03-01T10:60:00.000Z',
      '2015-03-01T10:00:60.000Z',
      '2015-03-01T10:00:00Z',
      '2015-03-01T10:00:00.00Z',
      '2015-03-01T10:00:00.000',
      '2015-03-01T10:00:00.000+00:00',
      '2015-03-01 10:00:00.000Z',
      '2015-03-01',
      '',
      ' 2015-03-01T10:00:00.000Z',
    ]) {
      expect(isRecordedTime(bad), bad).toBe(false);
    }
  });
});

describe('the position known at a time', () => {
  // Positions 1–4 at 10:00, 10:05, 10:05, 10:10.
  const ordered = timesOf(['2015-03-01T10:00:00.000Z', '2015-03-01T10:05:00.000Z', '2015-03-01T10:05:00.000Z', '2015-03-01T10:10:00.000Z']);

  it('given a time equal to a recording time, then every event recorded then counts (the last of them)', () => {
    expect(ordered.positionAt(at('2015-03-01T10:00:00.000Z'))).toBe(1);
    expect(ordered.positionAt(at('2015-03-01T10:05:00.000Z'))).toBe(3);
    expect(ordered.positionAt(at('2015-03-01T10:10:00.000Z'))).toBe(4);
  });

  it('given a time between two recording times, then the log up to the earlier one', () => {
    expect(ordered.positionAt(at('2015-03-01T10:04:59.999Z'))).toBe(1);
    expect(ordered.positionAt(at('2015-03-01T10:07:00.000Z'))).toBe(3);
  });

  it('given a time before every recording time, then position 0; after every one, then the last position', () => {
    expect(ordered.positionAt(at('2015-03-01T09:59:59.999Z'))).toBe(0);
    expect(ordered.positionAt(at('2099-01-01T00:00:00.000Z'))).toBe(4);
    expect(new RecordedTimes().positionAt(at('2099-01-01T00:00:00.000Z'))).toBe(0);
  });

  it('given a clock behind the others (two writers), then the highest position recorded by T, not the longest prefix', () => {
    // Position 3 was written by a process whose clock was 10 minutes behind.
    const skewed = timesOf(['2015-03-01T10:00:00.000Z', '2015-03-01T10:20:00.000Z', '2015-03-01T10:10:00.000Z', '2015-03-01T10:30:00.000Z']);

    expect(skewed.positionAt(at('2015-03-01T10:15:00.000Z'))).toBe(3); // 3 (10:10) ≤ T, though 2 (10:20) is not
    expect(skewed.positionAt(at('2015-03-01T10:05:00.000Z'))).toBe(1);
    expect(skewed.positionAt(at('2015-03-01T10:20:00.000Z'))).toBe(3);
    expect(skewed.positionAt(at('2015-03-01T10:30:00.000Z'))).toBe(4);
  });

  it('given positions recorded out of order, then it refuses them', () => {
    const times = timesOf(['2015-03-01T10:00:00.000Z']);
    expect(() => times.record(1, '2015-03-01T10:00:00.000Z')).toThrow(RangeError);
  });

  it('answers exactly what a linear scan for the highest position with recordedAt ≤ T answers, whatever the clocks', () => {
    const instant = fc.integer({ min: 0, max: 40 }).map((s) => Date.UTC(2015, 2, 1, 10, 0, s));
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 60 }), fc.array(fc.integer({ min: -1, max: 41 }), { minLength: 1, maxLength: 20 }), (clock, probes) => {
        const times = new RecordedTimes();
        clock.forEach((ms, i) => {
          times.record(i + 1, new Date(ms).toISOString());
          // After every append, not only at the end: the projector answers between appends.
          for (const s of probes) {
            const t = Date.UTC(2015, 2, 1, 10, 0, 0) + s * 1000;
            let scan = 0;
            for (let p = 1; p <= i + 1; p++) if (clock[p - 1] <= t) scan = p;
            expect(times.positionAt(t)).toBe(scan);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the recordedAt reader against the platform', () => {
  it('given any instant from year 0 to 9999, when written by toISOString and read, then the same instant comes back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(recordedInstant(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });

  it('given any 24-character string, when read, then it is accepted exactly when Date.parse reads it back to itself', () => {
    const chars = fc.constantFrom(...'0123456789-T:.Z9'.split(''));
    const near = fc.tuple(fc.integer({ min: 0, max: 23 }), chars).map(([i, c]) => {
      const base = '2016-02-29T23:59:59.999Z';
      return base.slice(0, i) + c + base.slice(i + 1);
    });
    fc.assert(
      fc.property(near, (text) => {
        const ms = Date.parse(text);
        const platform = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text) && !Number.isNaN(ms) && new Date(ms).toISOString() === text;
        expect(recordedInstant(text)).toBe(platform ? ms : undefined);
      }),
      { numRuns: 2000 },
    );
  });
});
