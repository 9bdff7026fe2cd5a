/**
 * GET /api/v1/activities/{csos,trainings,cases}: aggregates for the dashboard's activity pages,
 * known at a position and as of a date; a donor gets no training listed one by one, no closures,
 * and never anything case-level.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, recorder } from './support/fixtures.js';
import { useServer } from './support/server.js';
import { sqliteStore } from './support/sqlite.js';

describe('activities on a recorded history', () => {
  const srv = useServer(sqliteStore);
  let manager: string;
  let donor: string;
  let afterFirst: number;

  beforeAll(async () => {
    manager = await srv.login('manager');
    donor = await srv.login('donor');
    const rec = recorder(srv.api, manager);
    await rec.cso('A', { region: 'oriental', mappedOn: '2015-01-15' });
    afterFirst = (await rec.assess('A', { assessedOn: '2015-02-01' })).position;
    await rec.cso('B', { region: 'souss-massa', mappedOn: '2015-06-01' });
    await rec.training('T1', { heldOn: '2015-02-10', audience: 'government', region: 'oriental', participants: { female: 7, male: 5 } });
    await rec.training('T2', { heldOn: '2015-02-20', audience: 'government', region: 'oriental', participants: { female: 1, male: 1 }, knowledgeTest: { tested: 2, improved: 1 } });
    await rec.identify('C1', { identifiedOn: '2015-03-10' });
    await rec.identify('C2', { identifiedOn: '2015-03-11' });
    await rec.assist('C1', { providedOn: '2015-03-20', assistanceType: 'avrr_return' });
    await rec.close('C2', { closedOn: '2015-06-30', reason: 'lost_contact' });
  });

  const get = async (token: string, path: string) => {
    const res = await srv.api('GET', path, { token });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    return res.json;
  };

  it('counts CSOs by region and capacity scores as of a date, and known at a position', async () => {
    const now = await get(manager, '/api/v1/activities/csos');
    expect(now.regions).toEqual([
      { region: 'oriental', mapped: 1, assessed: 1, agreements: 0 },
      { region: 'souss-massa', mapped: 1, assessed: 0, agreements: 0 },
    ]);
    // The fixture's scores: governance 3, finance 2, humanResources 4, programme 3, protection 1.
    expect(now.scores.find((s: { area: string }) => s.area === 'humanResources')).toEqual({ area: 'humanResources', counts: [0, 0, 0, 1], average: 4 });
    expect((await get(manager, '/api/v1/activities/csos?asOf=2015-03-31')).regions).toHaveLength(1);
    const then = await get(manager, `/api/v1/activities/csos?atPosition=${afterFirst}`);
    expect(then).toMatchObject({ position: afterFirst, regions: [{ region: 'oriental', mapped: 1, assessed: 1, agreements: 0 }] });
  });

  it('given atTime, when activities are read, then they are those known at the position that time resolves to', async () => {
    const events = (await get(manager, `/api/v1/events?after=${afterFirst - 1}&limit=1`)).events;
    const atTime = events[0].metadata.recordedAt;
    const then = await get(manager, `/api/v1/activities/csos?atTime=${atTime}`);
    expect(then.position).toBeGreaterThanOrEqual(afterFirst);
    expect(then).toEqual(await get(manager, `/api/v1/activities/csos?atPosition=${then.position}`));
    expect((await get(manager, '/api/v1/activities/cases?atTime=2000-01-01T00:00:00.000Z')).position).toBe(0);
  });

  it('lists trainings one by one for a manager, grouped for a donor, with the same totals', async () => {
    const m = await get(manager, '/api/v1/activities/trainings');
    expect(m.detailed).toBe(true);
    expect(m.rows.map((r: { trainingId: string }) => r.trainingId)).toEqual(['T2', 'T1']);
    const d = await get(donor, '/api/v1/activities/trainings');
    expect(d.detailed).toBe(false);
    expect(d.rows).toEqual([
      { quarter: '2015-Q1', audience: 'government', region: 'oriental', trainings: 2, female: 8, male: 6, tested: 12, improved: 7 },
    ]);
    expect(d.totals).toEqual(m.totals);
    expect(d.totals).toEqual({ trainings: 2, female: 8, male: 6, tested: 12, improved: 7 });
  });

  it('gives cases as a funnel only; closures by reason for a manager, none for a donor, and no case id to either', async () => {
    const m = await get(manager, '/api/v1/activities/cases');
    expect(m.funnel).toEqual({ identified: 2, assisted: 1, returned: 1, reintegrated: 0 });
    expect(m.closures).toEqual([{ reason: 'lost_contact', count: 1 }]);
    const res = await srv.api('GET', '/api/v1/activities/cases', { token: donor });
    expect(res.json.funnel).toEqual(m.funnel);
    expect(res.json).not.toHaveProperty('closures');
    for (const text of [res.text, JSON.stringify(m)]) expect(text).not.toMatch(/C1|C2|caseId/);
  });

  it('refuses bad input with a problem and no token with a 401', async () => {
    expectProblem(await srv.api('GET', '/api/v1/activities/cases?asOf=2015-13-01', { token: manager }), 400, ['/asOf']);
    expectProblem(await srv.api('GET', '/api/v1/activities/csos?atPosition=99999', { token: manager }), 400, ['/atPosition']);
    expectProblem(await srv.api('GET', '/api/v1/activities/trainings?sort=x', { token: donor }), 400, ['/sort']);
    expectProblem(await srv.api('GET', '/api/v1/activities/trainings'), 401);
  });

  // Last: it records more (a void), which the tests above do not expect.
  it('given an assistance voided, when read at the head and at the position before the void, then each counts what was in effect there', async () => {
    const rec = recorder(srv.api, manager);
    const assisted = await rec.assist('C2', { providedOn: '2015-04-01', assistanceType: 'reintegration' });
    const voided = await rec.void(assisted.eventIds[0]);
    const before = await get(manager, `/api/v1/activities/cases?atPosition=${assisted.position}`);
    expect(before).toMatchObject({ position: assisted.position, funnel: { identified: 2, assisted: 2, returned: 1, reintegrated: 1 } });
    const now = await get(manager, `/api/v1/activities/cases?minPosition=${voided.position}`);
    expect(now).toMatchObject({ position: voided.position, funnel: { identified: 2, assisted: 1, returned: 1, reintegrated: 0 } });
  });

  it('describes the routes in the OpenAPI document', async () => {
    const doc = (await srv.api('GET', '/api/docs-json')).json;
    for (const path of ['/api/v1/activities/csos', '/api/v1/activities/trainings', '/api/v1/activities/cases', '/api/v1/changes'])
      expect(doc.paths[path]?.get, path).toBeDefined();
    expect(Object.keys(doc.paths['/api/v1/changes'].get.responses['200'].content)).toEqual(['text/event-stream']);
  });
});
