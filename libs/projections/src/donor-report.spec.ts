import { describe, expect, it } from 'vitest';
import { donorReportDocument, formatNumber } from './donor-report-document.js';
import { donorReport, findReportPeriod, reportPeriods } from './donor-report.js';
import { history } from './testing/history.js';

function quarterHistory() {
  const h = history();
  h.training('T1', '2015-02-10', { audience: 'cso', region: 'oriental', female: 3, male: 2 });
  h.training('T2', '2015-08-10', { audience: 'cso', region: 'oriental', female: 6, male: 1 });
  for (const [n, day] of [[1, '2015-07-01'], [2, '2015-07-02'], [3, '2015-07-03'], [4, '2015-07-04'], [5, '2015-07-05'], [6, '2015-07-06']] as const)
    h.case(`C${n}`, day, { sex: n === 6 ? 'male' : 'female' });
  h.assist('C1', '2015-07-10', 'shelter');
  h.assist('C2', '2015-10-10', 'shelter');
  return h;
}

describe('report periods', () => {
  it('given the project, then the periods are the whole project, its 3 years and its 10 quarters, clipped to the project', () => {
    expect(reportPeriods().map((p) => p.period)).toEqual([
      'project', '2014', '2015', '2016',
      '2014-Q3', '2014-Q4', '2015-Q1', '2015-Q2', '2015-Q3', '2015-Q4', '2016-Q1', '2016-Q2', '2016-Q3', '2016-Q4',
    ]);
    expect(findReportPeriod('2014-Q3')).toEqual({ period: '2014-Q3', start: '2014-09-01', end: '2014-09-30' });
    expect(findReportPeriod('2017')).toBeUndefined();
  });
});

describe('the donor report', () => {
  it("given 2015-Q3, then each count's period value is what the quarter added and a percent's is its value at the quarter end", () => {
    const h = quarterHistory();
    const report = donorReport(h.engine(), findReportPeriod('2015-Q3')!, h.head, 5);
    const os2 = report.objectives.find((o) => o.code === 'OS2')!.indicators;
    expect(os2.find((i) => i.code === '2.2')).toMatchObject({ value: 12, periodValue: 7 });
    const os1 = report.objectives.find((o) => o.code === 'OS1')!.indicators;
    expect(os1.find((i) => i.code === '1.1')).toMatchObject({ value: 6, periodValue: 6 });
    expect(os1.find((i) => i.code === '1.3')).toMatchObject({ value: 100 / 6, periodValue: 100 / 6 });
  });

  it('given six victims (five female), then the report suppresses the victim breakdown by sex as for a donor, and 1.2 (one case) is withheld', () => {
    const h = quarterHistory();
    const report = donorReport(h.engine(), findReportPeriod('2015')!, h.head, 5);
    const byCode = (code: string, by: string) => report.objectives.flatMap((o) => o.breakdowns).find((b) => b.code === code && b.by === by)!;
    expect(byCode('1.1', 'sex')).toEqual({
      code: '1.1', by: 'sex', withheld: false,
      cells: [{ key: 'female', value: null, suppressed: true }, { key: 'male', value: null, suppressed: true }],
    });
    expect(byCode('1.2', 'sex')).toMatchObject({ withheld: true, cells: [] });
    expect(byCode('2.2', 'sex').cells).toEqual([{ key: 'female', value: 9, suppressed: false }, { key: 'male', value: 3, suppressed: false }]);
  });

  it('given the report in English, then the document names the period, the notice, the hash, and writes suppressed cells as "< T", never a number', () => {
    const h = quarterHistory();
    const doc = donorReportDocument(donorReport(h.engine(), findReportPeriod('2015')!, h.head, 5), { lang: 'en', hash: 'ab'.repeat(32), demo: false, threshold: 5 });
    expect(doc.lines[0]).toBe('Period: 2015 (January 1, 2015 – December 31, 2015)');
    expect(doc.notices).toEqual(['Illustrative targets: the project sheet gives none.']);
    expect(doc.footer).toBe(`Log position ${h.head} · hash ${'ab'.repeat(32)}`);
    const os1 = doc.sections[0];
    expect(os1.breakdowns).toContain('1.1 by sex: female < 5 · male < 5');
    expect(os1.breakdowns).toContain('1.2 by sex: withheld (fewer than 5 people)');
    expect(os1.rows[0].cells).toEqual(['1.1', 'Presumed victims identified and referred', '0', '60', '35', '6', '6', 'behind']);
  });

  it('formats counts whole, expected values and percents to one decimal, and null as a dash', () => {
    expect(formatNumber(1234, 'count', 'fr')).toBe('1\u00a0234');
    expect(formatNumber(12.345, 'count', 'en')).toBe('12.3');
    expect(formatNumber(66.666, 'percent', 'de')).toBe('66,7\u00a0%');
    expect(formatNumber(null, 'percent', 'en')).toBe('—');
  });
});
