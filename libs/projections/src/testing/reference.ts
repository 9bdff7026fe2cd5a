import { businessDate, INDICATORS, type DomainEvent, type Dimension, type EventEnvelope } from '@jalon/domain';

/**
 * A deliberately naive evaluator that follows DOMAIN.md's steps literally, for tests only: the
 * engine must give the same answers for any history, at any business date and any position.
 */
type Logged = Pick<EventEnvelope, 'position' | 'eventId' | 'type' | 'data'>;

function keptEvents(log: Logged[], asOf: string, atPosition: number): DomainEvent[] {
  const known = log.filter((e) => e.position <= atPosition); // step 1
  const voided = new Set(known.filter((e) => e.type === 'EventVoided').map((e) => (e.data as { eventId: string }).eventId));
  return known
    .filter((e) => e.type !== 'EventVoided' && !voided.has(e.eventId))
    .map((e) => ({ type: e.type, data: e.data }) as DomainEvent)
    .filter((e) => {
      const date = businessDate(e); // step 2
      return date === undefined || date <= asOf;
    });
}

type Unit = { id: string; attributes: Record<string, string>; weight: number };

/** Per indicator (and percent parts), the units that count: cases, CSOs or participant sums. */
function unitsByIndicator(events: DomainEvent[]): Map<string, Unit[]> {
  const of = <T extends DomainEvent['type']>(t: T) =>
    events.filter((e): e is Extract<DomainEvent, { type: T }> => e.type === t);
  const cases = new Map(of('VictimIdentified').map((e) => [e.data.caseId, e.data])); // step 3
  const csos = new Map(of('CsoMapped').map((e) => [e.data.csoId, e.data]));
  const caseUnits = (pred: (types: Set<string>) => boolean): Unit[] =>
    [...cases.values()]
      .filter((c) => pred(new Set(of('AssistanceProvided').filter((a) => a.data.caseId === c.caseId).map((a) => a.data.assistanceType))))
      .map((c) => ({ id: c.caseId, attributes: { ...c }, weight: 1 }));
  const csoUnits = (ids: Set<string>): Unit[] =>
    [...csos.values()].filter((c) => ids.has(c.csoId)).map((c) => ({ id: c.csoId, attributes: { region: c.region }, weight: 1 }));
  const trainings = of('TrainingHeld').map((e) => e.data);
  const training = (audience: string): Unit[] =>
    trainings
      .filter((t) => t.audience === audience)
      .flatMap((t) => [
        { id: t.trainingId, attributes: { sex: 'female', region: t.region }, weight: t.participants.female },
        { id: t.trainingId, attributes: { sex: 'male', region: t.region }, weight: t.participants.male },
      ]);
  const test = (field: 'tested' | 'improved'): Unit[] =>
    trainings.map((t) => ({ id: t.trainingId, attributes: {}, weight: t.knowledgeTest?.[field] ?? 0 }));
  return new Map<string, Unit[]>([
    ['1.1', caseUnits(() => true)],
    ['1.2', caseUnits((t) => t.size > 0)],
    ['3.1', caseUnits((t) => t.has('avrr_return'))],
    ['3.2', caseUnits((t) => t.has('reintegration'))],
    ['3.3:both', caseUnits((t) => t.has('avrr_return') && t.has('reintegration'))],
    ['2.1', training('government')],
    ['2.2', training('cso')],
    ['2.3', training('iom_staff')],
    ['2.4:improved', test('improved')],
    ['2.4:tested', test('tested')],
    ['2.5', csoUnits(new Set(csos.keys()))],
    ['2.6', csoUnits(new Set(of('CsoCapacityAssessed').map((e) => e.data.csoId)))],
    ['2.7', csoUnits(new Set(of('PartnershipAgreementSigned').map((e) => e.data.csoId)))],
  ]);
}

const total = (units: Unit[]) => units.reduce((s, u) => s + u.weight, 0);
const PARTS: Record<string, [string, string]> = {
  '1.3': ['1.2', '1.1'],
  '2.4': ['2.4:improved', '2.4:tested'],
  '3.3': ['3.3:both', '3.1'],
};

/** code → value (percent unrounded, null when its denominator is 0). */
export function referenceValues(log: Logged[], asOf: string, atPosition: number): Record<string, number | null> {
  const units = unitsByIndicator(keptEvents(log, asOf, atPosition));
  const out: Record<string, number | null> = {};
  for (const def of INDICATORS) {
    if (def.unit === 'count') out[def.code] = total(units.get(def.code)!);
    else {
      const [n, d] = PARTS[def.code].map((s) => total(units.get(s)!));
      out[def.code] = d === 0 ? null : (100 * n) / d;
    }
  }
  return out;
}

/** key → value for the non-zero cells of one breakdown. */
export function referenceBreakdown(
  log: Logged[],
  code: string,
  by: Dimension,
  asOf: string,
  atPosition: number,
): Record<string, number> {
  const units = unitsByIndicator(keptEvents(log, asOf, atPosition)).get(code)!;
  const cells: Record<string, number> = {};
  for (const u of units) cells[u.attributes[by]] = (cells[u.attributes[by]] ?? 0) + u.weight;
  return Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== 0));
}
