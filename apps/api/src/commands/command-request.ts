import { parseCommand, type Command, type CommandOf, type CommandType } from '@jalon/domain';
import type { Request } from 'express';
import { principalOf } from '../auth/principal.js';
import { domainProblem, invalidInput } from '../http/problem.js';
import { isValidIdempotencyKey, requestFingerprint } from './fingerprint.js';

/** A validated command with who sent it and, when a key was given, its idempotency claim. */
export interface CommandRequest<K extends Command = Command> {
  command: K;
  username: string;
  idempotency?: { key: string; fingerprint: string };
}

/**
 * From an HTTP request to a command: the body and the path id through the domain's parseCommand
 * (400, or 404 for an unknown indicator), and the optional Idempotency-Key header (400 when malformed).
 */
export function commandRequest<C extends CommandType>(
  type: C,
  req: Request,
  body: unknown,
  pathId?: string,
): CommandRequest<CommandOf<C>> {
  const key = idempotencyKey(req);
  const parsed = parseCommand(type, body, pathId);
  if (!parsed.ok) throw domainProblem(parsed.error);
  const username = principalOf(req)!.username;
  const idempotency = key === undefined ? undefined : { key, fingerprint: requestFingerprint(req.method, req.path, body) };
  return { command: parsed.value, username, ...(idempotency ? { idempotency } : {}) };
}

function idempotencyKey(req: Request): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw.join(', ') : raw;
  if (!isValidIdempotencyKey(key))
    throw invalidInput(
      [{ path: '', message: 'Idempotency-Key must be 1-200 printable ASCII characters' }],
      'the Idempotency-Key header must be 1-200 printable ASCII characters',
    );
  return key;
}
