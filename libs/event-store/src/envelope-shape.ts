import type { EventEnvelope } from './envelope.js';
import { isMalformedLine } from './malformed-line.js';

/** The keys of an exported envelope, in export order (CONTRACT.md "Export format"). */
export const ENVELOPE_KEYS = [
  'position',
  'eventId',
  'type',
  'streamId',
  'revision',
  'data',
  'metadata',
  'hash',
] as const;

const KEY_SET = new Set<string>(ENVELOPE_KEYS);

/** The envelope with its keys in export order: for every export line and every answer listing events. */
export function orderedEnvelope(event: EventEnvelope): EventEnvelope {
  return Object.fromEntries(ENVELOPE_KEYS.map((key) => [key, event[key]])) as unknown as EventEnvelope;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Why `value` is not an event envelope, or null when it is one. Unknown top-level keys are refused
 * because the hash does not cover them: they could be added to an export unnoticed. Unknown
 * metadata keys are covered by the hash, so they pass.
 */
export function envelopeShapeProblem(value: unknown): string | null {
  if (isMalformedLine(value)) return value.reason;
  if (!isPlainObject(value)) return 'not a JSON object';
  const extra = Object.keys(value).find((key) => !KEY_SET.has(key));
  if (extra !== undefined) return `unexpected key "${extra}"`;
  if (!Number.isSafeInteger(value.position)) return 'position is not an integer';
  for (const key of ['eventId', 'type', 'streamId', 'hash'] as const) {
    if (typeof value[key] !== 'string') return `${key} is not a string`;
  }
  const revision = value.revision;
  if (!Number.isSafeInteger(revision) || (revision as number) < 0) {
    return 'revision is not an integer ≥ 0';
  }
  if (!isPlainObject(value.data)) return 'data is not an object';
  return metadataShapeProblem(value.metadata);
}

function metadataShapeProblem(metadata: unknown): string | null {
  if (!isPlainObject(metadata)) return 'metadata is not an object';
  if (typeof metadata.recordedAt !== 'string') return 'metadata.recordedAt is not a string';
  if (typeof metadata.recordedBy !== 'string') return 'metadata.recordedBy is not a string';
  if (!Number.isSafeInteger(metadata.schemaVersion)) return 'metadata.schemaVersion is not an integer';
  // DOMAIN.md: an optional field that was not given is absent, never null.
  if ('commandId' in metadata && typeof metadata.commandId !== 'string') {
    return 'metadata.commandId is present but not a string';
  }
  return null;
}
