/**
 * The number of distinct events of `case-` streams anywhere in an answer: every object with a string
 * `streamId` and an `eventId` stands for one event (an envelope, a restatement's change row…), so
 * a route opting in to the read audit counts right whatever the shape of its answer.
 */
export function countCaseEvents(body: unknown): number {
  const seen = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const { streamId, eventId } = value as { streamId?: unknown; eventId?: unknown };
    if (typeof streamId === 'string' && typeof eventId === 'string' && streamId.startsWith('case-')) seen.add(eventId);
    for (const member of Object.values(value)) visit(member);
  };
  visit(body);
  return seen.size;
}
