import { indicatorTitle, objectiveTitle, projectText, type Dimension, type ObjectiveCode } from '@jalon/domain';
import type { DonorReport, ReportBreakdown, ReportIndicator } from './donor-report.js';
import type { Status } from './views.js';

/**
 * The donor report as a document: every text in the reader's language and every number formatted,
 * ready for a renderer (HTML or PDF) that only lays it out. Pure: the same report and language
 * always give the same document.
 */
export type ReportLang = 'fr' | 'en' | 'de';
export const REPORT_LANGS: readonly ReportLang[] = ['fr', 'en', 'de'];

export interface ReportDocument {
  lang: ReportLang;
  title: string;
  project: string;
  lines: string[];
  notices: string[];
  columns: string[];
  sections: ReportSection[];
  /** "Log position N · hash H": printed on every page. */
  footer: string;
  verify: string;
}

export interface ReportSection {
  code: ObjectiveCode;
  heading: string;
  rows: { code: string; cells: string[]; status: Status }[];
  chart: { title: string; bars: { code: string; progress: number | null; expected: number | null }[]; legend: [string, string] };
  breakdownsHeading: string;
  breakdowns: string[];
}

type Words = Record<
  'colon' | 'title' | 'period' | 'asOf' | 'implementer' | 'donor' | 'code' | 'indicator' | 'baseline' | 'target' | 'expected' | 'value' | 'periodValue' | 'status' | 'chart' | 'progress' | 'expectedMark' | 'breakdowns' | 'by' | 'withheld' | 'suppressed' | 'stands' | 'verify' | 'demo',
  string
>;

const WORDS: Record<ReportLang, Words> = {
  fr: {
    colon: '\u00a0: ', title: 'Rapport au bailleur', period: 'Période', asOf: 'Situation au', implementer: 'Mise en œuvre', donor: 'Bailleur',
    code: 'Code', indicator: 'Indicateur', baseline: 'Réf.', target: 'Cible', expected: 'Attendu', value: 'Valeur',
    periodValue: 'Sur la période', status: 'Statut', chart: 'Avancement vers la cible de fin de projet (%)',
    progress: 'valeur / cible', expectedMark: 'attendu / cible', breakdowns: 'Ventilations', by: 'par',
    withheld: 'non publiée (moins de {t} personnes)', suppressed: '< {t}',
    stands: 'Position {p} du journal · empreinte {h}', verify: 'Vérifier\u00a0: jalon verify --expect-head {h}',
    demo: 'Données de démonstration synthétiques : aucune personne réelle.',
  },
  en: {
    colon: ': ', title: 'Donor report', period: 'Period', asOf: 'As of', implementer: 'Implemented by', donor: 'Funded by',
    code: 'Code', indicator: 'Indicator', baseline: 'Baseline', target: 'Target', expected: 'Expected', value: 'Value',
    periodValue: 'This period', status: 'Status', chart: 'Progress towards the end-of-project target (%)',
    progress: 'value / target', expectedMark: 'expected / target', breakdowns: 'Breakdowns', by: 'by',
    withheld: 'withheld (fewer than {t} people)', suppressed: '< {t}',
    stands: 'Log position {p} · hash {h}', verify: 'Verify: jalon verify --expect-head {h}',
    demo: 'Synthetic demonstration data: no real person.',
  },
  de: {
    colon: ': ', title: 'Bericht an den Geber', period: 'Zeitraum', asOf: 'Stand', implementer: 'Durchführung', donor: 'Finanziert von',
    code: 'Code', indicator: 'Indikator', baseline: 'Basis', target: 'Zielwert', expected: 'Erwartet', value: 'Wert',
    periodValue: 'Im Zeitraum', status: 'Status', chart: 'Fortschritt zum Zielwert am Projektende (%)',
    progress: 'Wert / Zielwert', expectedMark: 'erwartet / Zielwert', breakdowns: 'Aufschlüsselungen', by: 'nach',
    withheld: 'zurückgehalten (weniger als {t} Personen)', suppressed: '< {t}',
    stands: 'Protokollposition {p} · Hash {h}', verify: 'Prüfen: jalon verify --expect-head {h}',
    demo: 'Synthetische Demonstrationsdaten: keine reale Person.',
  },
};

const STATUS: Record<ReportLang, Record<Status, string>> = {
  fr: { green: 'en bonne voie', amber: 'à surveiller', red: 'en retard', 'no-data': 'sans donnée', 'no-target': 'sans cible' },
  en: { green: 'on track', amber: 'watch', red: 'behind', 'no-data': 'no data', 'no-target': 'no target' },
  de: { green: 'im Plan', amber: 'beobachten', red: 'im Verzug', 'no-data': 'keine Daten', 'no-target': 'kein Zielwert' },
};

const DIMENSION: Record<ReportLang, Record<Dimension, string>> = {
  fr: { sex: 'sexe', ageGroup: "tranche d'âge", nationality: 'nationalité', exploitationType: "type d'exploitation", referredBy: 'orienté par', region: 'région' },
  en: { sex: 'sex', ageGroup: 'age group', nationality: 'nationality', exploitationType: 'type of exploitation', referredBy: 'referred by', region: 'region' },
  de: { sex: 'Geschlecht', ageGroup: 'Altersgruppe', nationality: 'Staatsangehörigkeit', exploitationType: 'Art der Ausbeutung', referredBy: 'vermittelt durch', region: 'Region' },
};

/** Keys of the closed lists; nationalities come from Intl, regions keep their official names. */
const KEYS: Record<ReportLang, Record<string, string>> = {
  fr: { female: 'femmes', male: 'hommes', minor: 'mineurs', adult: 'adultes', sexual: 'sexuelle', labour: 'travail', domestic_servitude: 'servitude domestique', begging: 'mendicité', forced_criminality: 'criminalité forcée', other: 'autre', cso: 'OSC', government: 'gouvernement', iom: 'OIM', self: 'de sa propre initiative' },
  en: { female: 'female', male: 'male', minor: 'minor', adult: 'adult', sexual: 'sexual', labour: 'labour', domestic_servitude: 'domestic servitude', begging: 'begging', forced_criminality: 'forced criminality', other: 'other', cso: 'CSO', government: 'government', iom: 'IOM', self: 'self' },
  de: { female: 'Frauen', male: 'Männer', minor: 'Minderjährige', adult: 'Erwachsene', sexual: 'sexuell', labour: 'Arbeit', domestic_servitude: 'häusliche Knechtschaft', begging: 'Betteln', forced_criminality: 'erzwungene Kriminalität', other: 'andere', cso: 'zivilgesellschaftliche Organisation', government: 'Regierung', iom: 'IOM', self: 'selbst' },
};

const REGION_NAMES: Record<string, string> = {
  'tanger-tetouan-al-hoceima': 'Tanger-Tétouan-Al Hoceïma', oriental: 'Oriental', 'fes-meknes': 'Fès-Meknès',
  'rabat-sale-kenitra': 'Rabat-Salé-Kénitra', 'beni-mellal-khenifra': 'Béni Mellal-Khénifra', 'casablanca-settat': 'Casablanca-Settat',
  'marrakech-safi': 'Marrakech-Safi', 'draa-tafilalet': 'Drâa-Tafilalet', 'souss-massa': 'Souss-Massa',
  'guelmim-oued-noun': 'Guelmim-Oued Noun', 'laayoune-sakia-el-hamra': 'Laâyoune-Sakia El Hamra', 'dakhla-oued-ed-dahab': 'Dakhla-Oued Ed-Dahab',
};

export interface DocumentContext {
  lang: ReportLang;
  hash: string;
  /** The log holds the bundled synthetic history. */
  demo: boolean;
  threshold: number;
}

export function donorReportDocument(report: DonorReport, ctx: DocumentContext): ReportDocument {
  const w = WORDS[ctx.lang];
  const fill = (text: string) => text.replace('{p}', String(report.position)).replace('{h}', ctx.hash).replace('{t}', String(ctx.threshold));
  const { period, start, end } = report.period;
  return {
    lang: ctx.lang,
    title: w.title,
    project: projectText('title', ctx.lang),
    lines: [
      `${w.period}${w.colon}${period === 'project' ? `${date(start, ctx.lang)} – ${date(end, ctx.lang)}` : `${period} (${date(start, ctx.lang)} – ${date(end, ctx.lang)})`}`,
      `${w.asOf}${w.colon}${date(end, ctx.lang)}`,
      `${w.implementer}${w.colon}${projectText('implementer', ctx.lang)}`,
      `${w.donor}${w.colon}${projectText('donor', ctx.lang)}`,
    ],
    notices: [projectText('notice', ctx.lang), ...(ctx.demo ? [w.demo] : [])],
    columns: [w.code, w.indicator, w.baseline, w.target, w.expected, w.value, w.periodValue, w.status],
    sections: report.objectives.map((o) => ({
      code: o.code,
      heading: `${o.code} — ${objectiveTitle(o.code, ctx.lang)}`,
      rows: o.indicators.map((i) => ({ code: i.code, cells: row(i, ctx.lang), status: i.status })),
      chart: { title: w.chart, bars: o.indicators.map(progress), legend: [w.progress, w.expectedMark] },
      breakdownsHeading: w.breakdowns,
      breakdowns: o.breakdowns.map((b) => breakdownLine(b, ctx, fill)),
    })),
    footer: fill(w.stands),
    verify: fill(w.verify),
  };
}

function row(i: ReportIndicator, lang: ReportLang): string[] {
  const n = (v: number | null) => formatNumber(v, i.unit, lang);
  return [i.code, indicatorTitle(i.code, lang), n(i.baseline), n(i.target), n(i.expected), n(i.value), n(i.periodValue), STATUS[lang][i.status]];
}

function progress(i: ReportIndicator): { code: string; progress: number | null; expected: number | null } {
  const share = (v: number | null) => (v === null || !i.target ? null : (100 * v) / i.target);
  return { code: i.code, progress: share(i.value), expected: share(i.expected) };
}

function breakdownLine(b: ReportBreakdown, ctx: DocumentContext, fill: (t: string) => string): string {
  const w = WORDS[ctx.lang];
  const head = `${b.code} ${w.by} ${DIMENSION[ctx.lang][b.by]}${w.colon}`;
  if (b.withheld) return head + fill(w.withheld);
  if (b.cells.length === 0) return head + '—';
  const cells = b.cells.map((c) => `${keyLabel(b.by, c.key, ctx.lang)} ${c.suppressed ? fill(w.suppressed) : formatNumber(c.value, 'count', ctx.lang)}`);
  return head + cells.join(' · ');
}

function keyLabel(by: Dimension, key: string, lang: ReportLang): string {
  if (by === 'region') return REGION_NAMES[key] ?? key;
  if (by === 'nationality') return new Intl.DisplayNames([lang], { type: 'region' }).of(key) ?? key;
  return KEYS[lang][key] ?? key;
}

/** Counts whole (expected values to one decimal), percents to one decimal with a sign; — for none. */
export function formatNumber(value: number | null, unit: 'count' | 'percent', lang: ReportLang): string {
  if (value === null) return '—';
  const whole = unit === 'count' && Number.isInteger(value);
  // French groups digits with a narrow no-break space, which the PDF's standard fonts lack.
  const text = new Intl.NumberFormat(lang, { maximumFractionDigits: whole ? 0 : 1 }).format(value).replace(/\u202f/g, '\u00a0');
  return unit === 'percent' ? `${text}\u00a0%` : text;
}

function date(iso: string, lang: ReportLang): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
