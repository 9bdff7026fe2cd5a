/**
 * DOMAIN.md's closed lists, as plain constants with no import: the dashboard takes them from
 * here (through @jalon/contracts) without pulling the schemas or the country table in.
 */
/** The 12 regions of Morocco's 2015 territorial division. */
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
export type Region = (typeof REGIONS)[number];

export const CSO_DOMAINS = [
  'protection',
  'social_assistance',
  'health',
  'legal_aid',
  'shelter',
  'education',
  'advocacy',
] as const;

export const AUDIENCES = ['government', 'cso', 'iom_staff'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const SEXES = ['female', 'male'] as const;
export const AGE_GROUPS = ['minor', 'adult'] as const;
export const EXPLOITATION_TYPES = [
  'sexual',
  'labour',
  'domestic_servitude',
  'begging',
  'forced_criminality',
  'other',
] as const;
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
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];
export const CLOSURE_REASONS = ['reintegrated', 'returned', 'lost_contact', 'declined', 'other'] as const;
