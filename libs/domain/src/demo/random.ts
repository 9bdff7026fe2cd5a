import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { addDays, daysBetween } from '../dates.js';

/** A seeded random source; every draw comes from it so the demo is reproducible. */
export interface Rng {
  /** An integer from min to max, both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
  /** k distinct items, in their original order. */
  sample<T>(items: readonly T[], k: number): T[];
  /** A date from `from` to `to`, both included. */
  date(from: string, to: string): string;
  /** n sorted dates from `from` to `to`. */
  dates(from: string, to: string, n: number): string[];
  /** n whole numbers, each at least `min`, adding up to `total`. */
  split(total: number, n: number, min: number): number[];
  /** A random (version 4) UUID, lower case. */
  uuid(): string;
}

export function createRng(seed: number): Rng {
  const generator = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(generator, min, max);
  const rng: Rng = {
    int,
    chance: (p) => int(0, 9_999) < Math.round(p * 10_000),
    pick: (items) => items[int(0, items.length - 1)],
    weighted: (entries) => weightedPick(int, entries),
    sample: (items, k) => sample(int, items, k),
    date: (from, to) => addDays(from, int(0, daysBetween(from, to))),
    dates: (from, to, n) => Array.from({ length: n }, () => rng.date(from, to)).sort(),
    split: (total, n, min) => split(int, total, n, min),
    uuid: () => uuid(generator.next.bind(generator)),
  };
  return rng;
}

type Int = (min: number, max: number) => number;

function weightedPick<T>(int: Int, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = int(1, total);
  for (const [value, weight] of entries) {
    draw -= weight;
    if (draw <= 0) return value;
  }
  throw new Error('weighted: no entries');
}

function sample<T>(int: Int, items: readonly T[], k: number): T[] {
  if (k > items.length) throw new Error(`sample: ${k} items asked of ${items.length}`);
  const indexes = items.map((_, i) => i);
  // A partial Fisher-Yates shuffle: the first k places hold the chosen indexes.
  for (let i = 0; i < k; i++) {
    const j = int(i, indexes.length - 1);
    [indexes[i], indexes[j]] = [indexes[j], indexes[i]];
  }
  return indexes.slice(0, k).sort((a, b) => a - b).map((i) => items[i]);
}

function split(int: Int, total: number, n: number, min: number): number[] {
  if (total < n * min) throw new Error(`split: ${total} cannot give ${n} parts of at least ${min}`);
  const parts = Array.from({ length: n }, () => min);
  for (let left = total - n * min; left > 0; left--) parts[int(0, n - 1)]++;
  return parts;
}

function uuid(next: () => number): string {
  const bytes: number[] = [];
  for (let i = 0; i < 4; i++) {
    const word = next() >>> 0;
    bytes.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
