import { recordedInstant, type RecordedTimes } from '@jalon/projections';
import { usageError } from '../failure.js';

/** `--at-position N` or `--at-time T` (CONTRACT.md, "Known at a time"); never both. */
export interface KnownAtOptions {
  atPosition?: number;
  atTime?: string;
}

/** 2 (usage) when both are given or a position is beyond the head. */
export function checkKnownAt(options: KnownAtOptions, head: number): void {
  if (options.atPosition !== undefined && options.atTime !== undefined)
    throw usageError('give --at-position or --at-time, not both');
  checkPosition('--at-position', options.atPosition, head);
}

export function checkPosition(option: string, position: number | undefined, head: number): void {
  if (position !== undefined && position > head)
    throw usageError(`${option} ${position} is beyond the head of the log (position ${head})`);
}

/** The position a time resolves to: the highest recorded at or before it, 0 when none. */
export function positionAt(times: RecordedTimes, time: string): number {
  return times.positionAt(recordedInstant(time)!);
}

/** The position asked for, or undefined (the head folded). */
export function knownAt(options: KnownAtOptions, times: RecordedTimes): number | undefined {
  return options.atTime !== undefined ? positionAt(times, options.atTime) : options.atPosition;
}
