/**
 * The moment a view shows, read from its URL: a business date (`asOf`, default the project's end)
 * and what was known then (`at` a log position, or `atTime` a recording time; default: all of it,
 * and then the view follows live updates). Bad values in a pasted URL fall back to the defaults.
 */
import type { Params } from './hash.js';

export interface Moment {
  asOf: string;
  /** Known at this log position. */
  atPosition?: number;
  /** Known at this recording time (`recordedAt` format). */
  atTime?: string;
  /** True when nothing fixes what is known: the view follows the log as it grows. */
  live: boolean;
  /** True when the view is not "now": an earlier business date or an earlier state of the log. */
  past: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function momentOf(params: Params, project: { start: string; end: string }): Moment {
  const asked = params.asOf;
  const asOf = asked && DATE.test(asked) && asked >= project.start && asked <= project.end ? asked : project.end;
  const at = params.at !== undefined && /^\d{1,12}$/.test(params.at) ? Number(params.at) : undefined;
  const atTime = at === undefined && params.atTime && TIME.test(params.atTime) ? params.atTime : undefined;
  const live = at === undefined && atTime === undefined;
  return { asOf, atPosition: at, atTime, live, past: !live || asOf !== project.end };
}

/** The query parameters of a read at this moment; `minPosition` makes a live read include a write seen. */
export function momentQuery(moment: Moment, minPosition?: number): Record<string, string> {
  const q: Record<string, string> = { asOf: moment.asOf };
  if (moment.atPosition !== undefined) q.atPosition = String(moment.atPosition);
  else if (moment.atTime !== undefined) q.atTime = moment.atTime;
  else if (minPosition) q.minPosition = String(minPosition);
  return q;
}

/** The restatement report comparing this view's known-at moment with now (CONTRACT.md, "Restatement"). */
export function restatementParams(moment: Moment): Record<string, string> | undefined {
  if (moment.atPosition !== undefined) return { since: String(moment.atPosition), asOf: moment.asOf };
  if (moment.atTime !== undefined) return { sinceTime: moment.atTime, asOf: moment.asOf };
  return undefined;
}

/** A local date-time input's value (`YYYY-MM-DDTHH:MM[:SS]`, the browser's zone) as `atTime`, or undefined. */
export function atTimeOfLocal(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return undefined;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** `atTime` back into a local date-time input's value. */
export function localOfAtTime(atTime: string): string {
  const d = new Date(atTime);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
