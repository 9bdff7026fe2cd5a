import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATORS, type EventEnvelope } from '@jalon/domain';
import { IndicatorEngine } from './engine.js';
import { referenceBreakdown, referenceValues } from './testing/reference.js';
import { evaluationDate, randomHistory } from './testing/random-history.js';

function engineOf(log: Array<Pick<EventEnvelope, 'position' | 'eventId' | 'type' | 'data'>>, checkpointEvery = 3): IndicatorEngine {
  const engine = new IndicatorEngine({ checkpointEvery });
  for (const e of log) engine.apply(e);
  return engine;
}

const valuesOf = (engine: IndicatorEngine, asOf: string, atPosition: number) =>
  Object.fromEntries(engine.indicators({ asOf, atPosition }).indicators.map((i) => [i.code, i.value]));

describe('the indicator engine on random histories (voids, re-records, back-dating, revisions)', () => {
  it('gives the values of a literal reading of DOMAIN.md, as of any date and known at any position', () => {
    fc.assert(
      fc.property(randomHistory(), evaluationDate, fc.double({ min: 0, max: 1, noNaN: true }), (log, asOf, share) => {
        const atPosition = Math.floor(share * log.length);
        expect(valuesOf(engineOf(log), asOf, atPosition)).toEqual(referenceValues(log, asOf, atPosition));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the breakdowns of the literal reading, cells adding up to the value', () => {
    const dims = [['1.1', 'nationality'], ['1.2', 'sex'], ['3.1', 'ageGroup'], ['2.1', 'sex'], ['2.2', 'region'], ['2.6', 'region']] as const;
    fc.assert(
      fc.property(randomHistory(), evaluationDate, fc.nat(), (log, asOf, p) => {
        const atPosition = p % (log.length + 1);
        const engine = engineOf(log);
        for (const [code, by] of dims) {
          const view = engine.breakdown(code, by, { asOf, atPosition });
          const cells = Object.fromEntries(view.cells.map((c) => [c.key, c.value]));
          expect(cells).toEqual(referenceBreakdown(log, code, by, asOf, atPosition));
          const value = referenceValues(log, asOf, atPosition)[code];
          expect(view.cells.reduce((s, c) => s + (c.value ?? 0), 0)).toBe(value);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('answers at position k, from scratch, exactly what the incremental fold answered when it had reached k', () => {
    fc.assert(
      fc.property(randomHistory(40), evaluationDate, (log, asOf) => {
        const incremental = new IndicatorEngine({ checkpointEvery: 2 });
        const seen = [incremental.indicators({ asOf })];
        for (const e of log) {
          incremental.apply(e);
          seen.push(incremental.indicators({ asOf }));
        }
        const fromScratch = engineOf(log, 1024);
        seen.forEach((view, k) => expect(fromScratch.indicators({ asOf, atPosition: k })).toEqual(view));
      }),
      { numRuns: 120 },
    );
  });

  it('gives series whose cumulative values are the values as of each period end', () => {
    fc.assert(
      fc.property(randomHistory(), evaluationDate, fc.constantFrom('quarter', 'year') as fc.Arbitrary<'quarter' | 'year'>, (log, asOf, period) => {
        const engine = engineOf(log);
        const atPosition = Math.floor(log.length / 2);
        for (const def of INDICATORS) {
          const { points } = engine.series(def.code, period, { asOf, atPosition });
          let previous = 0;
          for (const p of points) {
            expect(p.cumulative).toBe(referenceValues(log, p.end, atPosition)[def.code]);
            if (def.unit === 'count') expect(p.value).toBe((p.cumulative as number) - previous);
            previous = p.cumulative ?? 0;
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('answers the same after a rebuild from the log, byte for byte', () => {
    fc.assert(
      fc.property(randomHistory(), evaluationDate, (log, asOf) => {
        const a = engineOf(log, 2);
        const b = engineOf(log, 50);
        expect(JSON.stringify(b.indicators({ asOf }))).toBe(JSON.stringify(a.indicators({ asOf })));
        expect(JSON.stringify(b.series('1.1', 'quarter', { asOf }))).toBe(JSON.stringify(a.series('1.1', 'quarter', { asOf })));
      }),
      { numRuns: 60 },
    );
  });
});
