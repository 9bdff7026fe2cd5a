import { activityTitle, objectiveTitle, PROJECT, PROJECT_END, PROJECT_START, projectText, indicatorTitle, type Lang } from '@jalon/domain';
import type { IatiIndicator, IatiPeriod, IatiResult } from '@jalon/projections';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { IatiIdentifiers } from '../config.js';

/** Narratives in English (the activity's default language), then French and German. */
const NARRATIVE_LANGS: Lang[] = ['en', 'fr', 'de'];

/** IATI codelists used (2.03): OrganisationType, OrganisationRole, ActivityStatus, ActivityDateType, ResultType. */
const ORG_TYPE = { government: '10', multilateral: '40' } as const;
const ROLE = { funding: '1', implementing: '4' } as const;
const RESULT_OUTCOME = '2';
/** DAC 5 sector 15190: facilitation of orderly, safe, regular and responsible migration and mobility. */
const SECTOR_MIGRATION = '15190';

export interface IatiDocument {
  ids: IatiIdentifiers;
  asOf: string;
  /** When the document was made, and when the log it stands on last changed (recordedAt format). */
  generatedAt: string;
  lastUpdatedAt: string;
  results: IatiResult[];
}

/** The `iati-activities` document, version 2.03, for the bundled project as of `asOf`. */
export function iatiXml(doc: IatiDocument): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele('iati-activities', { version: '2.03', 'generated-datetime': doc.generatedAt });
  const activity = root.ele('iati-activity', {
    'last-updated-datetime': doc.lastUpdatedAt,
    'xml:lang': 'en',
    'default-currency': 'EUR',
  });
  activity.ele('iati-identifier').txt(doc.ids.activityId);
  narratives(activity.ele('reporting-org', { ref: doc.ids.reportingOrg, type: ORG_TYPE.multilateral }), (l) => projectText('implementer', l));
  narratives(activity.ele('title'), (l) => projectText('title', l));
  narratives(activity.ele('description', { type: '1' }), (l) => `${projectText('title', l)}. ${activityTexts(l).join(' ')}`);
  narratives(activity.ele('description', { type: '2' }), (l) => (['OS1', 'OS2', 'OS3'] as const).map((o) => objectiveTitle(o, l)).join(' '));
  narratives(activity.ele('participating-org', { ref: doc.ids.fundingOrg, role: ROLE.funding, type: ORG_TYPE.government }), (l) => projectText('donor', l));
  narratives(activity.ele('participating-org', { ref: doc.ids.reportingOrg, role: ROLE.implementing, type: ORG_TYPE.multilateral }), (l) => projectText('implementer', l));
  activity.ele('activity-status', { code: status(doc.asOf) });
  for (const [type, date] of activityDates(doc.asOf)) activity.ele('activity-date', { type, 'iso-date': date });
  activity.ele('recipient-country', { code: PROJECT.country, percentage: '100' });
  activity.ele('sector', { vocabulary: '1', code: SECTOR_MIGRATION, percentage: '100' });
  for (const result of doc.results) resultElement(activity, result);
  return root.end({ prettyPrint: true });
}

function resultElement(parent: XMLBuilder, result: IatiResult): void {
  const el = parent.ele('result', { type: RESULT_OUTCOME, 'aggregation-status': '0' });
  narratives(el.ele('title'), (l) => objectiveTitle(result.objective, l));
  for (const indicator of result.indicators) indicatorElement(el, indicator);
}

function indicatorElement(parent: XMLBuilder, indicator: IatiIndicator): void {
  const el = parent.ele('indicator', { measure: String(indicator.measure), ascending: '1' });
  narratives(el.ele('title'), (l) => `${indicator.code} ${indicatorTitle(indicator.code, l)}`);
  const { year, isoDate, value } = indicator.baseline;
  el.ele('baseline', { year: String(year), 'iso-date': isoDate, value: String(value) });
  for (const period of indicator.periods) periodElement(el, period);
}

function periodElement(parent: XMLBuilder, period: IatiPeriod): void {
  const el = parent.ele('period');
  el.ele('period-start', { 'iso-date': period.start });
  el.ele('period-end', { 'iso-date': period.end });
  if (period.target !== null) el.ele('target', { value: String(period.target) });
  // A percent with no denominator is undefined: an actual without a value says "not measurable".
  el.ele('actual', period.actual === null ? {} : { value: String(period.actual) });
  for (const cell of period.cells)
    el.ele('actual', { value: String(cell.value) }).ele('dimension', { name: cell.dimension, value: cell.key });
}

function narratives(el: XMLBuilder, text: (lang: Lang) => string): void {
  for (const lang of NARRATIVE_LANGS) el.ele('narrative', lang === 'en' ? {} : { 'xml:lang': lang }).txt(text(lang));
}

function activityTexts(lang: Lang): string[] {
  return (['A1', 'A2', 'A3', 'A4'] as const).map((a) => activityTitle(a, lang));
}

/** ActivityStatus: 1 pipeline before the start, 2 implementation, 4 closed from the end date on. */
function status(asOf: string): string {
  if (asOf < PROJECT_START) return '1';
  return asOf < PROJECT_END ? '2' : '4';
}

/** ActivityDateType: 1 planned start, 3 planned end, and the actual start (2) and end (4) once reached. */
function activityDates(asOf: string): [string, string][] {
  const dates: [string, string][] = [['1', PROJECT_START], ['3', PROJECT_END]];
  if (asOf >= PROJECT_START) dates.push(['2', PROJECT_START]);
  if (asOf >= PROJECT_END) dates.push(['4', PROJECT_END]);
  return dates;
}
