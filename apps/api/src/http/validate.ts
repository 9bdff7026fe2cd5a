import { fieldErrors, isIsoDate, type FieldError } from '@jalon/domain';
import { z } from 'zod';
import { invalidInput } from './problem.js';

/** Query values arrive as strings; these read them strictly (no coercion of "", "1.5", "-1", "1e3"). */
export const wholeNumberParam = z
  .string({ error: 'must be given once, as a whole number' })
  .regex(/^\d{1,15}$/, { error: 'must be a whole number, 0 or more' })
  .transform(Number);

export const dateParam = z
  .string({ error: 'must be given once, as a date YYYY-MM-DD' })
  .refine(isIsoDate, { error: 'must be a real date written YYYY-MM-DD' });

export function enumParam<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` });
}

/**
 * Validates a request's query string against a strict schema: every bad or unknown parameter is
 * named in `errors` (JSON Pointer `/name`), and the whole request is refused with 400.
 */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const parsed = schema.safeParse(query ?? {});
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = fieldErrors(parsed.error).map((e) =>
    e.message === 'unknown field: not allowed' ? { ...e, message: 'unknown query parameter' } : e,
  );
  throw invalidInput(errors, `invalid query: ${errors.map((e) => e.path.slice(1) || 'query').join(', ')}`);
}

/** Validates a JSON body against a strict schema of the shell's own (login, users). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw invalidInput(fieldErrors(parsed.error));
}
