import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * What makes two requests "the same" for an idempotency key (CONTRACT.md): the method, the path and
 * the body as RFC 8785 canonical JSON, so that key order and spacing do not matter.
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  const canonical = body === undefined ? '' : (canonicalize(body) ?? '');
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonical}`, 'utf8').digest('hex');
}

const PRINTABLE_KEY = /^[\x20-\x7e]{1,200}$/;

/** An `Idempotency-Key` is 1-200 printable ASCII characters. */
export function isValidIdempotencyKey(key: string): boolean {
  return PRINTABLE_KEY.test(key);
}
