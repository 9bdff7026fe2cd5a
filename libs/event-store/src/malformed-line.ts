// A symbol key: no parsed JSON can carry one, so no line can pass itself off as malformed.
const MALFORMED = Symbol('jalon.malformedLine');

/** Stands in for an NDJSON line that is not valid JSON: the verifier counts it as a bad event there. */
export interface MalformedLine {
  readonly [MALFORMED]: true;
  /** 1-based line number. */
  readonly line: number;
  readonly reason: string;
}

export function malformedLine(line: number, reason: string): MalformedLine {
  return { [MALFORMED]: true, line, reason };
}

export function isMalformedLine(value: unknown): value is MalformedLine {
  return typeof value === 'object' && value !== null && MALFORMED in value;
}
