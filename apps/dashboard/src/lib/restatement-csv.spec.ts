import { describe, expect, it } from 'vitest';
import { csvCell, difference, toCsv } from './restatement-csv.js';

describe('restatement CSV', () => {
  it('given formula-like text, when written, then it starts with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('given numbers, when written, then they stay numbers, negative ones included', () => {
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(72.5)).toBe('72.5');
    expect(csvCell(null)).toBe('');
  });

  it('given rows, when joined, then cells with commas are quoted and lines end in CRLF', () => {
    expect(toCsv([['code', 'title'], ['1.1', 'Victims, identified']])).toBe('code,title\r\n1.1,"Victims, identified"\r\n');
  });

  it('given then and now, when differenced, then now − then, null when either is missing', () => {
    expect(difference(10, 7)).toBe(-3);
    expect(difference(70.1, 72.3)).toBe(2.2);
    expect(difference(null, 3)).toBeNull();
  });
});
