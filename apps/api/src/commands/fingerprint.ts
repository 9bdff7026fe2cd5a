import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { COMMANDS, PRINTABLE_KEY, type CommandType, type DomainCommand } from '@jalon/domain';

/**
 * What makes two requests "the same" for an idempotency key (CONTRACT.md: the method, the path and
 * the canonical JSON body). Every command route takes one command type, and a command carries the
 * body's fields plus the id the path names; so the command's type and its data (as RFC 8785
 * canonical JSON) identify the method, the route *as routed* (whatever its case, trailing slash or
 * percent-encoding) and the body. And since a command carries exactly the data of the event it
 * appends, the same fingerprint can be recomputed from that event alone: an imported log gets its
 * keys back (restoredIdempotency) without the export format holding anything more.
 */
export function commandFingerprint(command: Pick<DomainCommand, 'type' | 'data'>): string {
  const canonical = canonicalize(command.data) ?? '';
  return createHash('sha256').update(`${command.type}\n${canonical}`, 'utf8').digest('hex');
}

/**
 * A request that is no single command (a sheet of rows): the method, the path as the caller routes
 * it and the body as RFC 8785 canonical JSON.
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  const canonical = body === undefined ? '' : (canonicalize(body) ?? '');
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonical}`, 'utf8').digest('hex');
}

const COMMAND_OF_EVENT = new Map<string, CommandType>(
  Object.entries(COMMANDS).map(([type, spec]) => [spec.event, type as CommandType]),
);

/** The command that appends an event of this type; undefined for a type no command appends. */
export function commandTypeOfEvent(eventType: string): CommandType | undefined {
  return COMMAND_OF_EVENT.get(eventType);
}

/** An `Idempotency-Key` is 1-200 printable ASCII characters. */
export function isValidIdempotencyKey(key: string): boolean {
  return PRINTABLE_KEY.test(key);
}
