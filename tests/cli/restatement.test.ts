import { writeFileSync } from 'node:fs';
import { hashEvent } from '@jalon/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, INDICATOR_CODES, jalon, scratch } from './jalon.js';

/**
 * `jalon restatement` and `jalon replay --at-time` on a four-event log imported from a file, every
 * figure worked out by hand (DOMAIN.md): 1.1's targets are 5, 35, 60, so as of 2015-12-31 it
 * expects its 2015 target.
 */

/** Each run starts a Node process: on a machine loaded by other builds, up to a minute. */
const SLOW = 600_000;

const tmp = scratch();
afterAll(() => tmp.remove());
const store = tmp.store('log');

const RECORDED = ['2015-03-11T09:00:00.000Z', '2015-04-03T09:00:00.000Z', '2015-04-10T09:00:00.000Z', '2015-06-01T09:00:00.000Z'];
const ids = [1, 2, 3, 4].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
const victim = (caseId: string, identifiedOn: string) => ({
  caseId, identifiedOn, sex: 'female', ageGroup: 'adult', nationality: 'NG', exploitationType: 'sexual', referredBy: 'cso',
});
const EVENTS = [
  { type: 'VictimIdentified', streamId: 'case-C1', revision: 0, data: victim('C1', '2015-03-10') },
  { type: 'VictimIdentified', streamId: 'case-C2', revision: 0, data: victim('C2', '2015-04-02') },
  { type: 'EventVoided', streamId: 'case-C2', revision: 1, data: { eventId: ids[1], reason: 'Duplicate of C1' } },
  { type: 'IndicatorTargetSet', streamId: 'indicator-1.1', revision: 0, data: { code: '1.1', period: '2015', value: 40, reason: 'Mid-term review' } },
];

beforeAll(async () => {
  let previous = '0'.repeat(64);
  const lines = EVENTS.map((e, i) => {
    const unsealed = { position: i + 1, eventId: ids[i], ...e, metadata: { recordedAt: RECORDED[i], recordedBy: 'ana', schemaVersion: 1 } };
    previous = hashEvent(previous, unsealed);
    return `${JSON.stringify({ ...unsealed, hash: previous })}\n`;
  });
  writeFileSync(tmp.path('log.ndjson'), lines.join(''));
  const run = await jalon(['import', tmp.path('log.ndjson'), '--store', store]);
  expect(run.code, run.stderr).toBe(0);
}, SLOW);

const json = async (args: string[]) => {
  const run = await jalon([...args, '--json', '--store', store]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

describe('jalon restatement', () => {
  it('--json prints the route\'s answer: a void moved 1.1\'s value, a revision its expected value, each with its reason', async () => {
    const view = await json(['restatement', '--since', '2', '--as-of', '2015-12-31']);

    expect(view).toMatchObject({ asOf: '2015-12-31', since: 2, position: 4 });
    expect(view.indicators.map((i: { code: string }) => i.code)).toEqual(INDICATOR_CODES);
    expect(view.indicators[0]).toEqual({
      code: '1.1',
      then: { value: 2, target: 60, expected: 35, status: 'red' },
      now: { value: 1, target: 60, expected: 40, status: 'red' },
      restated: true,
      changes: [
        { position: 3, eventId: ids[2], type: 'EventVoided', streamId: 'case-C2', recordedAt: RECORDED[2], recordedBy: 'ana', reason: 'Duplicate of C1', value: { before: 2, after: 1 } },
        { position: 4, eventId: ids[3], type: 'IndicatorTargetSet', streamId: 'indicator-1.1', recordedAt: RECORDED[3], recordedBy: 'ana', reason: 'Mid-term review', expected: { before: 35, after: 40 } },
      ],
    });
    expect(view.indicators.filter((i: { restated: boolean }) => i.restated).map((i: { code: string }) => i.code)).toEqual(['1.1']);
  }, SLOW);

  it('--since-time and --at-time resolve to the last position recorded by then', async () => {
    const view = await json(['restatement', '--since-time', '2015-04-05T00:00:00.000Z', '--at-time', RECORDED[2], '--as-of', '2015-12-31']);

    expect(view).toMatchObject({ since: 2, position: 3 });
    expect(view.indicators[0].changes.map((c: { position: number }) => c.position)).toEqual([3]);
  }, SLOW);

  it('prints a table of then and now and the changes in log order', async () => {
    const run = await jalon(['restatement', '--since', '2', '--as-of', '2015-12-31', '--store', store]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Restatement as of 2015-12-31: known at position 2 \(then\) and at position 4 \(now\)$/m);
    expect(run.stdout).toMatch(/^1\.1\s+Presumed victims identified and referred\s+2\s+1\s+60\s+60\s+35\s+40\s+yes$/m);
    expect(run.stdout).toMatch(/^2\.1\s.*\sno$/m);
    expect(run.stdout).toMatch(/^\s+3\s+1\.1\s+value 2 → 1\s+EventVoided\s+case-C2\s+2015-04-10T09:00:00\.000Z\s+ana\s+Duplicate of C1$/m);
    expect(run.stdout).toMatch(/^\s+4\s+1\.1\s+expected 35 → 40\s+IndicatorTargetSet\s+indicator-1\.1\s.*Mid-term review$/m);
  }, SLOW);

  it('refuses, as a usage error, neither or both of --since and --since-time, both --at-position and --at-time, since after the position or the head, a bad time', async () => {
    const runs = [];
    for (const args of [
      [],
      ['--since', '1', '--since-time', RECORDED[0]],
      ['--since', '1', '--at-position', '2', '--at-time', RECORDED[1]],
      ['--since', '3', '--at-position', '2'],
      ['--since', '5'],
      ['--since', '0', '--at-position', '5'],
      ['--since-time', '2015-02-30T10:00:00.000Z'],
      ['--since', '0', '--at-time', '2015-03-11'],
      ['--since', 'one'],
    ]) {
      runs.push(jalon(['restatement', ...args, '--store', store]));
    }
    for (const run of await Promise.all(runs)) expectUsageError(run);
  }, SLOW);

  it('--help describes every option', async () => {
    const run = await jalon(['restatement', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--since', '--since-time', '--as-of', '--at-position', '--at-time', '--json']) expect(run.stdout).toContain(option);
  }, SLOW);
});

describe('jalon replay --at-time', () => {
  const positionAt = async (time: string) => (await json(['replay', '--at-time', time])).position;

  it('counts the log up to the last event recorded at, between or before the times given', async () => {
    const [at, between, before, future, view] = await Promise.all([
      positionAt(RECORDED[1]),
      positionAt('2015-05-01T00:00:00.000Z'),
      positionAt('2015-03-11T08:59:59.999Z'),
      positionAt('2030-01-01T00:00:00.000Z'),
      json(['replay', '--at-time', RECORDED[1], '--as-of', '2015-12-31']),
    ]);
    expect(at).toBe(2); // at a recording time
    expect(between).toBe(3); // between 3 and 4
    expect(before).toBe(0); // before the first
    expect(future).toBe(4); // in the future: the head
    expect(view.indicators[0]).toMatchObject({ value: 2, expected: 35 }); // C1 and C2, before the void
  }, SLOW);

  it('refuses --at-time with --at-position, or a time that is not an instant, as a usage error', async () => {
    const runs = await Promise.all([
      jalon(['replay', '--at-time', RECORDED[1], '--at-position', '1', '--store', store]),
      jalon(['replay', '--at-time', '2015-04-31T00:00:00.000Z', '--store', store]),
    ]);
    runs.forEach(expectUsageError);
  }, SLOW);
});
