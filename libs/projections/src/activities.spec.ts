import { describe, expect, it } from 'vitest';
import { caseActivity, csoActivity, inEffect, trainingActivity } from './activities.js';
import { history } from './testing/history.js';

describe('CSO activity by region', () => {
  it('given CSOs mapped, assessed and in agreement, when aggregated as of a date, then each region counts what was done by then', () => {
    const h = history();
    h.cso('A', '2014-10-01', 'oriental');
    h.cso('B', '2015-01-10', 'oriental');
    h.cso('C', '2015-02-01', 'souss-massa');
    h.assess('A', '2015-03-01');
    h.agree('A', '2015-09-01');
    h.assess('C', '2016-01-05');
    const events = inEffect(h.check().events);
    expect(csoActivity(events, '2015-06-30').regions).toEqual([
      { region: 'oriental', mapped: 2, assessed: 1, agreements: 0 },
      { region: 'souss-massa', mapped: 1, assessed: 0, agreements: 0 },
    ]);
    const end = csoActivity(events, '2016-12-31');
    expect(end.regions).toEqual([
      { region: 'oriental', mapped: 2, assessed: 1, agreements: 1 },
      { region: 'souss-massa', mapped: 1, assessed: 1, agreements: 0 },
    ]);
    // Both assessments score governance 2, finance 3, humanResources 2, programme 3, protection 4.
    expect(end.scores.find((s) => s.area === 'finance')).toEqual({ area: 'finance', counts: [0, 0, 2, 0], average: 3 });
    expect(csoActivity(events, '2015-01-01').scores[0]).toEqual({ area: 'governance', counts: [0, 0, 0, 0], average: null });
  });

  it('given a CSO voided, when aggregated, then it and its assessment stop counting', () => {
    const h = history();
    const mapped = h.cso('A', '2014-10-01', 'oriental');
    h.assess('A', '2015-03-01');
    h.void(mapped);
    expect(csoActivity(inEffect(h.check().events), '2016-12-31')).toMatchObject({ regions: [] });
  });
});

describe('training activity', () => {
  const h = history();
  h.training('T1', '2015-02-10', { audience: 'government', region: 'oriental', female: 3, male: 4, test: { tested: 5, improved: 4 } });
  h.training('T2', '2015-03-01', { audience: 'government', region: 'oriental', female: 1, male: 1 });
  h.training('T3', '2015-07-01', { audience: 'cso', region: 'fes-meknes', female: 2, male: 0 });
  const events = inEffect(h.check().events);

  it('given three trainings, when listed for a manager, then one row each, newest first, with totals by sex and test', () => {
    const a = trainingActivity(events, '2016-12-31', true);
    expect(a.rows.map((r) => r.trainingId)).toEqual(['T3', 'T2', 'T1']);
    expect(a.rows[2]).toMatchObject({ heldOn: '2015-02-10', quarter: '2015-Q1', female: 3, male: 4, tested: 5, improved: 4, trainings: 1 });
    expect(a.totals).toEqual({ trainings: 3, female: 6, male: 5, tested: 5, improved: 4 });
  });

  it('given the same trainings, when listed for a donor, then rows are groups by quarter, audience and region, without ids or topics', () => {
    const a = trainingActivity(events, '2016-12-31', false);
    expect(a.detailed).toBe(false);
    expect(a.rows).toEqual([
      { quarter: '2015-Q3', audience: 'cso', region: 'fes-meknes', trainings: 1, female: 2, male: 0, tested: 0, improved: 0 },
      { quarter: '2015-Q1', audience: 'government', region: 'oriental', trainings: 2, female: 4, male: 5, tested: 5, improved: 4 },
    ]);
  });

  it('given an as-of date, when listed, then later trainings are left out', () => {
    expect(trainingActivity(events, '2015-02-28', true).totals).toEqual({ trainings: 1, female: 3, male: 4, tested: 5, improved: 4 });
  });
});

describe('case activity, aggregated only', () => {
  const h = history();
  h.case('C1', '2015-01-05');
  h.case('C2', '2015-02-05');
  h.case('C3', '2015-03-05');
  h.assist('C1', '2015-01-10', 'shelter');
  h.assist('C1', '2015-04-10', 'avrr_return');
  h.assist('C1', '2015-06-10', 'reintegration');
  h.assist('C2', '2015-02-10', 'avrr_return');
  h.close('C1', '2015-07-01', 'reintegrated');
  h.close('C3', '2015-05-01', 'lost_contact');
  const events = inEffect(h.check().events);

  it('given three cases, when aggregated at the end, then the funnel counts distinct cases at each step and closures by reason', () => {
    expect(caseActivity(events, '2016-12-31', true)).toEqual({
      asOf: '2016-12-31',
      funnel: { identified: 3, assisted: 2, returned: 2, reintegrated: 1 },
      closures: [
        { reason: 'lost_contact', count: 1 },
        { reason: 'reintegrated', count: 1 },
      ],
    });
  });

  it('given a donor, when aggregated, then there are no closures at all', () => {
    expect(caseActivity(events, '2016-12-31', false)).not.toHaveProperty('closures');
  });

  it('given an earlier date, when aggregated, then later steps do not count yet', () => {
    expect(caseActivity(events, '2015-03-31', true)).toMatchObject({
      funnel: { identified: 3, assisted: 2, returned: 1, reintegrated: 0 },
      closures: [],
    });
  });
});
