/**
 * The recording forms of the "Record" panel, as data: one generic form component renders any of
 * them, builds the command's path and body, and puts the API's refusals next to the right field.
 */
import type { Key } from './i18n.js';
import {
  AGE_GROUPS,
  AUDIENCES,
  ASSISTANCE_TYPES,
  CLOSURE_REASONS,
  CSO_DOMAINS,
  EXPLOITATION_TYPES,
  INDICATOR_CODES,
  REFERRERS,
  REGIONS,
  SCORE_AREAS,
  SCORES,
  SEXES,
  TARGET_PERIODS,
} from './vocabulary.js';

export type FieldKind = 'id' | 'text' | 'date' | 'select' | 'multi' | 'country' | 'number';

export interface FieldDef {
  /** The body field it fills (and the last segment of an error path naming it). */
  name: string;
  label: Key;
  kind: FieldKind;
  options?: readonly string[];
  /** Option labels are the dictionary keys `${optionPrefix}.${option}`; the raw option without one. */
  optionPrefix?: string;
  optional?: boolean;
  help?: Key;
  wide?: boolean;
  /** Put in this nested object of the body (the assessment's scores, a training's participants), as a number. */
  nested?: 'scores' | 'participants' | 'knowledgeTest';
}

export interface RecordKind {
  kind: 'cso' | 'assessment' | 'agreement' | 'training' | 'case' | 'assistance' | 'closure' | 'void' | 'target';
  label: Key;
  fields: FieldDef[];
  /** The command's route; `{x}` is filled from the field x (which stays out of the body). */
  route: string;
}

export type Values = Record<string, string | string[]>;

const idHelp: Key = 'form.trainingIdHelp';
const csoId: FieldDef = { name: 'csoId', label: 'rec.field.csoId', kind: 'id', help: idHelp };
const caseId: FieldDef = { name: 'caseId', label: 'rec.field.caseId', kind: 'id', help: 'rec.field.caseIdHelp' };
const date = (name: string, label: Key): FieldDef => ({ name, label, kind: 'date' });
const choice = (name: string, label: Key, options: readonly string[], optionPrefix?: string): FieldDef => ({
  name,
  label,
  kind: 'select',
  options,
  optionPrefix,
});

export const RECORD_KINDS: readonly RecordKind[] = [
  {
    kind: 'cso',
    label: 'rec.kind.cso',
    route: '/csos',
    fields: [
      csoId,
      { name: 'name', label: 'rec.field.name', kind: 'text', wide: true },
      choice('region', 'form.region', REGIONS, 'key.region'),
      { name: 'city', label: 'rec.field.city', kind: 'text', optional: true },
      date('mappedOn', 'rec.field.mappedOn'),
      { name: 'domains', label: 'rec.field.domains', kind: 'multi', options: CSO_DOMAINS, optionPrefix: 'key.domain', wide: true },
    ],
  },
  {
    kind: 'assessment',
    label: 'rec.kind.assessment',
    route: '/csos/{csoId}/assessments',
    fields: [
      csoId,
      date('assessedOn', 'rec.field.assessedOn'),
      ...SCORE_AREAS.map((area): FieldDef => ({ ...choice(area, `rec.score.${area}`, SCORES), nested: 'scores' })),
    ],
  },
  {
    kind: 'agreement',
    label: 'rec.kind.agreement',
    route: '/csos/{csoId}/agreement',
    fields: [csoId, date('signedOn', 'rec.field.signedOn'), { name: 'agreementRef', label: 'rec.field.agreementRef', kind: 'text' }],
  },
  {
    kind: 'training',
    label: 'rec.kind.training',
    route: '/trainings',
    fields: [
      { name: 'trainingId', label: 'form.trainingId', kind: 'id', help: idHelp },
      date('heldOn', 'form.heldOn'),
      choice('audience', 'form.audience', AUDIENCES, 'audience'),
      { name: 'topic', label: 'form.topic', kind: 'text', wide: true },
      choice('region', 'form.region', REGIONS, 'key.region'),
      { name: 'female', label: 'form.female', kind: 'number', nested: 'participants' },
      { name: 'male', label: 'form.male', kind: 'number', nested: 'participants' },
      { name: 'tested', label: 'form.tested', kind: 'number', nested: 'knowledgeTest', optional: true },
      { name: 'improved', label: 'form.improved', kind: 'number', nested: 'knowledgeTest', optional: true },
    ],
  },
  {
    kind: 'case',
    label: 'rec.kind.case',
    route: '/cases',
    fields: [
      caseId,
      date('identifiedOn', 'rec.field.identifiedOn'),
      choice('sex', 'dim.sex', SEXES, 'key.sex'),
      choice('ageGroup', 'dim.ageGroup', AGE_GROUPS, 'key.ageGroup'),
      { name: 'nationality', label: 'dim.nationality', kind: 'country', help: 'rec.field.nationalityHelp' },
      choice('exploitationType', 'dim.exploitationType', EXPLOITATION_TYPES, 'key.exploitationType'),
      choice('referredBy', 'dim.referredBy', REFERRERS, 'key.referredBy'),
    ],
  },
  {
    kind: 'assistance',
    label: 'rec.kind.assistance',
    route: '/cases/{caseId}/assistance',
    fields: [
      caseId,
      date('providedOn', 'rec.field.providedOn'),
      choice('assistanceType', 'rec.field.assistanceType', ASSISTANCE_TYPES, 'key.assistanceType'),
    ],
  },
  {
    kind: 'closure',
    label: 'rec.kind.closure',
    route: '/cases/{caseId}/closure',
    fields: [caseId, date('closedOn', 'rec.field.closedOn'), choice('reason', 'rec.field.closureReason', CLOSURE_REASONS, 'key.closureReason')],
  },
  {
    kind: 'void',
    label: 'rec.kind.void',
    route: '/events/{eventId}/void',
    fields: [
      { name: 'eventId', label: 'rec.field.eventId', kind: 'id', help: 'rec.field.eventIdHelp', wide: true },
      { name: 'reason', label: 'rec.field.voidReason', kind: 'text', wide: true },
    ],
  },
  {
    kind: 'target',
    label: 'rec.kind.target',
    route: '/indicators/{code}/targets',
    fields: [
      choice('code', 'rec.field.indicator', INDICATOR_CODES),
      choice('period', 'rec.field.period', TARGET_PERIODS),
      { name: 'value', label: 'rec.field.targetValue', kind: 'number', help: 'rec.field.targetValueHelp' },
      { name: 'reason', label: 'rec.field.targetReason', kind: 'text', wide: true },
    ],
  },
];

export function emptyValues(kind: RecordKind): Values {
  return Object.fromEntries(kind.fields.map((f) => [f.name, f.kind === 'multi' ? [] : '']));
}

const pathParams = (kind: RecordKind) => [...kind.route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/** The fields left empty that must be given. */
export function missingFields(kind: RecordKind, values: Values): string[] {
  return kind.fields
    .filter((f) => !f.optional)
    .filter((f) => {
      const v = values[f.name];
      return Array.isArray(v) ? v.length === 0 : (v ?? '').trim() === '';
    })
    .map((f) => f.name);
}

/** The command's path (under /api/v1) and body for these values. */
export function commandOf(kind: RecordKind, values: Values): { path: string; body: Record<string, unknown> } {
  const inPath = pathParams(kind);
  const text = (name: string) => String(values[name] ?? '').trim();
  const path = kind.route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(text(name)));
  const body: Record<string, unknown> = {};
  for (const f of kind.fields) {
    if (inPath.includes(f.name)) continue;
    const v = values[f.name];
    if (Array.isArray(v)) body[f.name] = [...v];
    else if (f.optional && text(f.name) === '') continue;
    else if (f.nested) body[f.nested] = { ...(body[f.nested] as object), [f.name]: Number(v) };
    else if (f.optional && text(f.name) === '') continue;
    else if (f.kind === 'number') body[f.name] = Number(text(f.name).replace(',', '.'));
    else body[f.name] = f.kind === 'country' ? text(f.name).toUpperCase() : text(f.name);
  }
  return { path, body };
}

/** The field an error's JSON Pointer names (its deepest segment that is a field of the form), if any. */
export function fieldOfPath(kind: RecordKind, pointer: string): string | undefined {
  const names = new Set(kind.fields.map((f) => f.name));
  const segments = pointer.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return segments.reverse().find((s) => names.has(s));
}
