import type { z } from 'zod';

/** Errors are values in the core; the shell maps `code` to an HTTP status once. */

export interface FieldError {
  /** JSON Pointer to the offending field, e.g. `/participants/female`. */
  path: string;
  message: string;
}

export type DomainErrorCode = 'invalid' | 'unknown' | 'conflict';

export interface DomainError {
  code: DomainErrorCode;
  message: string;
  errors?: FieldError[];
}

export const invalid = (errors: FieldError[], message = 'the input is not valid'): DomainError => ({
  code: 'invalid',
  message,
  errors,
});

export const unknown = (message: string): DomainError => ({ code: 'unknown', message });

export const conflict = (message: string, path?: string): DomainError => ({
  code: 'conflict',
  message,
  ...(path ? { errors: [{ path, message }] } : {}),
});

/** RFC 6901: `~` and `/` inside a key are escaped. */
export function toPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** One error per bad field; an unknown field is named by its own path (CONTRACT.md, "Errors"). */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: prefix + toPointer([...issue.path, key]), message: 'unknown field: not allowed' }))
      : [{ path: prefix + toPointer(issue.path), message: issue.message }],
  );
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: DomainError): Result<T> => ({ ok: false, error });
