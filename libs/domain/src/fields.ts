import { z } from 'zod';
import { COUNTRY_CODES } from './vocabulary.js';
import { isInProjectPeriod, isIsoDate, PROJECT_END, PROJECT_START } from './dates.js';
import { UUID } from './envelope.js';

/** Field schemas shared by every event and command: DOMAIN.md, "Events". */

export const identifier = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be 1-64 letters, digits, "_" or "-"' });

/** An event id: a UUID in lower case only (see UUID), so that one id has one spelling everywhere. */
export const uuid = z.string({ error: 'must be a string' }).regex(UUID, {
  error: ({ input }) =>
    typeof input === 'string' && UUID.test(input.toLowerCase()) ? 'must be a UUID written in lower case' : 'must be a UUID',
});

/** A real calendar date, written YYYY-MM-DD, inside the project period. */
export const projectDate = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  .refine(isIsoDate, { error: 'must be a real date written YYYY-MM-DD' })
  .refine(isInProjectPeriod, {
    error: `must be inside the project period ${PROJECT_START} to ${PROJECT_END}`,
    // Not `abort`: an aborted field would stop the object's cross-field checks (TrainingHeld).
    when: ({ value }) => typeof value === 'string' && isIsoDate(value),
  });

/**
 * A UTF-16 surrogate without its pair: not a character, and RFC 8785 (the hash chain) refuses it.
 * In a `u` regexp a well-formed pair is one code point, so only a lone surrogate is a \p{Cs}.
 */
export const LONE_SURROGATE = /\p{Cs}/u;

/** 1-200 characters (code points), not blank, valid Unicode. */
export const text = z
  .string({ error: 'must be a string' })
  .refine((s) => s.trim().length > 0, { error: 'must not be blank' })
  .refine((s) => [...s].length <= 200, {
    error: 'must be at most 200 characters',
    when: ({ value }) => typeof value === 'string' && value.trim().length > 0,
  })
  .refine((s) => !LONE_SURROGATE.test(s), { error: 'must be valid Unicode text (a lone surrogate is not)' });

export const countryCode = z
  .string({ error: 'must be a string' })
  .refine((s) => COUNTRY_CODES.has(s), {
    error: 'must be an officially assigned ISO 3166-1 alpha-2 code in upper case',
  });

export const wholeNumber = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must be 0 or more' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' });

export const score = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(1, { error: 'must be from 1 to 4' })
  .max(4, { error: 'must be from 1 to 4' });

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` });
}
