import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorEngine } from './engine.js';
import { COMPARED_MEMBERS, restate, type FigureChange, type Restatement } from './restatement.js';
import { changedPositions, describeChanges, withoutChanges, type ChangingEvent } from './restatement-report.js';
import { history, type History } from './testing/history.js';
import { evaluationDate, randomHistory } from './testing/random-history.js';

/**
 * Restatements (CONTRACT.md, "Restatement") on small hand-made histories; every number is worked
 * out by hand from DOMAIN.md. Targets as of 2015-12-31: 1.1 expects its 2015 target, 35; as of
 * 2016-12-31 its EOP target, 60.
 */

const of = (r: Restatement, code: string) => r.indicators.find((i) => i.code === code)!;
const restatedCodes = (r: Restatement) => r.indicators.filter((i) => i.restated).map((i) => i.code);
const changedCodes = (r: Restatement) => r.indicators.filter((i) => i.changes.length > 0).map((i) => i.code);

describe('a restatement', () => {
  it('given a case voided after the report, when restated, then 1.1 moved by the void alone', () => {
    const h = history();
    h.case('C1', '2015-03-01');
    const c2 = h.case('C2', '2015-04-01');
    const since = h.head; // 2
    h.void(c2, 'duplicate of C1');

    const r = restate(h.engine(), { asOf: '2015-12-31', since, position: h.head });

    expect(of(r, '1.1')).toEqual({
      code: '1.1',
      then: { value: 2, target: 60, expected: 35, status: 'red' }, // 2 < 0.7 × 35
      now: { value: 1, target: 60, expected: 35, status: 'red' },
      restated: true,
      changes: [{ position: 3, value: { before: 2, after: 1 } }],
    });
    // 1.3 = 100 × 0 / 2 = 0, then 100 × 0 / 1 = 0: no change.
    expect(of(r, '1.3')).toMatchObject({ then: { value: 0 }, now: { value: 0 }, restated: false, changes: [] });
    expect(restatedCodes(r)).toEqual(['1.1']);
    expect(changedCodes(r)).toEqual(['1.1']);
  });

  it('given a target revised after the report, when restated as of a date it bears on, then only expected moved', () => {
    const h = history();
    h.case('C1', '2015-03-01');
    const since = h.head; // 1
    h.target('1.1', '2015', 40, 'mid-term review');

    const r = restate(h.engine(), { asOf: '2015-12-31', since, position: h.head });

    expect(of(r, '1.1')).toEqual({
      code: '1.1',
      then: { value: 1, target: 60, expected: 35, status: 'red' },
      now: { value: 1, target: 60, expected: 40, status: 'red' },
      restated: true,
      changes: [{ position: 2, expected: { before: 35, after: 40 } }],
    });
    expect(restatedCodes(r)).toEqual(['1.1']);
  });

  it('given a 2015 target revised, when restated as of the project end, then nothing moved (expected is the EOP target)', () => {
    const h = history();
    h.case('C1', '2015-03-01');
    h.target('1.1', '2015', 40);

    const r = restate(h.engine(), { asOf: '2016-12-31', since: 1, position: 2 });

    expect(restatedCodes(r)).toEqual([]);
    expect(changedCodes(r)).toEqual([]);
  });

  it('given the EOP target revised then the revision voided, when restated, then target and expected moved twice and back', () => {
    const h = history();
    const revision = h.target('2.5', '2016', 50, 'more CSOs found');
    h.void(revision, 'not approved');

    const r = restate(h.engine(), { asOf: '2016-12-31', since: 0, position: 2 });

    expect(of(r, '2.5')).toEqual({
      code: '2.5',
      then: { value: 0, target: 40, expected: 40, status: 'red' },
      now: { value: 0, target: 40, expected: 40, status: 'red' },
      restated: false,
      changes: [
        { position: 1, target: { before: 40, after: 50 }, expected: { before: 40, after: 50 } },
        { position: 2, target: { before: 50, after: 40 }, expected: { before: 50, after: 40 } },
      ],
    });
  });

  it('given a case recorded after the report but dated before it, when restated, then it counts as of dates after its own', () => {
    const h = history();
    h.case('C1', '2015-03-01');
    const since = h.head;
    h.case('C2', '2015-02-01'); // back-dated: recorded at position 2
    h.case('C3', '2015-09-01'); // after the asOf below

    const june = restate(h.engine(), { asOf: '2015-06-30', since, position: h.head });
    const january = restate(h.engine(), { asOf: '2015-01-31', since, position: h.head });

    expect(of(june, '1.1')).toMatchObject({ then: { value: 1 }, now: { value: 2 }, restated: true, changes: [{ position: 2, value: { before: 1, after: 2 } }] });
    expect(of(january, '1.1')).toMatchObject({ then: { value: 0 }, now: { value: 0 }, restated: false, changes: [] });
  });

  it('given a case voided then recorded again as it was, when restated, then not restated but both events are listed', () => {
    const h = history();
    const first = h.case('C1', '2015-03-01');
    h.void(first, 'wrong referral');
    h.case('C1', '2015-03-01');

    const r = restate(h.engine(), { asOf: '2016-12-31', since: 1, position: 3 });

    expect(of(r, '1.1')).toEqual({
      code: '1.1',
      then: { value: 1, target: 60, expected: 60, status: 'red' },
      now: { value: 1, target: 60, expected: 60, status: 'red' },
      restated: false,
      changes: [
        { position: 2, value: { before: 1, after: 0 } },
        { position: 3, value: { before: 0, after: 1 } },
      ],
    });
    // 1.3 = 100 × 0 / 1 = 0, then undefined (null) while no case counts, then 0 again.
    expect(of(r, '1.3')).toMatchObject({
      restated: false,
      changes: [
        { position: 2, value: { before: 0, after: null } },
        { position: 3, value: { before: null, after: 0 } },
      ],
    });
  });

  it('given assistance after the report, when restated, then 1.2 and the percent 1.3 moved at that event', () => {
    const h = history();
    h.case('C1', '2015-03-01');
    h.case('C2', '2015-03-02');
    h.assist('C1', '2015-03-05', 'avrr_return');

    const r = restate(h.engine(), { asOf: '2016-12-31', since: 2, position: 3 });

    expect(changedCodes(r)).toEqual(['1.2', '1.3', '3.1', '3.3']);
    expect(of(r, '1.3').changes).toEqual([{ position: 3, value: { before: 0, after: 50 } }]); // 100 × 1 / 2
    // 3.3 = 100 × (cases with both) / 3.1: 0 / 0 is null, then 100 × 0 / 1 = 0.
    expect(of(r, '3.3').changes).toEqual([{ position: 3, value: { before: null, after: 0 } }]);
  });

  it('given since equal to the position, then nothing is restated and there are no changes', () => {
    const h = history();
    h.case('C1', '2015-03-01');

    const r = restate(h.engine(), { asOf: '2016-12-31', since: 1, position: 1 });

    expect(r).toMatchObject({ asOf: '2016-12-31', since: 1, position: 1 });
    expect(r.indicators.map((i) => i.code)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2', '3.3']);
    expect(restatedCodes(r)).toEqual([]);
    expect(changedCodes(r)).toEqual([]);
  });

  it('given since after the position, then it is refused', () => {
    const h = history();
    h.case('C1', '2015-03-01');
    expect(() => restate(h.engine(), { asOf: '2016-12-31', since: 1, position: 0 })).toThrow(RangeError);
  });
});

describe('a restatement as answered', () => {
  function voidedCase(): { h: History; events: Map<number, ChangingEvent> } {
    const h = history();
    const c1 = h.case('C1', '2015-03-01');
    h.target('1.1', '2016', 70, 'donor asked for more');
    h.void(c1, 'duplicate');
    const events = new Map(
      h.events.map((e) => [e.position, { ...e, metadata: { recordedAt: `2015-03-0${e.position}T10:00:00.000Z`, recordedBy: 'ana' } }]),
    );
    return { h, events };
  }

  it('given a void and a target revision, then each change names its event with its recording and its reason', () => {
    const { h, events } = voidedCase();
    const r = restate(h.engine(), { asOf: '2016-12-31', since: 1, position: 3 });

    expect(changedPositions(r)).toEqual([2, 3]);
    const view = describeChanges(r, events);
    expect(view.indicators[0]).toEqual({
      code: '1.1',
      then: { value: 1, target: 60, expected: 60, status: 'red' },
      now: { value: 0, target: 70, expected: 70, status: 'red' },
      restated: true,
      changes: [
        {
          position: 2,
          eventId: h.events[1].eventId,
          type: 'IndicatorTargetSet',
          streamId: 'indicator-1.1',
          recordedAt: '2015-03-02T10:00:00.000Z',
          recordedBy: 'ana',
          reason: 'donor asked for more',
          target: { before: 60, after: 70 },
          expected: { before: 60, after: 70 },
        },
        {
          position: 3,
          eventId: h.events[2].eventId,
          type: 'EventVoided',
          streamId: 'case-C1',
          recordedAt: '2015-03-03T10:00:00.000Z',
          recordedBy: 'ana',
          reason: 'duplicate',
          value: { before: 1, after: 0 },
        },
      ],
    });
  });

  it('given a donor, then the same then and now without changes', () => {
    const { h } = voidedCase();
    const r = restate(h.engine(), { asOf: '2016-12-31', since: 1, position: 3 });

    const view = withoutChanges(r);

    expect(view.indicators[0]).toEqual({
      code: '1.1',
      then: { value: 1, target: 60, expected: 60, status: 'red' },
      now: { value: 0, target: 70, expected: 70, status: 'red' },
      restated: true,
    });
    expect(view.indicators.every((i) => !('changes' in i))).toBe(true);
  });
});

/** The literal reading of CONTRACT.md: evaluate every indicator at p − 1 and p for each p in (P, Q]. */
function literalChanges(engine: IndicatorEngine, asOf: string, since: number, position: number): FigureChange[][] {
  const changes: FigureChange[][] = Array.from({ length: 13 }, () => []);
  let before = engine.indicators({ asOf, atPosition: since }).indicators;
  for (let p = since + 1; p <= position; p++) {
    const after = engine.indicators({ asOf, atPosition: p }).indicators;
    after.forEach((a, i) => {
      const change: FigureChange = { position: p };
      for (const m of COMPARED_MEMBERS) if (before[i][m] !== a[m]) change[m] = { before: before[i][m], after: a[m] };
      if (Object.keys(change).length > 1) changes[i].push(change);
    });
    before = after;
  }
  return changes;
}

describe('a restatement on random histories (voids, re-records, back-dating, revisions)', () => {
  it('lists exactly the changes of evaluating every indicator before and after each event, and then/now as the engine answers', () => {
    fc.assert(
      fc.property(randomHistory(80), evaluationDate, fc.nat(), fc.nat(), (log, asOf, a, b) => {
        const engine = new IndicatorEngine({ checkpointEvery: 3 });
        for (const e of log) engine.apply(e);
        const [since, position] = [a % (log.length + 1), b % (log.length + 1)].sort((x, y) => x - y);

        const r = restate(engine, { asOf, since, position });

        expect(r.indicators.map((i) => i.changes)).toEqual(literalChanges(engine, asOf, since, position));
        const then = engine.indicators({ asOf, atPosition: since }).indicators;
        const now = engine.indicators({ asOf, atPosition: position }).indicators;
        r.indicators.forEach((i, k) => {
          expect(i.then).toEqual({ value: then[k].value, target: then[k].target, expected: then[k].expected, status: then[k].status });
          expect(i.now).toEqual({ value: now[k].value, target: now[k].target, expected: now[k].expected, status: now[k].status });
          expect(i.restated).toBe(COMPARED_MEMBERS.some((m) => then[k][m] !== now[k][m]));
        });
      }),
      { numRuns: 200 },
    );
  });
});
