import type { CaseEntity, CsoEntity, HeldTraining, TrainingEntity, Victim } from './contributions.js';
import type { EntityKey } from './entities.js';

type Keyed<E> = E & { readonly key: EntityKey };
type AnyEntity = Keyed<CaseEntity> | Keyed<CsoEntity> | Keyed<TrainingEntity>;

export interface EntityMaps {
  cases: Map<string, Keyed<CaseEntity>>;
  csos: Map<string, Keyed<CsoEntity>>;
  trainings: Map<string, Keyed<TrainingEntity>>;
}

/**
 * The entities packed as two columns, strings (one joined string and the lengths) and numbers,
 * in a fixed walk: a million small objects cost seconds through v8.serialize, these few values
 * milliseconds. Owners are not stored: ownersOf() rebuilds them from the records in effect (an event
 * no longer in effect, voided or re-recorded over, changes nothing when voided, so it needs none).
 */
export interface PackedEntities {
  text: string;
  lengths: Int32Array;
  numbers: Float64Array;
}

const CASE_KEYS = ['sex', 'ageGroup', 'nationality', 'exploitationType', 'referredBy'] as const;

export function packEntities({ cases, csos, trainings }: EntityMaps): PackedEntities {
  const strings: string[] = [];
  const numbers: number[] = [];
  const pairs = (map: Map<string, number>) => {
    numbers.push(map.size);
    for (const [id, n] of map) strings.push(id), numbers.push(n);
  };
  numbers.push(cases.size, csos.size, trainings.size);
  for (const [id, c] of cases) {
    strings.push(id);
    const v = c.identified;
    numbers.push(v ? 1 : 0);
    if (v) strings.push(v.eventId, ...CASE_KEYS.map((k) => v[k])), numbers.push(v.day);
    pairs(c.assistance);
  }
  for (const [id, c] of csos) {
    strings.push(id);
    numbers.push(c.mapped ? 1 : 0);
    if (c.mapped) strings.push(c.mapped.eventId, c.mapped.region), numbers.push(c.mapped.day);
    pairs(c.assessments);
    pairs(c.agreements);
  }
  for (const [id, t] of trainings) {
    strings.push(id);
    const h = t.held;
    numbers.push(h ? (h.tested === undefined ? 1 : 2) : 0);
    if (h) strings.push(h.eventId, h.code, h.region), numbers.push(h.day, h.female, h.male);
    if (h?.tested !== undefined) numbers.push(h.improved!, h.tested);
  }
  return { text: strings.join(''), lengths: Int32Array.from(strings, (s) => s.length), numbers: Float64Array.from(numbers) };
}

/** The maps packEntities() packed; `intern` shares the breakdown keys again. */
export function unpackEntities(packed: PackedEntities, intern: (key: string) => string): EntityMaps {
  const { text, lengths, numbers } = packed;
  if (typeof text !== 'string' || !(lengths instanceof Int32Array) || !(numbers instanceof Float64Array))
    throw new TypeError('an entities snapshot of another shape');
  let s = 0;
  let at = 0;
  let n = 0;
  const str = () => text.slice(at, (at += lengths[s++]));
  const num = () => numbers[n++];
  const maps: EntityMaps = { cases: new Map(), csos: new Map(), trainings: new Map() };
  const pairs = () => {
    const map = new Map<string, number>();
    for (let i = num(); i > 0; i--) map.set(str(), num());
    return map;
  };
  const [cases, csos, trainings] = [num(), num(), num()];
  for (let i = 0; i < cases; i++) {
    const id = str();
    const c = { key: { kind: 'case', id } } as Keyed<CaseEntity>;
    if (num() === 1) {
      const v = { eventId: str() } as Victim;
      for (const k of CASE_KEYS) (v as Record<string, unknown>)[k] = intern(str());
      v.day = num();
      c.identified = v;
    }
    c.assistance = pairs();
    maps.cases.set(id, c);
  }
  for (let i = 0; i < csos; i++) {
    const id = str();
    const c = { key: { kind: 'cso', id } } as Keyed<CsoEntity>;
    if (num() === 1) {
      c.mapped = { eventId: str(), region: intern(str()), day: num() };
    }
    c.assessments = pairs();
    c.agreements = pairs();
    maps.csos.set(id, c);
  }
  for (let i = 0; i < trainings; i++) {
    const id = str();
    const t: Keyed<TrainingEntity> = { key: { kind: 'training', id } };
    const held = num();
    if (held > 0) {
      const h: HeldTraining = { eventId: str(), code: intern(str()), region: intern(str()), day: num(), female: num(), male: num() };
      t.held = held === 2 ? { ...h, improved: num(), tested: num() } : h;
    }
    maps.trainings.set(id, t);
  }
  if (n !== numbers.length || s !== lengths.length || at !== text.length) throw new TypeError('an entities snapshot of another shape');
  return maps;
}

/** Adds to `owners` the entity of each event in effect (those already there are kept). */
export function ownersOf({ cases, csos, trainings }: EntityMaps, owners: Map<string, AnyEntity>): void {
  const own = (eventId: string, entity: AnyEntity) => {
    if (!owners.has(eventId)) owners.set(eventId, entity);
  };
  for (const c of cases.values()) {
    if (c.identified) own(c.identified.eventId, c);
    for (const id of c.assistance.keys()) own(id, c);
  }
  for (const c of csos.values()) {
    if (c.mapped) own(c.mapped.eventId, c);
    for (const id of c.assessments.keys()) own(id, c);
    for (const id of c.agreements.keys()) own(id, c);
  }
  for (const t of trainings.values()) if (t.held) own(t.held.eventId, t);
}
