import { describe, expect, it } from 'vitest';
import { ACTIVITIES, findIndicator, INDICATORS, OBJECTIVES, PROJECT } from './logframe.js';

/** DOMAIN.md, "Logframe": code → objective, activities, unit, 2014 / 2015 / 2016 (EOP) targets. */
const TABLE = [
  ['1.1', 'OS1', [], 'count', { 2014: 5, 2015: 35, 2016: 60 }],
  ['1.2', 'OS1', [], 'count', { 2014: 4, 2015: 28, 2016: 50 }],
  ['1.3', 'OS1', [], 'percent', { 2016: 80 }],
  ['2.1', 'OS2', ['A3'], 'count', { 2014: 20, 2015: 90, 2016: 150 }],
  ['2.2', 'OS2', ['A2'], 'count', { 2014: 10, 2015: 60, 2016: 100 }],
  ['2.3', 'OS2', ['A4'], 'count', { 2014: 8, 2015: 15, 2016: 20 }],
  ['2.4', 'OS2', ['A2', 'A3', 'A4'], 'percent', { 2016: 70 }],
  ['2.5', 'OS2', ['A1'], 'count', { 2014: 25, 2015: 40, 2016: 40 }],
  ['2.6', 'OS2', ['A1'], 'count', { 2014: 5, 2015: 15, 2016: 20 }],
  ['2.7', 'OS2', ['A1'], 'count', { 2014: 0, 2015: 3, 2016: 6 }],
  ['3.1', 'OS3', ['A4'], 'count', { 2014: 2, 2015: 15, 2016: 30 }],
  ['3.2', 'OS3', ['A4'], 'count', { 2014: 0, 2015: 10, 2016: 25 }],
  ['3.3', 'OS3', ['A4'], 'percent', { 2016: 80 }],
] as const;

const CASE_DIMENSIONS = ['sex', 'ageGroup', 'nationality', 'exploitationType', 'referredBy'];

describe('the logframe', () => {
  it('has the 13 indicators of DOMAIN.md, in order', () => {
    expect(INDICATORS.map((i) => i.code)).toEqual(TABLE.map(([code]) => code));
  });

  it.each(TABLE)('defines %s under %s, activities %j, as a %s with targets %j', (code, objective, activities, unit, targets) => {
    const indicator = findIndicator(code);
    expect(indicator).toMatchObject({ code, objective, activities, unit, baseline: 0 });
    expect(indicator?.targets).toEqual(targets);
  });

  it('marks exactly the victim-counting indicators 1.x and 3.x as sensitive', () => {
    const sensitive = INDICATORS.filter((i) => i.sensitive).map((i) => i.code);
    expect(sensitive).toEqual(['1.1', '1.2', '1.3', '3.1', '3.2', '3.3']);
  });

  it('breaks 1.1, 1.2, 3.1 and 3.2 down by the attributes of the case', () => {
    for (const code of ['1.1', '1.2', '3.1', '3.2']) expect(findIndicator(code)?.breakdowns).toEqual(CASE_DIMENSIONS);
  });

  it('breaks 2.1 to 2.3 down by sex and region, and 2.5 to 2.7 by region', () => {
    for (const code of ['2.1', '2.2', '2.3']) expect(findIndicator(code)?.breakdowns).toEqual(['sex', 'region']);
    for (const code of ['2.5', '2.6', '2.7']) expect(findIndicator(code)?.breakdowns).toEqual(['region']);
  });

  it('does not break percent indicators down', () => {
    for (const i of INDICATORS.filter((i) => i.unit === 'percent')) expect(i.breakdowns).toEqual([]);
  });

  it('titles the indicators as DOMAIN.md does, in English and in French', () => {
    expect(findIndicator('1.1')?.title.en).toBe('Presumed victims identified and referred');
    expect(findIndicator('2.4')?.title.en).toBe('Share of tested trainees with improved knowledge');
    expect(findIndicator('3.3')?.title.en).toBe('Share of returned victims with reintegration support');
    for (const i of INDICATORS) {
      expect(i.title.fr.trim()).not.toBe('');
      expect(i.computedAs.en.trim()).not.toBe('');
      expect(i.computedAs.fr.trim()).not.toBe('');
    }
  });

  it('knows no indicator outside the table', () => {
    expect(findIndicator('1.4')).toBeUndefined();
    expect(findIndicator('OS1')).toBeUndefined();
    expect(findIndicator('')).toBeUndefined();
  });

  it('has the objectives OS1 to OS3 and the activities A1 to A4, in French and English', () => {
    expect(OBJECTIVES.map((o) => o.code)).toEqual(['OS1', 'OS2', 'OS3']);
    expect(ACTIVITIES.map((a) => a.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(OBJECTIVES[0].title.en).toBe('Promote better protection and assistance for victims of trafficking.');
    for (const t of [...OBJECTIVES, ...ACTIVITIES]) expect(t.title.fr && t.title.en).toBeTruthy();
  });
});

describe('the bundled project', () => {
  it('runs from 2014-09-01 to 2016-12-31 in Morocco', () => {
    expect(PROJECT).toMatchObject({ start: '2014-09-01', end: '2016-12-31', country: 'MA' });
  });

  it('says that its targets are illustrative, in both languages', () => {
    expect(PROJECT.illustrativeTargets).toBe(true);
    expect(PROJECT.notice.en).toMatch(/illustrative/i);
    expect(PROJECT.notice.fr).toMatch(/indicatives/i);
  });

  it('names IOM Rabat as implementer and the German Federal Foreign Office as donor', () => {
    expect(PROJECT.implementer.en).toContain('IOM');
    expect(PROJECT.implementer.en).toContain('Rabat');
    expect(PROJECT.donor.en).toBe('Federal Republic of Germany, Federal Foreign Office');
  });
});
