import { describe, expect, it } from 'vitest';
import { countSetting, flagSetting, isCI, optionalCountSetting, wholeNumberSetting } from './settings.js';

describe('CI', () => {
  it.each(['1', 'true', 'TRUE', 'True', 'yes', 'YES', 'on', ' true '])('given CI=%j, then the forced suites run', (value) => {
    expect(isCI({ CI: value })).toBe(true);
  });

  it.each(['0', 'false', 'FALSE', 'no', 'off', ''])('given CI=%j, then they may skip', (value) => {
    expect(isCI({ CI: value })).toBe(false);
  });

  it('given no CI variable, then they may skip', () => {
    expect(isCI({})).toBe(false);
  });

  it('given CI=maybe, then it is refused with the variable named', () => {
    expect(() => isCI({ CI: 'maybe' })).toThrow('CI must be yes or no (1, true, yes, on / 0, false, no, off, any case), got "maybe"');
  });

  it('given another flag unset, then its fallback holds', () => {
    expect(flagSetting('JALON_X', true, {})).toBe(true);
  });
});

describe('counts (runs, rounds, seconds)', () => {
  it('given the variable unset or empty, then the default', () => {
    expect(countSetting('JALON_FUZZ_RUNS', 10_000, {})).toBe(10_000);
    expect(countSetting('JALON_FUZZ_RUNS', 10_000, { JALON_FUZZ_RUNS: ' ' })).toBe(10_000);
  });

  it('given a positive whole number, then that number', () => {
    expect(countSetting('JALON_FUZZ_RUNS', 10_000, { JALON_FUZZ_RUNS: '250' })).toBe(250);
    expect(countSetting('JALON_LOAD_SECONDS', 10, { JALON_LOAD_SECONDS: '1' })).toBe(1);
  });

  it.each(['0', '-3', '1.5', '1e3', 'ten', '0x10', '9007199254740993'])('given %j, then it is refused, naming the variable', (value) => {
    expect(() => countSetting('JALON_FUZZ_RUNS', 10_000, { JALON_FUZZ_RUNS: value })).toThrow(
      `JALON_FUZZ_RUNS must be a positive whole number (1 or more), got "${value}"`,
    );
  });

  it('given an optional count unset, then undefined; set to 0, then refused', () => {
    expect(optionalCountSetting('JALON_CRASH_ROUNDS', {})).toBeUndefined();
    expect(optionalCountSetting('JALON_CRASH_ROUNDS', { JALON_CRASH_ROUNDS: '3' })).toBe(3);
    expect(() => optionalCountSetting('JALON_CRASH_ROUNDS', { JALON_CRASH_ROUNDS: '0' })).toThrow('JALON_CRASH_ROUNDS must be a positive whole number');
  });

  it('given a seed, then 0 is a whole number like any other', () => {
    expect(wholeNumberSetting('JALON_FUZZ_SEED', 7, 0, { JALON_FUZZ_SEED: '0' })).toBe(0);
    expect(() => wholeNumberSetting('JALON_FUZZ_SEED', 7, 0, { JALON_FUZZ_SEED: '-1' })).toThrow(
      'JALON_FUZZ_SEED must be a whole number of at least 0, got "-1"',
    );
  });
});
