import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { conflict, fieldErrors, invalid, toPointer, unknown } from './errors.js';

describe('a JSON Pointer', () => {
  it('joins the keys of a path, indexes included', () => {
    expect(toPointer(['knowledgeTest', 'tested'])).toBe('/knowledgeTest/tested');
    expect(toPointer(['domains', 2])).toBe('/domains/2');
    expect(toPointer([])).toBe('');
  });

  it('escapes "~" and "/" inside a key as RFC 6901 says', () => {
    expect(toPointer(['a/b', 'm~n'])).toBe('/a~1b/m~0n');
  });
});

describe('field errors', () => {
  const schema = z.strictObject({ scores: z.strictObject({ finance: z.number() }) });

  it('name each unknown field by its own path, nested ones too', () => {
    const parsed = schema.safeParse({ scores: { finance: 1, leadership: 2 }, name: 'x', note: 'y' });
    expect(fieldErrors(parsed.error!).map((e) => e.path).sort()).toEqual(['/name', '/note', '/scores/leadership']);
  });

  it('take a prefix, for a path parameter', () => {
    const parsed = z.string().safeParse(1);
    expect(fieldErrors(parsed.error!, '/csoId').map((e) => e.path)).toEqual(['/csoId']);
  });
});

describe('domain errors', () => {
  it('are values with a code that the shell maps to a status', () => {
    expect(invalid([{ path: '/a', message: 'bad' }])).toEqual({
      code: 'invalid',
      message: expect.any(String),
      errors: [{ path: '/a', message: 'bad' }],
    });
    expect(unknown('no case c-1')).toEqual({ code: 'unknown', message: 'no case c-1' });
    expect(conflict('already closed')).toEqual({ code: 'conflict', message: 'already closed' });
    expect(conflict('too late', '/closedOn')).toEqual({
      code: 'conflict',
      message: 'too late',
      errors: [{ path: '/closedOn', message: 'too late' }],
    });
  });
});
