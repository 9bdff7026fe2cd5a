import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from './spreadsheet-safe.js';

describe('spreadsheetSafe', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
    'given text starting a formula (%j), then it gets a leading apostrophe',
    (text) => expect(spreadsheetSafe(text)).toBe(`'${text}`),
  );

  it('given ordinary text, numbers and null, then they are unchanged', () => {
    expect(spreadsheetSafe('CSO staff trained')).toBe('CSO staff trained');
    expect(spreadsheetSafe('a=b')).toBe('a=b');
    expect(spreadsheetSafe(-3)).toBe(-3);
    expect(spreadsheetSafe(66.66666666666667)).toBe(66.66666666666667);
    expect(spreadsheetSafe(null)).toBe(null);
  });
});
