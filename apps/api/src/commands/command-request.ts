import { parseCommand, type CommandOf, type CommandType, type DomainCommand, type FieldError } from '@jalon/domain';
import type { Request } from 'express';
import { principalOf } from '../auth/principal.js';
import { domainProblem, invalidInput } from '../http/problem.js';
import { commandFingerprint, isValidIdempotencyKey } from './fingerprint.js';

/** A validated command with who sent it and, when a key was given, its idempotency claim. */
export interface CommandRequest<K extends DomainCommand = DomainCommand> {
  command: K;
  username: string;
  idempotency?: { key: string; fingerprint: string };
}

const BAD_KEY: FieldError = { path: '', message: 'Idempotency-Key must be 1-200 printable ASCII characters' };

/**
 * From an HTTP request to a command: the body and the path id through the domain's parseCommand
 * (400, or 404 for an unknown indicator), and the optional Idempotency-Key header. A malformed key
 * is invalid input like a bad field: one 400 names it with every error of the body.
 */
export function commandRequest<C extends CommandType>(
  type: C,
  req: Request,
  body: unknown,
  pathId?: string,
): CommandRequest<CommandOf<C>> {
  const key = idempotencyKey(req);
  const parsed = parseCommand(type, body, pathId);
  if (typeof key === 'object') {
    const bodyErrors = !parsed.ok && parsed.error.code === 'invalid' ? (parsed.error.errors ?? []) : [];
    throw invalidInput([BAD_KEY, ...bodyErrors], bodyErrors.length > 0 ? 'the input is not valid' : BAD_KEY.message);
  }
  if (!parsed.ok) throw domainProblem(parsed.error);
  const username = principalOf(req)!.username;
  const idempotency = key === undefined ? undefined : { key, fingerprint: commandFingerprint(parsed.value) };
  return { command: parsed.value, username, ...(idempotency ? { idempotency } : {}) };
}

function idempotencyKey(req: Request): string | typeof BAD_KEY | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw.join(', ') : raw;
  return isValidIdempotencyKey(key) ? key : BAD_KEY;
}
