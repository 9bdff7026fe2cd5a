import { describe, expect, it } from 'vitest';
import { LANGS, loadCatalog, lookupKey } from './i18n.js';
import { commandOf, emptyValues, fieldOfPath, missingFields, RECORD_KINDS } from './record-forms.js';

const kind = (k: string) => RECORD_KINDS.find((r) => r.kind === k)!;

describe('recording forms', () => {
  it('builds a case identification, the nationality upper case', () => {
    const values = { ...emptyValues(kind('case')), caseId: ' c-1 ', identifiedOn: '2015-02-03', sex: 'female', ageGroup: 'adult',
      nationality: 'ng', exploitationType: 'labour', referredBy: 'cso' };
    expect(missingFields(kind('case'), values)).toEqual([]);
    expect(commandOf(kind('case'), values)).toEqual({
      path: '/cases',
      body: { caseId: 'c-1', identifiedOn: '2015-02-03', sex: 'female', ageGroup: 'adult', nationality: 'NG', exploitationType: 'labour', referredBy: 'cso' },
    });
  });

  it('puts the path id in the path only, the scores nested as numbers, an empty optional field nowhere', () => {
    const a = { ...emptyValues(kind('assessment')), csoId: 'cso 1', assessedOn: '2015-01-01', governance: '1', finance: '2',
      humanResources: '3', programme: '4', protection: '2' };
    expect(commandOf(kind('assessment'), a)).toEqual({
      path: '/csos/cso%201/assessments',
      body: { assessedOn: '2015-01-01', scores: { governance: 1, finance: 2, humanResources: 3, programme: 4, protection: 2 } },
    });
    const c = { ...emptyValues(kind('cso')), csoId: 'x', name: 'N', region: 'oriental', mappedOn: '2015-01-01', domains: ['health'] };
    expect(commandOf(kind('cso'), c).body).toEqual({ csoId: 'x', name: 'N', region: 'oriental', mappedOn: '2015-01-01', domains: ['health'] });
    expect(missingFields(kind('cso'), { ...c, domains: [] })).toEqual(['domains']);
  });

  it('builds a target revision: the code in the path, the value a number (a decimal comma read as a point)', () => {
    const v = { ...emptyValues(kind('target')), code: '1.3', period: '2016', value: ' 82,5 ', reason: 'mid-term review' };
    expect(commandOf(kind('target'), v)).toEqual({
      path: '/indicators/1.3/targets',
      body: { period: '2016', value: 82.5, reason: 'mid-term review' },
    });
  });

  it('names the field an error path points at', () => {
    expect(fieldOfPath(kind('assessment'), '/scores/governance')).toBe('governance');
    expect(fieldOfPath(kind('cso'), '/domains/1')).toBe('domains');
    expect(fieldOfPath(kind('case'), '/identifiedOn')).toBe('identifiedOn');
    expect(fieldOfPath(kind('case'), '')).toBeUndefined();
  });

  it('labels every field and option in every language', async () => {
    const catalogs = await Promise.all(LANGS.map(loadCatalog));
    for (const k of RECORD_KINDS)
      for (const f of k.fields) {
        for (const catalog of catalogs) expect(catalog[f.label], f.label).toBeTruthy();
        for (const o of f.options ?? []) if (f.optionPrefix) expect(lookupKey(`${f.optionPrefix}.${o}`), `${f.optionPrefix}.${o}`).toBeDefined();
      }
  });
});
