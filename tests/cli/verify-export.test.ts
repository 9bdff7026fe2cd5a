import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstBadPosition, jalon, printedHash, scratch } from './jalon.js';

const tmp = scratch();
afterAll(() => tmp.remove());

let head = '';
let lines: string[] = [];

beforeAll(async () => {
  const demo = await jalon(['demo', '--store', tmp.store('log')]);
  expect(demo.code, demo.stderr).toBe(0);
  head = printedHash(demo.stdout);
  const exported = await jalon(['export', '--out', tmp.path('export.ndjson'), '--store', tmp.store('log')]);
  expect(exported.code, exported.stderr).toBe(0);
  lines = readFileSync(tmp.path('export.ndjson'), 'utf8').trimEnd().split('\n');
});

/** Writes a variant of the export and verifies it. */
async function verifyVariant(name: string, variant: string[]) {
  writeFileSync(tmp.path(name), `${variant.join('\n')}\n`);
  return jalon(['verify', '--file', tmp.path(name)]);
}

/** Changes one character inside the event's data, keeping the line valid JSON. */
function tamperOneByte(line: string): string {
  const at = line.indexOf('"data":{') + '"data":{"'.length + 1;
  const replacement = line[at] === 'x' ? 'y' : 'x';
  return line.slice(0, at) + replacement + line.slice(at + 1);
}

describe('jalon export', () => {
  it('writes one envelope a line, keys in the contract order, positions 1..N', () => {
    expect(lines.length).toBeGreaterThan(300);
    lines.forEach((line, i) => {
      const envelope = JSON.parse(line);
      expect(Object.keys(envelope)).toEqual(['position', 'eventId', 'type', 'streamId', 'revision', 'data', 'metadata', 'hash']);
      expect(envelope.position).toBe(i + 1);
    });
    expect(JSON.parse(lines[lines.length - 1]).hash).toBe(head);
  });

  it('writes the same bytes to standard output', async () => {
    const run = await jalon(['export', '--store', tmp.store('log')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(tmp.path('export.ndjson'), 'utf8'));
  });
});

describe('jalon verify', () => {
  it('finds the store intact', async () => {
    const run = await jalon(['verify', '--store', tmp.store('log')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^intact: ${lines.length} events`));
    expect(printedHash(run.stdout)).toBe(head);
  });

  it('finds the export intact, from a file and from standard input', async () => {
    const fromFile = await jalon(['verify', '--file', tmp.path('export.ndjson')]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(printedHash(fromFile.stdout)).toBe(head);
    const fromStdin = await jalon(['verify', '--file', '-'], { stdin: readFileSync(tmp.path('export.ndjson'), 'utf8') });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('names the position of an event changed by one byte', async () => {
    const variant = [...lines];
    variant[116] = tamperOneByte(variant[116]);
    const run = await verifyVariant('one-byte.ndjson', variant);
    expect(run.code).toBe(1);
    expect(firstBadPosition(run.stdout)).toBe(117);
  });

  it('names the position of a removed line', async () => {
    const run = await verifyVariant('removed.ndjson', lines.filter((_, i) => i !== 49));
    expect(run.code).toBe(1);
    expect(firstBadPosition(run.stdout)).toBe(50);
  });

  it('names the position of a swapped pair', async () => {
    const variant = [...lines];
    [variant[199], variant[200]] = [variant[200], variant[199]];
    const run = await verifyVariant('swapped.ndjson', variant);
    expect(run.code).toBe(1);
    expect(firstBadPosition(run.stdout)).toBe(200);
  });

  it('with --expect-head: passes with the printed head, fails with a hash not in the chain', async () => {
    const known = await jalon(['verify', '--file', tmp.path('export.ndjson'), '--expect-head', head]);
    expect(known.code, known.stdout).toBe(0);
    const fromStore = await jalon(['verify', '--store', tmp.store('log'), '--expect-head', head.toUpperCase()]);
    expect(fromStore.code, fromStore.stdout).toBe(0);
    const random = 'ab'.repeat(32);
    const unknown = await jalon(['verify', '--file', tmp.path('export.ndjson'), '--expect-head', random]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain(`no event with hash ${random}`);
  });

  it('--expect-head is also proven for an earlier event (a head printed on an older report)', async () => {
    const earlier = JSON.parse(lines[99]).hash;
    const run = await jalon(['verify', '--file', tmp.path('export.ndjson'), '--expect-head', earlier]);
    expect(run.code, run.stdout).toBe(0);
  });
});
