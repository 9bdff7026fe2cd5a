import type { CommandType } from '../commands.js';
import {
  AGE_GROUPS,
  ASSISTANCE_TYPES,
  AUDIENCES,
  CLOSURE_REASONS,
  CSO_DOMAINS,
  EXPLOITATION_TYPES,
  REFERRERS,
  REGIONS,
  SEXES,
} from '../vocabulary.js';

/**
 * The sheets of CONTRACT.md, "Sheets": one command per row, the command's fields as columns,
 * nested members flattened with dots, the path's id as a column.
 */
export type SheetKind = 'csos' | 'assessments' | 'agreements' | 'trainings' | 'cases' | 'assistance' | 'closures';
export const SHEET_KINDS: readonly SheetKind[] = ['csos', 'assessments', 'agreements', 'trainings', 'cases', 'assistance', 'closures'];

/** How a cell's value becomes a field's: text as written, a whole number, a date, a `;` list. */
export type ValueKind = 'text' | 'integer' | 'date' | 'list';

export interface SheetColumn {
  /** The canonical name: the field's path with dots (`participants.female`). */
  name: string;
  label: { fr: string; en: string };
  kind: ValueKind;
  required: boolean;
  /** The closed list a value must come from, for the template's explanation sheet. */
  values?: readonly string[];
  note?: { fr: string; en: string };
}

export interface SheetSpec {
  kind: SheetKind;
  command: CommandType;
  /** The id that names the resource in the command's path (CONTRACT.md: a body never repeats it). */
  pathId?: 'csoId' | 'caseId';
  columns: SheetColumn[];
}

const col = (name: string, fr: string, en: string, kind: ValueKind = 'text', extra: Partial<SheetColumn> = {}): SheetColumn => ({
  name, label: { fr, en }, kind, required: true, ...extra,
});
const DATE_NOTE = { fr: 'AAAA-MM-JJ, ou une date Excel', en: 'YYYY-MM-DD, or an Excel date' };
const date = (name: string, fr: string, en: string) => col(name, fr, en, 'date', { note: DATE_NOTE });
const ID_NOTE = { fr: '1 à 64 lettres, chiffres, « _ » ou « - »', en: '1-64 letters, digits, "_" or "-"' };
const id = (name: string, fr: string, en: string) => col(name, fr, en, 'text', { note: ID_NOTE });
const score = (key: string, fr: string, en: string) =>
  col(`scores.${key}`, `Score ${fr}`, `${en} score`, 'integer', { note: { fr: 'entier de 1 à 4', en: 'a whole number from 1 to 4' } });
const count = (name: string, fr: string, en: string, required = true) =>
  col(name, fr, en, 'integer', { required, note: { fr: 'entier ≥ 0', en: 'a whole number ≥ 0' } });

const csoId = id('csoId', 'Identifiant OSC', 'CSO id');
const caseId = id('caseId', 'Identifiant du cas', 'Case id');

export const SHEETS: Record<SheetKind, SheetSpec> = {
  csos: {
    kind: 'csos',
    command: 'MapCso',
    columns: [
      csoId,
      col('name', 'Nom', 'Name'),
      col('region', 'Région', 'Region', 'text', { values: REGIONS }),
      col('city', 'Ville', 'City', 'text', { required: false }),
      col('domains', 'Domaines', 'Domains', 'list', { values: CSO_DOMAINS, note: { fr: 'séparés par « ; »', en: 'separated by ";"' } }),
      date('mappedOn', 'Date de cartographie', 'Mapped on'),
    ],
  },
  assessments: {
    kind: 'assessments',
    command: 'AssessCso',
    pathId: 'csoId',
    columns: [
      csoId,
      date('assessedOn', "Date d'évaluation", 'Assessed on'),
      score('governance', 'gouvernance', 'Governance'),
      score('finance', 'finances', 'Finance'),
      score('humanResources', 'ressources humaines', 'Human resources'),
      score('programme', 'programme', 'Programme'),
      score('protection', 'protection', 'Protection'),
    ],
  },
  agreements: {
    kind: 'agreements',
    command: 'SignAgreement',
    pathId: 'csoId',
    columns: [csoId, date('signedOn', 'Date de signature', 'Signed on'), col('agreementRef', "Référence de l'accord", 'Agreement reference')],
  },
  trainings: {
    kind: 'trainings',
    command: 'HoldTraining',
    columns: [
      id('trainingId', 'Identifiant formation', 'Training id'),
      date('heldOn', 'Date de la formation', 'Held on'),
      col('audience', 'Public', 'Audience', 'text', { values: AUDIENCES }),
      col('topic', 'Thème', 'Topic'),
      col('region', 'Région', 'Region', 'text', { values: REGIONS }),
      count('participants.female', 'Participantes (femmes)', 'Participants (female)'),
      count('participants.male', 'Participants (hommes)', 'Participants (male)'),
      count('knowledgeTest.tested', 'Test : testés', 'Test: tested', false),
      count('knowledgeTest.improved', 'Test : progressé', 'Test: improved', false),
    ],
  },
  cases: {
    kind: 'cases',
    command: 'IdentifyVictim',
    columns: [
      caseId,
      date('identifiedOn', "Date d'identification", 'Identified on'),
      col('sex', 'Sexe', 'Sex', 'text', { values: SEXES }),
      col('ageGroup', "Tranche d'âge", 'Age group', 'text', { values: AGE_GROUPS }),
      col('nationality', 'Nationalité', 'Nationality', 'text', { note: { fr: 'code ISO 3166-1 alpha-2 (MA, NG…)', en: 'ISO 3166-1 alpha-2 code (MA, NG…)' } }),
      col('exploitationType', "Type d'exploitation", 'Type of exploitation', 'text', { values: EXPLOITATION_TYPES }),
      col('referredBy', 'Orienté par', 'Referred by', 'text', { values: REFERRERS }),
    ],
  },
  assistance: {
    kind: 'assistance',
    command: 'ProvideAssistance',
    pathId: 'caseId',
    columns: [caseId, date('providedOn', "Date de l'assistance", 'Provided on'), col('assistanceType', "Type d'assistance", 'Assistance type', 'text', { values: ASSISTANCE_TYPES })],
  },
  closures: {
    kind: 'closures',
    command: 'CloseCase',
    pathId: 'caseId',
    columns: [caseId, date('closedOn', 'Date de clôture', 'Closed on'), col('reason', 'Motif', 'Reason', 'text', { values: CLOSURE_REASONS })],
  },
};
