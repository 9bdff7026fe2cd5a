import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '@jalon/domain';
import { isRecordedTime } from '@jalon/projections';

/** Option parsers: commander reports what they throw as a usage error naming the option. */

export function parseDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a real date written YYYY-MM-DD.');
  return value;
}

export function parsePosition(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return n;
}

export function parseHash(value: string): string {
  if (!/^[0-9a-f]{64}$/i.test(value)) throw new InvalidArgumentError('expected a SHA-256 hash: 64 hexadecimal digits.');
  return value.toLowerCase();
}

/** `--store`, else JALON_STORE, else the embedded default of CONTRACT.md. */
export function defaultStoreUrl(): string {
  return process.env.JALON_STORE || 'sqlite:./data/jalon.db';
}

export function parseTime(value: string): string {
  if (!isRecordedTime(value)) throw new InvalidArgumentError('expected a real instant written YYYY-MM-DDTHH:MM:SS.sssZ (UTC).');
  return value;
}
