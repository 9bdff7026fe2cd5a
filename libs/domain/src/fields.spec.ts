import { describe, expect, it } from 'vitest';
import { countryCode, identifier, oneOf, projectDate, score, text, uuid, wholeNumber } from './fields.js';
import { errorsOf } from './testing/validation.js';
import { COUNTRY_CODES } from './vocabulary.js';

const messages = (schema: Parameters<typeof errorsOf>[0], value: unknown) => errorsOf(schema, value).map((e) => e.message);

describe('an identifier', () => {
  it.each(['a', 'Z', '7', 'CSO_01', 'case-2015-007', '_-_', 'x'.repeat(64)])('accepts %j', (id) => {
    expect(errorsOf(identifier, id)).toEqual([]);
  });

  it.each(['', 'x'.repeat(65), 'two words', 'dot.ted', 'slash/ed', 'Amal!', 'café', 'emoji😀', 'line\n', '\nline'])(
    'refuses %j',
    (id) => {
      expect(messages(identifier, id)).toEqual(['must be 1-64 letters, digits, "_" or "-"']);
    },
  );

  it.each([42, null, undefined, ['a']])('refuses the non-string %j', (id) => {
    expect(messages(identifier, id)).toEqual(['must be a string']);
  });
});

describe('a business date', () => {
  it.each(['2014-09-01', '2016-12-31', '2015-06-15', '2016-02-29'])('accepts %s', (date) => {
    expect(errorsOf(projectDate, date)).toEqual([]);
  });

  it.each(['2015-02-29', '2016-02-30', '2015-04-31', '2015-13-01', '2015-00-10', '2015-06-00', '2015-06-32'])(
    'refuses %s, which is not a real date',
    (date) => {
      expect(messages(projectDate, date)).toEqual(['must be a real date written YYYY-MM-DD']);
    },
  );

  it.each(['2015-1-05', '15-01-05', '2015/01/05', '20150105', '05-01-2015', '2015-01-05T00:00:00Z', ' 2015-01-05', '2015-01-05\n', '２０１５-01-05', 'yesterday', ''])(
    'refuses %j, which is not written YYYY-MM-DD, with that single error',
    (date) => {
      expect(messages(projectDate, date)).toEqual(['must be a real date written YYYY-MM-DD']);
    },
  );

  it.each(['2014-08-31', '2017-01-01', '2013-02-28', '2020-02-29'])('refuses %s, outside the project period', (date) => {
    expect(messages(projectDate, date)).toEqual(['must be inside the project period 2014-09-01 to 2016-12-31']);
  });

  it.each([20150105, null, new Date('2015-01-05')])('refuses the non-string %j', (date) => {
    expect(messages(projectDate, date)).toEqual(['must be a date YYYY-MM-DD']);
  });
});

describe('a text field', () => {
  it.each(['a', 'Rabat', '  padded but not blank  ', 'x'.repeat(200), '😀'.repeat(200), 'é'.repeat(200)])(
    'accepts %j',
    (value) => {
      expect(errorsOf(text, value)).toEqual([]);
    },
  );

  it('counts characters, not UTF-16 units: 200 emoji are 200 characters', () => {
    expect('😀'.repeat(200).length).toBe(400);
    expect(errorsOf(text, '😀'.repeat(200))).toEqual([]);
    expect(messages(text, '😀'.repeat(201))).toEqual(['must be at most 200 characters']);
  });

  it('refuses 201 characters', () => {
    expect(messages(text, 'x'.repeat(201))).toEqual(['must be at most 200 characters']);
  });

  it.each(['\ud800', 'a\udc00b', 'end\udbff', '\udfff\ud800'])('refuses the lone surrogate in %j (the hash chain cannot canonicalise it)', (value) => {
    expect(messages(text, value)).toEqual(['must be valid Unicode text (a lone surrogate is not)']);
  });

  it.each(['', ' ', '   ', '\t', '\n\r\n', '\u00a0', '\u2003\u3000'])('refuses the blank %j', (value) => {
    expect(messages(text, value)).toEqual(['must not be blank']);
  });

  it('refuses a long blank text once, as blank', () => {
    expect(messages(text, ' '.repeat(201))).toEqual(['must not be blank']);
  });

  it.each([7, null, { fr: 'x' }])('refuses the non-string %j', (value) => {
    expect(messages(text, value)).toEqual(['must be a string']);
  });
});

describe('a nationality', () => {
  it.each(['MA', 'NG', 'SN', 'CI', 'CM', 'CD', 'SS', 'CW', 'SY', 'PS', 'EH'])('accepts the ISO 3166-1 code %s', (code) => {
    expect(errorsOf(countryCode, code)).toEqual([]);
  });

  it.each([
    ['ma', 'lower case'],
    ['Ma', 'mixed case'],
    ['XK', 'user-assigned (Kosovo), not officially assigned'],
    ['ZZ', 'user-assigned'],
    ['UK', 'exceptionally reserved'],
    ['EU', 'exceptionally reserved'],
    ['AN', 'withdrawn'],
    ['MAR', 'alpha-3'],
    ['504', 'numeric'],
    ['', 'empty'],
  ])('refuses %j (%s)', (code) => {
    expect(messages(countryCode, code)).toEqual([
      'must be an officially assigned ISO 3166-1 alpha-2 code in upper case',
    ]);
  });

  it('knows exactly the 249 officially assigned codes, all two upper-case letters', () => {
    expect(COUNTRY_CODES.size).toBe(249);
    expect([...COUNTRY_CODES].every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
  });
});

describe('a whole number', () => {
  it.each([0, 1, 18, 1_000_000])('accepts %d', (n) => {
    expect(errorsOf(wholeNumber, n)).toEqual([]);
  });

  it.each([
    [-1, 'must be 0 or more'],
    [2.5, 'must be a whole number'],
    ['3', 'must be a number'],
    [null, 'must be a number'],
    [Number.NaN, 'must be a number'],
    [Number.POSITIVE_INFINITY, 'must be a number'],
  ])('refuses %j: %s', (n, message) => {
    expect(messages(wholeNumber, n)).toContain(message);
  });
});

describe('a capacity score', () => {
  it.each([1, 2, 3, 4])('accepts %d', (n) => {
    expect(errorsOf(score, n)).toEqual([]);
  });

  it.each([
    [0, 'must be from 1 to 4'],
    [5, 'must be from 1 to 4'],
    [-1, 'must be from 1 to 4'],
    [2.5, 'must be a whole number'],
    ['3', 'must be a number'],
  ])('refuses %j: %s', (n, message) => {
    expect(messages(score, n)).toContain(message);
  });
});

describe('an event id', () => {
  it('accepts a UUID written in lower case', () => {
    expect(errorsOf(uuid, '2f1c4b8e-3d7a-4c1e-9b2f-6a5d4c3b2a10')).toEqual([]);
  });

  it.each(['2F1C4B8E-3D7A-4C1E-9B2F-6A5D4C3B2A10', '2f1c4b8e-3d7a-4c1e-9b2f-6A5D4C3B2A10'])(
    'refuses %s: one id has one spelling, in lower case as jalon writes it',
    (id) => {
      expect(messages(uuid, id)).toEqual(['must be a UUID written in lower case']);
    },
  );

  it.each(['not-a-uuid', '2f1c4b8e3d7a4c1e9b2f6a5d4c3b2a10', '2f1c4b8e-3d7a-4c1e-9b2f-6a5d4c3b2a1', 'zf1c4b8e-3d7a-4c1e-9b2f-6a5d4c3b2a10', ''])(
    'refuses %j',
    (id) => {
      expect(messages(uuid, id)).toEqual(['must be a UUID']);
    },
  );
});

describe('a closed vocabulary', () => {
  const sex = oneOf(['female', 'male']);

  it('accepts one of its values', () => {
    expect(errorsOf(sex, 'male')).toEqual([]);
  });

  it.each(['Female', 'f', 'other', '', 0])('refuses %j and lists the values allowed', (value) => {
    expect(messages(sex, value)).toEqual(['must be one of: female, male']);
  });
});
