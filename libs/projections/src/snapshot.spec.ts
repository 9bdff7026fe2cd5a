import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATORS, type EventEnvelope } from '@jalon/domain';
import { IndicatorEngine } from './engine.js';
import { RecordedTimes } from './known-at.js';
import { evaluationDate, randomHistory } from './testing/random-history.js';

type Logged = Pick<EventEnvelope, 'position' | 'eventId' | 'type' | 'data'>;

/** Every breakdown the logframe offers. */
const BREAKDOWNS = INDICATORS.flatMap((def) => def.breakdowns.map((by) => [def.code, by] as const));

/** Every answer the engine gives for one evaluation: values, series, breakdowns, targets. */
function answers(engine: IndicatorEngine, asOf: string, atPosition: number) {
  const at = { asOf, atPosition };
  return {
    indicators: engine.indicators(at),
    head: engine.indicators({ asOf }),
    series: INDICATORS.map((def) => engine.series(def.code, 'quarter', at)),
    breakdowns: BREAKDOWNS.map(([code, by]) => engine.breakdown(code, by, at)),
    donor: BREAKDOWNS.map(([code, by]) => engine.breakdown(code, by, at, { threshold: 3 })),
    targets: INDICATORS.map((def) => engine.targets(def.code, atPosition)),
  };
}

/** The engine's state through the bytes a snapshot file holds. */
function roundTrip(engine: IndicatorEngine, checkpointEvery: number): IndicatorEngine {
  const copy = new IndicatorEngine({ checkpointEvery });
  copy.load(deserialize(serialize(engine.save())));
  return copy;
}

describe('an engine snapshot', () => {
  it('given a snapshot taken mid-log, when it is loaded and the tail folded, then every answer is the full fold’s', () => {
    fc.assert(
      fc.property(randomHistory(), evaluationDate, fc.nat(), fc.nat(), (log: Logged[], asOf, cut, at) => {
        const split = cut % (log.length + 1);
        const full = new IndicatorEngine({ checkpointEvery: 3 });
        for (const e of log) full.apply(e);
        const prefix = new IndicatorEngine({ checkpointEvery: 3 });
        for (const e of log.slice(0, split)) prefix.apply(e);
        const resumed = roundTrip(prefix, 3);
        for (const e of log.slice(split)) resumed.apply(e);
        expect(resumed.position).toBe(full.position);
        const atPosition = at % (log.length + 1);
        expect(answers(resumed, asOf, atPosition)).toEqual(answers(full, asOf, atPosition));
      }),
      { numRuns: 150 },
    );
  });

  it('given the state of an engine that has folded nothing, when loaded, then it answers as a new engine', () => {
    const loaded = roundTrip(new IndicatorEngine(), 1024);
    expect(answers(loaded, '2027-06-30', 0)).toEqual(answers(new IndicatorEngine(), '2027-06-30', 0));
  });

  it('given a state that is not an engine’s, when loaded, then it throws', () => {
    expect(() => new IndicatorEngine().load({} as never)).toThrow(TypeError);
    const state = new IndicatorEngine().save();
    expect(() => new IndicatorEngine().load({ ...state, entities: { ...state.entities, version: 1 } as never })).toThrow(TypeError);
    // One case id, but no row for it.
    const oneId = { ...state.entities, ids: [{ text: 'C-1', lengths: new Int32Array([3]) }, ...state.entities.ids.slice(1)] };
    expect(() => new IndicatorEngine().load({ ...state, entities: oneId as never })).toThrow(TypeError);
  });
});

describe('a recorded-times snapshot', () => {
  it('given times recorded (some out of order), when saved, loaded and continued, then every "known at" answer is the same', () => {
    const times = fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 });
    fc.assert(
      fc.property(times, fc.nat(), (minutes, cut) => {
        const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m)).toISOString();
        const split = cut % (minutes.length + 1);
        const full = new RecordedTimes();
        minutes.forEach((m, i) => full.record(i + 1, at(m)));
        const prefix = new RecordedTimes();
        minutes.slice(0, split).forEach((m, i) => prefix.record(i + 1, at(m)));
        const resumed = new RecordedTimes();
        resumed.load(deserialize(serialize(prefix.save())));
        minutes.slice(split).forEach((m, i) => resumed.record(split + i + 1, at(m)));
        expect(resumed.position).toBe(full.position);
        for (let m = -1; m <= 51; m++) expect(resumed.positionAt(Date.parse(at(m)))).toBe(full.positionAt(Date.parse(at(m))));
      }),
      { numRuns: 200 },
    );
  });
});
