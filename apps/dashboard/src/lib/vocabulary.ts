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

/** A random key for Idempotency-Key; getRandomValues works outside secure contexts too. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
