/** DOMAIN.md's closed lists that the forms offer (labels are in i18n.ts under key.* / audience.*). */
export const REGIONS = [
  'tanger-tetouan-al-hoceima',
  'oriental',
  'fes-meknes',
  'rabat-sale-kenitra',
  'beni-mellal-khenifra',
  'casablanca-settat',
  'marrakech-safi',
  'draa-tafilalet',
  'souss-massa',
  'guelmim-oued-noun',
  'laayoune-sakia-el-hamra',
  'dakhla-oued-ed-dahab',
] as const;

export const AUDIENCES = ['government', 'cso', 'iom_staff'] as const;

export const INDICATOR_CODES = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2', '3.3'] as const;
export const TARGET_PERIODS = ['2014', '2015', '2016'] as const;

export const CSO_DOMAINS = ['protection', 'social_assistance', 'health', 'legal_aid', 'shelter', 'education', 'advocacy'] as const;
export const SEXES = ['female', 'male'] as const;
export const AGE_GROUPS = ['minor', 'adult'] as const;
export const EXPLOITATION_TYPES = ['sexual', 'labour', 'domestic_servitude', 'begging', 'forced_criminality', 'other'] as const;
export const REFERRERS = ['cso', 'government', 'iom', 'self', 'other'] as const;
export const ASSISTANCE_TYPES = [
  'shelter',
  'medical',
  'psychosocial',
  'legal',
  'material',
  'family_tracing',
  'avrr_return',
  'reintegration',
] as const;
export const CLOSURE_REASONS = ['reintegrated', 'returned', 'lost_contact', 'declined', 'other'] as const;
/** The capacity-assessment scores (DOMAIN.md, CsoCapacityAssessed), each 1–4. */
export const SCORE_AREAS = ['governance', 'finance', 'humanResources', 'programme', 'protection'] as const;
export const SCORES = ['1', '2', '3', '4'] as const;
/** Every event type, in DOMAIN.md's order (the audit view's filter). */
export const EVENT_TYPES = [
  'CsoMapped',
  'CsoCapacityAssessed',
  'PartnershipAgreementSigned',
  'TrainingHeld',
  'VictimIdentified',
  'AssistanceProvided',
  'CaseClosed',
  'IndicatorTargetSet',
  'EventVoided',
] as const;

/** A random key for Idempotency-Key; getRandomValues works outside secure contexts too. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
