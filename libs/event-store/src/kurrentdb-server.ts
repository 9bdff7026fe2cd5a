// What this adapter needs to know about the server it talks to, as pure functions: whether its
// version can commit an append atomically, and what a failed append means.

/** Multi-stream appends (one atomic write to several streams) exist from KurrentDB 25.1. */
export const MIN_SERVER_VERSION = { major: 25, minor: 1 } as const;

export interface ServerVersion {
  major: number;
  minor: number;
  text: string;
}

/** The version the server reports (`25.1.0.1234`, `24.10.0`…); undefined when it reports none. */
export function parseServerVersion(text: string | undefined): ServerVersion | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.|$|-)/.exec((text ?? '').trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]), text: (text ?? '').trim() } : undefined;
}

/** Undefined when the server can commit atomically; else why this adapter refuses it. */
export function serverVersionProblem(reported: string | undefined): string | undefined {
  const version = parseServerVersion(reported);
  const { major, minor } = MIN_SERVER_VERSION;
  if (version && (version.major > major || (version.major === major && version.minor >= minor))) return undefined;
  const seen = version ? `KurrentDB ${version.text}` : `a server that reports no version (${reported ?? 'none'}: EventStoreDB before 21.10?)`;
  return (
    `jalon needs KurrentDB ${major}.${minor} or later, and this is ${seen}: each append must be one atomic ` +
    `multi-stream write (KurrentDB ${major}.${minor}+). Upgrade the server, or keep the log in PostgreSQL or SQLite.`
  );
}

/**
 * What a failed append tells us, from the client's error `type`:
 * - `conflict`: the server refused an expected revision, so nothing was written;
 * - `unknown`: the request may or may not have been committed (a timeout, an aborted or dropped
 *   request, a lost connection, a leader change, a bare transport error). The server drops a duplicate of a write still in
 *   flight and the client then times out, so the same commit can come back as `unknown` and still land;
 * - `too-large`: the server's append size limit refused it, nothing was written;
 * - `other`: anything else, passed on.
 */
export type AppendFailure = 'conflict' | 'unknown' | 'too-large' | 'other';

const UNKNOWN_OUTCOME = new Set(['deadline-exceeded', 'timeout', 'unavailable', 'cancelled', 'unknown', 'not-leader']);
const TOO_LARGE = new Set(['maximum-append-size-exceeded', 'transaction-max-size-exceeded', 'append-record-size-exceeded']);

export function appendFailure(error: unknown): AppendFailure {
  const { type, code } = typeof error === 'object' && error !== null ? (error as { type?: unknown; code?: unknown }) : {};
  // The append session passes a transport error on as it came (a gRPC status, no type): the
  // request may have reached the server.
  if (type === undefined && typeof code === 'number') return 'unknown';
  if (type === 'wrong-expected-version') return 'conflict';
  if (typeof type === 'string' && UNKNOWN_OUTCOME.has(type)) return 'unknown';
  if (typeof type === 'string' && TOO_LARGE.has(type)) return 'too-large';
  return 'other';
}
