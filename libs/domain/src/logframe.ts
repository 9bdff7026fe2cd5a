import { PROJECT_END, PROJECT_START } from './dates.js';

/** The bundled project's logframe (DOMAIN.md, "Logframe"). It is code, not events. */

export interface Text {
  fr: string;
  en: string;
}

export type ObjectiveCode = 'OS1' | 'OS2' | 'OS3';
export type ActivityCode = 'A1' | 'A2' | 'A3' | 'A4';
export type Unit = 'count' | 'percent';
export type TargetPeriod = '2014' | '2015' | '2016';
export const TARGET_PERIODS: readonly TargetPeriod[] = ['2014', '2015', '2016'];
export const EOP_PERIOD: TargetPeriod = '2016';

/** A case's breakdowns: the attributes of VictimIdentified an indicator of cases splits by. */
export const CASE_DIMENSIONS = ['sex', 'ageGroup', 'nationality', 'exploitationType', 'referredBy'] as const;
export type CaseDimension = (typeof CASE_DIMENSIONS)[number];
export type Dimension = CaseDimension | 'region';
export const DIMENSIONS: readonly Dimension[] = [...CASE_DIMENSIONS, 'region'];

export interface IndicatorDefinition {
  code: string;
  objective: ObjectiveCode;
  activities: ActivityCode[];
  unit: Unit;
  /** Counts victims (declared per indicator below): breakdowns are suppressed for the donor. */
  sensitive: boolean;
  title: Text;
  computedAs: Text;
  baseline: number;
  /** Cumulative targets at the end of each year; 2016 is the end-of-project target. */
  targets: Partial<Record<TargetPeriod, number>>;
  breakdowns: Dimension[];
}

function indicator(
  code: string,
  objective: ObjectiveCode,
  activities: ActivityCode[],
  unit: Unit,
  title: Text,
  computedAs: Text,
  targets: Partial<Record<TargetPeriod, number>>,
  breakdowns: readonly Dimension[] = [],
): IndicatorDefinition {
  return { code, objective, activities, unit, sensitive: false, title, computedAs, baseline: 0, targets, breakdowns: [...breakdowns] };
}

/** Marks an indicator that counts victims: sensitive data. */
function countsVictims(definition: IndicatorDefinition): IndicatorDefinition {
  return { ...definition, sensitive: true };
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  countsVictims(indicator('1.1', 'OS1', [], 'count',
    { fr: 'Victimes présumées identifiées et orientées', en: 'Presumed victims identified and referred' },
    { fr: 'cas distincts', en: 'distinct cases' },
    { 2014: 5, 2015: 35, 2016: 60 }, CASE_DIMENSIONS)),
  countsVictims(indicator('1.2', 'OS1', [], 'count',
    { fr: 'Victimes ayant reçu une assistance directe', en: 'Victims who received direct assistance' },
    { fr: 'cas distincts ayant reçu au moins une assistance', en: 'distinct cases with at least one assistance' },
    { 2014: 4, 2015: 28, 2016: 50 }, CASE_DIMENSIONS)),
  countsVictims(indicator('1.3', 'OS1', [], 'percent',
    { fr: 'Part des victimes identifiées qui ont été assistées', en: 'Share of identified victims assisted' },
    { fr: '100 × 1.2 / 1.1', en: '100 × 1.2 / 1.1' },
    { 2016: 80 })),
  indicator('2.1', 'OS2', ['A3'], 'count',
    { fr: 'Fonctionnaires gouvernementaux formés', en: 'Government officials trained' },
    { fr: 'Σ participants, public « gouvernement »', en: 'Σ participants, audience "government"' },
    { 2014: 20, 2015: 90, 2016: 150 }, ['sex', 'region']),
  indicator('2.2', 'OS2', ['A2'], 'count',
    { fr: 'Personnel des OSC formé', en: 'CSO staff trained' },
    { fr: 'Σ participants, public « OSC »', en: 'Σ participants, audience "cso"' },
    { 2014: 10, 2015: 60, 2016: 100 }, ['sex', 'region']),
  indicator('2.3', 'OS2', ['A4'], 'count',
    { fr: "Personnel de l'OIM formé à l'assistance directe", en: 'IOM staff trained in direct assistance' },
    { fr: 'Σ participants, public « personnel OIM »', en: 'Σ participants, audience "iom_staff"' },
    { 2014: 8, 2015: 15, 2016: 20 }, ['sex', 'region']),
  indicator('2.4', 'OS2', ['A2', 'A3', 'A4'], 'percent',
    { fr: 'Part des participants testés dont les connaissances ont progressé', en: 'Share of tested trainees with improved knowledge' },
    { fr: '100 × Σ progressé / Σ testé', en: '100 × Σ improved / Σ tested' },
    { 2016: 70 }),
  indicator('2.5', 'OS2', ['A1'], 'count',
    { fr: 'OSC cartographiées', en: 'CSOs mapped' },
    { fr: 'OSC distinctes', en: 'distinct CSOs' },
    { 2014: 25, 2015: 40, 2016: 40 }, ['region']),
  indicator('2.6', 'OS2', ['A1'], 'count',
    { fr: 'OSC évaluées pour leurs capacités organisationnelles', en: 'CSOs assessed for organisational capacity' },
    { fr: 'OSC distinctes ayant au moins une évaluation', en: 'distinct CSOs with at least one assessment' },
    { 2014: 5, 2015: 15, 2016: 20 }, ['region']),
  indicator('2.7', 'OS2', ['A1'], 'count',
    { fr: "OSC liées à l'OIM par un accord de partenariat", en: 'CSOs in a partnership agreement with IOM' },
    { fr: 'OSC distinctes ayant un accord', en: 'distinct CSOs with an agreement' },
    { 2014: 0, 2015: 3, 2016: 6 }, ['region']),
  countsVictims(indicator('3.1', 'OS3', ['A4'], 'count',
    { fr: 'Victimes aidées au retour volontaire (AVRR)', en: 'Victims assisted to return voluntarily (AVRR)' },
    { fr: 'cas distincts avec « avrr_return »', en: 'distinct cases with "avrr_return"' },
    { 2014: 2, 2015: 15, 2016: 30 }, CASE_DIMENSIONS)),
  countsVictims(indicator('3.2', 'OS3', ['A4'], 'count',
    { fr: "Victimes bénéficiant d'un appui à la réintégration", en: 'Victims receiving reintegration support' },
    { fr: 'cas distincts avec « reintegration »', en: 'distinct cases with "reintegration"' },
    { 2014: 0, 2015: 10, 2016: 25 }, CASE_DIMENSIONS)),
  countsVictims(indicator('3.3', 'OS3', ['A4'], 'percent',
    { fr: 'Part des victimes rapatriées ayant reçu un appui à la réintégration', en: 'Share of returned victims with reintegration support' },
    { fr: '100 × (cas avec les deux) / 3.1', en: '100 × (cases with both) / 3.1' },
    { 2016: 80 })),
];

const BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]));

export function findIndicator(code: string): IndicatorDefinition | undefined {
  return BY_CODE.get(code);
}

export interface Objective {
  code: ObjectiveCode;
  title: Text;
}

export const OBJECTIVES: readonly Objective[] = [
  {
    code: 'OS1',
    title: {
      fr: 'Promouvoir une meilleure protection et assistance aux victimes de la traite.',
      en: 'Promote better protection and assistance for victims of trafficking.',
    },
  },
  {
    code: 'OS2',
    title: {
      fr: "Renforcer les capacités des institutions gouvernementales et de la société civile pour qu'elles puissent mieux relever les défis posés par la traite des personnes.",
      en: 'Strengthen the capacities of government institutions and civil society to meet the challenges of trafficking.',
    },
  },
  {
    code: 'OS3',
    title: {
      fr: 'Offrir des solutions durables pour cette population vulnérable parmi les migrants.',
      en: 'Offer durable solutions for this vulnerable population among migrants.',
    },
  },
];

export interface Activity {
  code: ActivityCode;
  title: Text;
}

export const ACTIVITIES: readonly Activity[] = [
  {
    code: 'A1',
    title: {
      fr: "Cartographier les OSC actives dans la protection des droits et l'assistance sociale et évaluer leurs capacités organisationnelles pour un partenariat avec l'OIM.",
      en: 'Map the CSOs active in rights protection and social assistance and assess their organisational capacity for a partnership with IOM.',
    },
  },
  {
    code: 'A2',
    title: {
      fr: 'Renforcer les capacités des OSC dans la lutte contre la traite (formations).',
      en: 'Strengthen CSO capacities in counter-trafficking (trainings).',
    },
  },
  {
    code: 'A3',
    title: {
      fr: 'Renforcer les capacités des fonctionnaires gouvernementaux (formations).',
      en: "Strengthen government officials' capacities (trainings).",
    },
  },
  {
    code: 'A4',
    title: {
      fr: "Former le personnel de l'OIM à l'assistance directe aux victimes qui s'adressent à l'OIM Rabat dans le cadre du programme d'aide au retour volontaire et à la réintégration (AVRR).",
      en: 'Train IOM staff in direct assistance to victims who approach IOM Rabat through the assisted voluntary return and reintegration (AVRR) programme.',
    },
  },
];

export const PROJECT = {
  id: 'iom-rabat-ct-2014',
  title: {
    fr: 'Lutte contre la traite des personnes à travers le renforcement des capacités des ONG et des autorités au Maroc',
    en: 'Counter-trafficking through capacity building of NGOs and authorities in Morocco',
  },
  implementer: { fr: "Organisation Internationale pour les Migrations (OIM), Rabat", en: 'International Organization for Migration (IOM), Rabat' },
  donor: {
    fr: "République fédérale d'Allemagne, Ministère des Affaires étrangères",
    en: 'Federal Republic of Germany, Federal Foreign Office',
  },
  country: 'MA',
  start: PROJECT_START,
  end: PROJECT_END,
  /** The project sheet gives no targets: every target shown is illustrative. */
  illustrativeTargets: true,
  notice: {
    fr: "Cibles indicatives : la fiche du projet n'en donne aucune.",
    en: 'Illustrative targets: the project sheet gives none.',
  },
  context: [
    {
      fr: "Le Maroc est à la fois un pays de transit et un pays d'accueil pour les migrants.",
      en: 'Morocco is both a transit and a destination country for migrants.',
    },
    {
      fr: 'On estime entre 25 000 et 40 000 le nombre de migrants en situation irrégulière présents au Maroc.',
      en: 'An estimated 25,000–40,000 irregular migrants live in Morocco.',
    },
    {
      fr: 'Le Maroc a signé le Protocole de Palerme en avril 2011.',
      en: 'Morocco signed the Palermo Protocol in April 2011.',
    },
    {
      fr: 'Une réforme de la politique migratoire a été annoncée en septembre 2013.',
      en: 'A migration-policy reform was announced in September 2013.',
    },
    {
      fr: "Au démarrage du projet, il n'existait ni loi nationale contre la traite ni protocole d'identification des victimes.",
      en: 'When the project started, there was no national anti-trafficking law and no victim-identification protocol.',
    },
  ] satisfies Text[],
} as const;
