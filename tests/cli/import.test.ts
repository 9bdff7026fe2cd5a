import { readFileSync, writeFileSync } from 'node:fs';
import { hashEvent, type EventEnvelope } from '@jalon/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstBadPosition, jalon, printedHash, scratch } from './jalon.js';

const tmp = scratch();
afterAll(() => tmp.remove());

let head = '';
let exported = '';

beforeAll(async () => {
  const demo = await jalon(['demo', '--store', tmp.store('source')]);
  expect(demo.code, demo.stderr).toBe(0);
  head = printedHash(demo.stdout);
  const run = await jalon(['export', '--out', tmp.path('export.ndjson'), '--store', tmp.store('source')]);
  expect(run.code, run.stderr).toBe(0);
  exported = readFileSync(tmp.path('export.ndjson'), 'utf8');
});

async function headOf(store: string): Promise<string> {
  const run = await jalon(['verify', '--store', store]);
  return run.stdout;
}

/** Renumbers and re-seals every hash: the chain is valid again, whatever was changed. */
function reseal(envelopes: EventEnvelope[]): string {
  let previous = '0'.repeat(64);
  return envelopes
    .map((e, i) => {
      const { hash: _stale, ...unsealed } = { ...e, position: i + 1 };
      previous = hashEvent(previous, unsealed);
      return `${JSON.stringify({ ...unsealed, hash: previous })}\n`;
    })
    .join('');
}

describe('jalon import', () => {
  it('restores an export into an empty store: same head hash, same replay', async () => {
    const run = await jalon(['import', tmp.path('export.ndjson'), '--store', tmp.store('copy')]);
    expect(run.code, run.stderr).toBe(0);
    expect(printedHash(run.stdout)).toBe(head);
    for (const flags of [[], ['--json'], ['--json', '--as-of', '2015-09-30', '--at-position', '150']]) {
      const [source, copy] = await Promise.all(
        ['source', 'copy'].map((s) => jalon(['replay', ...flags, '--store', tmp.store(s)])),
      );
      expect(copy.code, copy.stderr).toBe(0);
      expect(copy.stdout).toBe(source.stdout);
    }
  });

  it('reads standard input for "-"', async () => {
    const run = await jalon(['import', '-', '--store', tmp.store('stdin')], { stdin: exported });
    expect(run.code, run.stderr).toBe(0);
    expect(printedHash(run.stdout)).toBe(head);
  });

  it('refuses a store that is not empty, and writes nothing', async () => {
    const before = await headOf(tmp.store('source'));
    const run = await jalon(['import', tmp.path('export.ndjson'), '--store', tmp.store('source')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^jalon: the store already holds \d+ events[^\n]*nothing was written\n$/);
    expect(await headOf(tmp.store('source'))).toBe(before);
  });

  it('refuses a tampered export, naming the first bad position, and writes nothing', async () => {
    const lines = exported.trimEnd().split('\n');
    lines[41] = lines[41].replace(/"recordedBy":"demo"/, '"recordedBy":"dem0"');
    writeFileSync(tmp.path('tampered.ndjson'), `${lines.join('\n')}\n`);
    const run = await jalon(['import', tmp.path('tampered.ndjson'), '--store', tmp.store('tampered')]);
    expect(run.code).toBe(1);
    expect(firstBadPosition(run.stderr)).toBe(42);
    expect(run.stderr).not.toContain('    at ');
    expect(await headOf(tmp.store('tampered'))).toMatch(/^intact: 0 events/);
  });

  it('refuses an export whose chain is intact but whose events break a rule', async () => {
    const envelopes: EventEnvelope[] = exported.trimEnd().split('\n').map((l) => JSON.parse(l));
    // Drop a case's identification: its first assistance then names an unknown case.
    const dropped = envelopes.findIndex((e) => e.type === 'VictimIdentified');
    const caseStream = envelopes[dropped].streamId;
    const rest = envelopes.filter((_, i) => i !== dropped).map((e) => (e.streamId === caseStream ? { ...e, revision: e.revision - 1 } : e));
    const orphan = rest.findIndex((e) => e.streamId === caseStream) + 1;
    writeFileSync(tmp.path('rules.ndjson'), reseal(rest));
    const verify = await jalon(['verify', '--file', tmp.path('rules.ndjson')]);
    expect(verify.code, verify.stdout).toBe(0);
    const run = await jalon(['import', tmp.path('rules.ndjson'), '--store', tmp.store('rules')]);
    expect(run.code).toBe(1);
    expect(firstBadPosition(run.stderr)).toBe(orphan);
    expect(await headOf(tmp.store('rules'))).toMatch(/^intact: 0 events/);
  });
});
