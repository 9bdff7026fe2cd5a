import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** The library's answer, or its error's message. */
function reference(value: unknown): string | undefined {
  try {
    return canonicalize(value);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

function ours(value: unknown): string | undefined {
  try {
    return canonicalJson(value);
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

describe('canonical JSON', () => {
  it('given hand-written values, when written, then keys are sorted by code unit and numbers written as ES does', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], B: { d: 1e21, c: 0.1 } })).toBe('{"B":{"c":0.1,"d":1e+21},"a":[true,null,"x"],"b":1}');
    expect(canonicalJson({ é: 1, z: 2, '\u20ac': 3 })).toBe('{"z":2,"é":1,"€":3}');
    expect(canonicalJson({ a: undefined, b: -0 })).toBe('{"b":0}');
  });

  it('given any JSON value, when written, then the text is exactly the library\'s', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
        expect(ours(value)).toBe(reference(value));
      }), { numRuns: 500 });
  });

  it('given strings of any code units (lone surrogates too), when written, then the answer or the refusal is the library\'s', () => {
    const text = fc.string({ unit: 'binary', maxLength: 8 });
    fc.assert(
      fc.property(fc.dictionary(text, fc.oneof(text, fc.double(), fc.array(text, { maxLength: 3 }))), (value) => {
        expect(ours(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it('given values that are not plain JSON, when written, then the library answers (toJSON, cycles, NaN)', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const values = [{ at: new Date(0) }, cyclic, { '\ud800': 1 }, ['a\udc00'], { n: Number.NaN }, [Infinity], { f: () => 1 }, { toJSON: () => ({ z: 1, a: 2 }) }];
    for (const value of values) expect(ours(value)).toBe(reference(value));
  });
});
