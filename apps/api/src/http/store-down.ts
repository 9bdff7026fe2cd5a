import { problem, ProblemException } from './problem.js';

/** Node's socket errors: the store's server is not there (refused, reset, unreachable). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL's SQLSTATEs for a server that went away or does not take connections yet. */
const PG_DOWN = /^(08...|57P01|57P02|57P03)$/;
/** node-postgres says these in words, with no code. */
const PG_DOWN_MESSAGES = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed)/;

/**
 * True when `error` says the store's server cannot be reached (a PostgreSQL outage or failover),
 * not that the request was wrong: nothing of the request was acknowledged, and a retry later may
 * pass, so the answer is 503, not 500.
 */
export function isStoreDown(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || PG_DOWN.test(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isStoreDown);
  return typeof message === 'string' && PG_DOWN_MESSAGES.test(message);
}

/** Seconds a client is asked to wait: a failover takes seconds. */
export const STORE_DOWN_RETRY_AFTER = 5;

export function storeDownProblem(): ProblemException {
  const detail = 'the event store cannot be reached just now: nothing was acknowledged; try again shortly';
  return new ProblemException(problem(503, detail, { type: 'urn:jalon:problem:store-unavailable' }), {
    'Retry-After': String(STORE_DOWN_RETRY_AFTER),
  });
}
