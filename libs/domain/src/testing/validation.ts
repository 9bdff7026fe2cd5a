import type { z } from 'zod';
import { fieldErrors, type FieldError } from '../errors.js';

/** The field errors a schema reports for a value: [] when it is valid. */
export function errorsOf(schema: z.ZodType, value: unknown): FieldError[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : fieldErrors(parsed.error);
}

/** Just the JSON Pointers of those errors, to compare with what a test expects. */
export function pathsOf(schema: z.ZodType, value: unknown): string[] {
  return errorsOf(schema, value).map((e) => e.path);
}
