/**
 * Tamper evidence as a property: any single change to an export of the demo history (a data
 * value, a metadata field, the hash, the position or another envelope field), the removal of a
 * line, the insertion of a copy of another line, or the swap of two lines is found at the first
 * place where the sequence differs from the original — by the library's verifier for many runs,
 * by `jalon verify --file` for a few. Removing the last line leaves a valid shorter chain: only a
 * known head hash (`--expect-head`) reveals it, and the test says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createChainVerifier, verifyChain } from '@jalon/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical } from './crash-workload.js';
import { countSetting } from '../support/settings.js';
import { jalon, scratchDir } from './support.js';

const RUNS = countSetting('JALON_TAMPER_RUNS', 300);
const CLI_RUNS = 3;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Event = Record<string, Json> & { data: Record<string, Json>; metadata: Record<string, Json>; hash: string };

const scratch = scratchDir('tamper');
let original: Event[] = [];
let head = '';

beforeAll(async () => {
  const store = `sqlite:${join(scratch.dir, 'demo.db')}`;
  const file = join(scratch.dir, 'demo.ndjson');
  const demo = await jalon(['demo', '--store', store]);
  expect(demo.code, demo.stderr).toBe(0);
  const exported = await jalon(['export', '--store', store, '--out', file]);
  expect(exported.code, exported.stderr).toBe(0);
  original = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Event);
  head = original[original.length - 1].hash;
}, 60_000);

afterAll(() => scratch.remove());

// ---------------------------------------------------------------------------------------------
// Tampering, as data: what to do to which line, applied to a copy of the export
// ---------------------------------------------------------------------------------------------

type Tamper =
  | { kind: 'data'; at: number; leaf: number; value: Json }
  | { kind: 'metadata'; at: number; field: string; value: Json }
  | { kind: 'envelope'; at: number; field: 'position' | 'eventId' | 'type' | 'streamId' | 'revision'; value: Json }
  | { kind: 'hash'; at: number; char: number; digit: number }
  | { kind: 'remove'; at: number }
  | { kind: 'insert'; at: number; copyOf: number }
  | { kind: 'swap'; at: number; with: number };

/** The paths to every leaf of a JSON value (array items and object members, recursively). */
function leaves(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [path];
}

/** Copies only the line it changes, so that untouched lines stay the original objects. */
function tamper(events: Event[], t: Tamper): Event[] {
  const copy: Event[] = [...events];
  if (t.kind === 'data' || t.kind === 'metadata' || t.kind === 'envelope' || t.kind === 'hash') copy[t.at] = structuredClone(events[t.at]);
  switch (t.kind) {
    case 'data': {
      const paths = leaves(copy[t.at].data);
      const path = paths[t.leaf % paths.length];
      let target: any = copy[t.at].data;
      for (const key of path.slice(0, -1)) target = target[key];
      target[path[path.length - 1]] = t.value;
      return copy;
    }
    case 'metadata':
      copy[t.at].metadata[t.field] = t.value;
      return copy;
    case 'envelope':
      copy[t.at][t.field] = t.value;
      return copy;
    case 'hash': {
      const h = copy[t.at].hash;
      const digit = ((parseInt(h[t.char], 16) + t.digit) % 16).toString(16);
      copy[t.at].hash = h.slice(0, t.char) + digit + h.slice(t.char + 1);
      return copy;
    }
    case 'remove':
      copy.splice(t.at, 1);
      return copy;
    case 'insert':
      copy.splice(t.at, 0, structuredClone(events[t.copyOf]));
      return copy;
    case 'swap':
      [copy[t.at], copy[t.with]] = [copy[t.with], copy[t.at]];
      return copy;
  }
}

/** 1-based place of the first line that differs from the original (by content, not key order). */
function firstDifference(tampered: Event[]): number | null {
  for (let i = 0; i < tampered.length; i++) {
    if (tampered[i] === original[i]) continue;
    if (i >= original.length || canonical(tampered[i]) !== canonical(original[i])) return i + 1;
  }
  return null; // a strict prefix of the original (or the original itself)
}

const jsonLeaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -1000, max: 100_000 }), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }));

function tampering(): fc.Arbitrary<Tamper> {
  const n = original.length;
  const at = fc.integer({ min: 0, max: n - 1 });
  return fc.oneof(
    fc.record({ kind: fc.constant('data' as const), at, leaf: fc.nat(), value: jsonLeaf }),
    fc.record({
      kind: fc.constant('metadata' as const),
      at,
      field: fc.constantFrom('recordedAt', 'recordedBy', 'schemaVersion', 'commandId'),
      value: fc.oneof(jsonLeaf, fc.constantFrom('2015-01-01T00:00:00.000Z', 'admin', 2)),
    }),
    fc.record({
      kind: fc.constant('envelope' as const),
      at,
      field: fc.constantFrom('position' as const, 'eventId' as const, 'type' as const, 'streamId' as const, 'revision' as const),
      value: fc.oneof(fc.integer({ min: -2, max: n + 2 }), fc.constantFrom('TrainingHeld', 'case-X', 'feccac83-ab45-43fb-bc0d-461ec9ca9930'), jsonLeaf),
    }),
    fc.record({ kind: fc.constant('hash' as const), at, char: fc.integer({ min: 0, max: 63 }), digit: fc.integer({ min: 1, max: 15 }) }),
    fc.record({ kind: fc.constant('remove' as const), at }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.integer({ min: 0, max: n }), copyOf: at }),
    fc.record({ kind: fc.constant('swap' as const), at, with: at }).filter((t) => t.at !== t.with),
  );
}

/** A tampering that changes nothing (a value set to what it was) is no tampering. */
const effective = (t: Tamper) => {
  const tampered = tamper(original, t);
  return tampered.length !== original.length || firstDifference(tampered) !== null;
};

describe('tamper evidence of an export (demo history)', () => {
  it('the untouched export verifies, by the library and by jalon verify --file --expect-head', async () => {
    expect(verifyChain(original)).toMatchObject({ ok: true, events: original.length, firstBadPosition: null });
    const file = join(scratch.dir, 'untouched.ndjson');
    writeFileSync(file, original.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const run = await jalon(['verify', '--file', file, '--expect-head', head]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });

  it(`any single change, removal, insertion or swap is found at the first differing place (${RUNS} runs, library verifier)`, () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(tampering().filter(effective), (t) => {
        seen.set(t.kind, (seen.get(t.kind) ?? 0) + 1);
        const tampered = tamper(original, t);
        const expected = firstDifference(tampered);
        const result = verifyChain(tampered);
        if (expected === null) {
          // Only the last line was removed: the shorter chain is valid, but the head is gone from it.
          expect(result.ok).toBe(true);
          expect(result.events).toBe(original.length - 1);
          expect(verifyChainSawHead(tampered)).toBe(false);
        } else {
          expect(result.ok).toBe(false);
          expect(result.firstBadPosition).toBe(expected);
        }
      }),
      { numRuns: RUNS },
    );
    process.stdout.write(`[reliability] tampering: ${RUNS} runs over ${original.length} events: ${JSON.stringify(Object.fromEntries(seen))}\n`);
  });

  it(`jalon verify --file finds it at the same place (${CLI_RUNS + 1} runs, the command line)`, async () => {
    const samples = fc.sample(tampering().filter(effective), { numRuns: CLI_RUNS, seed: Date.now() | 0 });
    samples.push({ kind: 'remove', at: original.length - 1 });
    const runs = samples.map(async (t, i) => {
      const tampered = tamper(original, t);
      const file = join(scratch.dir, `tampered-${i}.ndjson`);
      writeFileSync(file, tampered.map((e) => JSON.stringify(e)).join('\n') + '\n');
      return { t, expected: firstDifference(tampered), run: await jalon(['verify', '--file', file, '--expect-head', head]) };
    });
    for (const { t, expected, run } of await Promise.all(runs)) {
      expect(run.code, `${JSON.stringify(t)}: ${run.stdout}${run.stderr}`).toBe(1);
      if (expected === null) expect(run.stdout).toMatch(/NOT found/);
      else expect(run.stdout, JSON.stringify(t)).toContain(`first bad position ${expected}:`);
    }
  }, 60_000);
});

/** As `jalon verify --expect-head`: is an event with the original head hash in the intact chain? */
function verifyChainSawHead(events: Event[]): boolean {
  const verifier = createChainVerifier({ watch: [head] });
  for (const event of events) verifier.push(event);
  return verifier.sawHash(head);
}
