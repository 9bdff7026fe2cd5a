import {
  AGE_GROUPS,
  ASSISTANCE_TYPES,
  AUDIENCES,
  CLOSURE_REASONS,
  CSO_DOMAINS,
  CsoCapacityAssessed,
  EVENT_TYPES,
  EXPLOITATION_TYPES,
  INDICATORS,
  REFERRERS,
  REGIONS,
  SEXES,
  TARGET_PERIODS,
} from '@jalon/domain';
import { describe, expect, it } from 'vitest';
import * as dashboard from '../../apps/dashboard/src/lib/vocabulary.js';

// The dashboard sees only @jalon/contracts: the domain's closed lists come through it (the same
// arrays, no copy); the few lists still kept in the dashboard are checked against the domain.
describe('lists the dashboard mirrors from the domain', () => {
  it('offers exactly the regions and audiences of DOMAIN.md: the domain\'s own arrays, not a copy', () => {
    expect(dashboard.REGIONS).toBe(REGIONS);
    expect(dashboard.AUDIENCES).toBe(AUDIENCES);
  });

  it('offers exactly the CSO domains, case attributes, assistance types and closure reasons of DOMAIN.md', () => {
    expect(dashboard.CSO_DOMAINS).toBe(CSO_DOMAINS);
    expect(dashboard.SEXES).toEqual(SEXES);
    expect(dashboard.AGE_GROUPS).toEqual(AGE_GROUPS);
    expect(dashboard.EXPLOITATION_TYPES).toEqual(EXPLOITATION_TYPES);
    expect(dashboard.REFERRERS).toEqual(REFERRERS);
    expect(dashboard.ASSISTANCE_TYPES).toEqual(ASSISTANCE_TYPES);
    expect(dashboard.CLOSURE_REASONS).toBe(CLOSURE_REASONS);
  });

  it('asks for exactly the assessment scores and filters by exactly the event types of DOMAIN.md', () => {
    expect([...dashboard.SCORE_AREAS].sort()).toEqual(Object.keys(CsoCapacityAssessed.shape.scores.shape).sort());
    expect(dashboard.EVENT_TYPES).toEqual(EVENT_TYPES);
  });

  it('revises targets of exactly the indicators of the logframe, for exactly its target years', () => {
    expect(dashboard.INDICATOR_CODES).toEqual(INDICATORS.map((i) => i.code));
    expect(dashboard.TARGET_PERIODS).toEqual(TARGET_PERIODS);
  });
});
