import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSURE_REASONS, type EventEnvelope } from '@jalon/domain';
import { caseActivity, csoActivity, inEffect, trainingActivity } from './activities.js';
import { ActivitiesModel } from './activities-model.js';
import { history } from './testing/history.js';
import { evaluationDate, randomHistory } from './testing/random-history.js';

type Logged = Pick<EventEnvelope, 'position' | 'eventId' | 'type' | 'data'>;

/**
 * The shared random histories score every assessment alike and close every case for one reason;
 * here scores and reasons vary with the position, so that which assessment or closure wins shows.
 */
const varied = (log: Logged[]): Logged[] =>
  log.map((e) => {
    const n = e.position;
    if (e.type === 'CsoCapacityAssessed')
      return { ...e, data: { ...e.data, scores: { governance: 1 + (n % 4), finance: 1 + ((n + 1) % 4), humanResources: 1 + ((n * 3) % 4), programme: 4, protection: 1 + ((n >> 1) % 4) } } };
    if (e.type === 'CaseClosed') return { ...e, data: { ...e.data, reason: CLOSURE_REASONS[n % CLOSURE_REASONS.length] } };
    return e;
  });
const randomLog = (maxLength?: number) => randomHistory(maxLength).map(varied);

function modelOf(log: readonly Logged[]): ActivitiesModel {
  const model = new ActivitiesModel();
  for (const e of log) model.apply(e);
  return model;
}

/** The reference: the whole log up to `at`, voids applied, folded from scratch. */
function reference(log: readonly Logged[], asOf: string, at: number, manager: boolean) {
  const events = inEffect(log.filter((e) => e.position <= at));
  return { csos: csoActivity(events, asOf), trainings: trainingActivity(events, asOf, manager), cases: caseActivity(events, asOf, manager) };
}

function answers(model: ActivitiesModel, asOf: string, at: number, manager: boolean) {
  return { csos: model.csoActivity(asOf, at), trainings: model.trainingActivity(asOf, manager, at), cases: model.caseActivity(asOf, manager, at) };
}

describe('the activities model on random histories (voids, re-records, back-dating)', () => {
  it('answers what the reference fold answers, as of any date, known at any position, for manager and donor', () => {
    fc.assert(
      fc.property(randomLog(), evaluationDate, fc.nat(), fc.boolean(), (log, asOf, p, manager) => {
        const at = p % (log.length + 1);
        const model = modelOf(log);
        expect(answers(model, asOf, at, manager)).toEqual(reference(log, asOf, at, manager));
        expect(answers(model, asOf, log.length, manager)).toEqual(reference(log, asOf, log.length, manager));
      }),
      { numRuns: 300 },
    );
  });

  it('answers at position k, after the whole log, what it answered when it had reached k', () => {
    fc.assert(
      fc.property(randomLog(40), evaluationDate, (log, asOf) => {
        const model = new ActivitiesModel();
        const seen = [answers(model, asOf, 0, true)];
        for (const e of log) {
          model.apply(e);
          seen.push(structuredClone(answers(model, asOf, e.position, true)));
        }
        seen.forEach((view, k) => expect(answers(model, asOf, k, true)).toEqual(view));
      }),
      { numRuns: 100 },
    );
  });

  it('gives equal answers after save → structured clone → load, and goes on from there like the original', () => {
    fc.assert(
      fc.property(randomLog(), evaluationDate, fc.nat(), fc.nat(), (log, asOf, cut, p) => {
        const split = cut % (log.length + 1);
        const original = modelOf(log.slice(0, split));
        const restored = new ActivitiesModel();
        restored.load(structuredClone(original.save()));
        expect(restored.position).toBe(split);
        for (const e of log.slice(split)) restored.apply(e);
        const at = p % (log.length + 1);
        expect(answers(restored, asOf, at, false)).toEqual(reference(log, asOf, at, false));
        expect(answers(restored, asOf, at, true)).toEqual(answers(modelOf(log), asOf, at, true));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the activities model, by hand', () => {
  it('given a CSO assessed then the assessment voided, when asked before and after the void, then each position sees its own', () => {
    const h = history();
    h.cso('A', '2014-10-01', 'oriental');
    const assessed = h.assess('A', '2015-03-01');
    h.void(assessed);
    const model = modelOf(h.check().events);
    // Positions: 1 mapped, 2 assessed, 3 void.
    expect(model.csoActivity('2016-12-31', 2).regions).toEqual([{ region: 'oriental', mapped: 1, assessed: 1, agreements: 0 }]);
    expect(model.csoActivity('2016-12-31').regions).toEqual([{ region: 'oriental', mapped: 1, assessed: 0, agreements: 0 }]);
    expect(model.csoActivity('2015-02-28', 2).regions).toEqual([{ region: 'oriental', mapped: 1, assessed: 0, agreements: 0 }]);
  });

  it('given a case, when it is saved, then the only text in the saved state is its id', () => {
    const h = history();
    h.case('c1', '2015-01-10', { nationality: 'NG' });
    h.assist('c1', '2015-02-01', 'avrr_return');
    const texts: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') texts.push(value);
      else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) Object.values(value).forEach(walk);
    };
    walk(modelOf(h.check().events).save());
    // Ids are packed into one string per kind: no CSO, so an empty one.
    expect(texts.filter((text) => text !== '')).toEqual(['c1']);
  });

  it('finds the fact a void names among many ids, and ignores a void of an event no page reads', () => {
    const model = new ActivitiesModel();
    const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    for (let n = 1; n <= 5000; n++) model.apply({ position: n, eventId: id(n), type: 'VictimIdentified', data: { caseId: `c${n}`, identifiedOn: '2015-01-01' } as never });
    model.apply({ position: 5001, eventId: id(5001), type: 'EventVoided', data: { eventId: id(4321), reason: 'error' } });
    model.apply({ position: 5002, eventId: id(5002), type: 'EventVoided', data: { eventId: id(99999), reason: 'error' } });
    expect(model.caseActivity('2016-12-31', false).funnel.identified).toBe(4999);
    expect(model.caseActivity('2016-12-31', false, 5000).funnel.identified).toBe(5000);
  });

  it('refuses an event out of order and a position past the one reached', () => {
    const h = history();
    h.cso('A', '2014-10-01', 'oriental');
    const [first] = h.check().events;
    const model = modelOf([first]);
    expect(() => model.apply(first)).toThrow(RangeError);
    expect(() => model.csoActivity('2016-12-31', 2)).toThrow(RangeError);
    expect(() => new ActivitiesModel().load({})).toThrow(TypeError);
  });
});
