/**
 * DOMAIN.md's closed lists that the forms offer (labels are in i18n.ts under key.* / audience.*):
 * the domain's own, through @jalon/contracts; the rest mirror it (tests/architecture/mirrors.test.ts).
 */
export {
  AGE_GROUPS,
  ASSISTANCE_TYPES,
  AUDIENCES,
  CLOSURE_REASONS,
  CSO_DOMAINS,
  EXPLOITATION_TYPES,
  REFERRERS,
  REGIONS,
  SEXES,
} from '@jalon/contracts';
export const INDICATOR_CODES = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2', '3.3'] as const;
export const TARGET_PERIODS = ['2014', '2015', '2016'] as const;

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
