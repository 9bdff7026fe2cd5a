import { describe, expect, it } from 'vitest';
import { checkLog, parseEvent } from '../check-log.js';
import { EVENT_TYPES, SCHEMA_VERSION } from '../events.js';
import { daysBetween } from '../dates.js';
import type { EventEnvelope, NewEvent } from '../envelope.js';
import { DEMO_NOTICE, demoHistory } from './index.js';

const history = demoHistory();

/** The events in effect: neither a void nor voided. */
function inEffect<E extends NewEvent & Pick<EventEnvelope, 'streamId'>>(events: readonly E[]): E[] {
  const voided = new Set(events.filter((e) => e.type === 'EventVoided').map((e) => e.data.eventId));
  return events.filter((e) => e.type !== 'EventVoided' && !voided.has(e.eventId));
}

function dataOf(type: string): Array<Record<string, any>> {
  return inEffect(history).filter((e) => e.type === type).map((e) => e.data);
}

function distinct(type: string, key: string, where: (d: Record<string, any>) => boolean = () => true): number {
  return new Set(dataOf(type).filter(where).map((d) => d[key])).size;
}

function trained(audience: string): number {
  return dataOf('TrainingHeld')
    .filter((d) => d.audience === audience)
    .reduce((sum, d) => sum + d.participants.female + d.participants.male, 0);
}

describe('demoHistory', () => {
  it('is deterministic: two calls give the same events, ids and times', () => {
    expect(demoHistory()).toEqual(history);
  });

  it('obeys every rule of DOMAIN.md (checkLog finds nothing)', () => {
    expect(checkLog(history)).toBeNull();
  });

  it('holds no extra field (a name has nowhere to go): every data object parses strictly, unchanged', () => {
    for (const event of history) {
      const parsed = parseEvent(event.type, event.data);
      expect(parsed, `${event.type} ${event.eventId}`).not.toBeTypeOf('string');
      expect(typeof parsed === 'string' ? undefined : parsed.data).toEqual(event.data);
    }
  });

  it('covers every event type', () => {
    expect(new Set(history.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
  });

  it('has unique UUID v4 ids, fixed metadata and recording times that never decrease', () => {
    const ids = history.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const times = history.map((e) => e.metadata.recordedAt);
    for (const t of times) expect(t).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(times).toEqual([...times].sort());
    for (const event of history)
      expect(event.metadata).toEqual({ recordedAt: event.metadata.recordedAt, recordedBy: 'demo', schemaVersion: SCHEMA_VERSION });
  });

  it('records the volumes the plan gives (the engine reads their story in libs/projections demo-story.spec.ts)', () => {
    expect(distinct('CsoMapped', 'csoId')).toBe(29 + 21 + 6);
    expect(distinct('CsoCapacityAssessed', 'csoId')).toBe(6 + 10 + 6);
    expect(distinct('PartnershipAgreementSigned', 'csoId')).toBe(1 + 5);
    expect(dataOf('TrainingHeld').length).toBe(2 + 2 + 6 + 5 + 2 + 4 + 6 + 2);
    expect(trained('government')).toBe(24 + 70 + 36);
    expect(trained('cso')).toBe(45 + 52);
    expect(trained('iom_staff')).toBe(9 + 7 + 4);
    expect(distinct('VictimIdentified', 'caseId')).toBe(6 + 30 + 22);
    expect(distinct('AssistanceProvided', 'caseId', (d) => d.assistanceType === 'avrr_return')).toBe(31);
    expect(distinct('AssistanceProvided', 'caseId', (d) => d.assistanceType === 'reintegration')).toBe(24);
    expect(dataOf('CaseClosed').length).toBeGreaterThan(5);
  });

  it('starts some activities late: CSO trainings in spring 2015, one agreement in 2015, reintegration from December 2015', () => {
    const first = (dates: string[]) => [...dates].sort()[0];
    expect(first(dataOf('TrainingHeld').filter((d) => d.audience === 'cso').map((d) => d.heldOn))).toMatch(/^2015-0[4-5]/);
    expect(dataOf('PartnershipAgreementSigned').filter((d) => d.signedOn < '2016').map((d) => d.signedOn)).toEqual([
      expect.stringMatching(/^2015-12-/),
    ]);
    expect(first(dataOf('AssistanceProvided').filter((d) => d.assistanceType === 'reintegration').map((d) => d.providedOn)) >= '2015-12-15').toBe(true);
  });

  it('keeps cases pseudonymous and realistic: coded ids, a few minors, typical nationalities', () => {
    const cases = dataOf('VictimIdentified');
    for (const c of cases) expect(c.caseId).toMatch(/^C-20(14|15|16)-\d{3}$/);
    expect(cases.filter((c) => c.ageGroup === 'minor').length).toBeGreaterThanOrEqual(2);
    const typical = new Set(['NG', 'CM', 'CI', 'SN', 'CD', 'GN', 'ML', 'PH', 'BD']);
    for (const c of cases) expect(typical).toContain(c.nationality);
    const main = cases.filter((c) => c.exploitationType === 'sexual' || c.exploitationType === 'labour');
    expect(main.length).toBeGreaterThan(cases.length / 2);
    for (const cso of dataOf('CsoMapped')) expect(cso.name).toMatch(/\(synthétique\)$/);
  });

  it('shows corrections: a void then a re-record of the same id on the same stream', () => {
    const voids = history.filter((e) => e.type === 'EventVoided');
    const reRecorded = voids.filter((v) => {
      const after = history.slice(history.indexOf(v) + 1).filter((e) => e.streamId === v.streamId);
      return after[0]?.type === history.find((e) => e.eventId === v.data.eventId)?.type;
    });
    expect(reRecorded.length).toBeGreaterThanOrEqual(2);
    const plainVoid = voids.find((v) => history.find((e) => e.eventId === v.data.eventId)?.type === 'AssistanceProvided');
    expect(plainVoid).toBeDefined();
  });

  it('has a back-dated record and a target revision with its reason', () => {
    const lags = history.map((event) => {
      const businessDate = Object.entries(event.data).find(([key]) => key.endsWith('On'))?.[1] as string | undefined;
      return businessDate ? daysBetween(businessDate, event.metadata.recordedAt.slice(0, 10)) : 0;
    });
    expect(Math.max(...lags)).toBeGreaterThan(90);
    expect(dataOf('IndicatorTargetSet')).toEqual([
      expect.objectContaining({ code: '2.1', period: '2016', value: 165, reason: expect.any(String) }),
    ]);
  });

  it('says it is synthetic, in French and English', () => {
    expect(DEMO_NOTICE.fr).toMatch(/^Données de démonstration synthétiques/);
    expect(DEMO_NOTICE.en).toMatch(/^Synthetic demo data/);
  });
});
