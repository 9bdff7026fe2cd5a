/**
 * The data member holding each event type's business date (DOMAIN.md, "Events"); target
 * revisions and voids have none. The store indexes it (the log browser filters by it) but may not
 * import the domain, so this mirrors the domain's `businessDate`; tests/architecture holds the two
 * equal over the whole demo history.
 */
export const BUSINESS_DATE_FIELDS: Readonly<Record<string, string>> = {
  CsoMapped: 'mappedOn',
  CsoCapacityAssessed: 'assessedOn',
  PartnershipAgreementSigned: 'signedOn',
  TrainingHeld: 'heldOn',
  VictimIdentified: 'identifiedOn',
  AssistanceProvided: 'providedOn',
  CaseClosed: 'closedOn',
};

export function businessDateOf(event: { type: string; data: Record<string, unknown> }): string | undefined {
  const field = BUSINESS_DATE_FIELDS[event.type];
  const value = field === undefined ? undefined : event.data[field];
  return typeof value === 'string' ? value : undefined;
}

/** The same as an SQL expression over the `type` and `data` columns, given how to read a member. */
export function businessDateSql(member: (field: string) => string): string {
  const cases = Object.entries(BUSINESS_DATE_FIELDS).map(([type, field]) => `WHEN '${type}' THEN ${member(field)}`);
  return `(CASE type ${cases.join(' ')} END)`;
}
