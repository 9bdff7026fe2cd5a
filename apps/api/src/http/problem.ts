import type { DomainError, FieldError } from '@jalon/domain';
import type { Problem } from '@jalon/contracts';

/** RFC 9457 problem details, with room for extension members (such as an import's `position`). */
export type ProblemBody = Problem & Record<string, unknown>;

/** The one error type the shell throws on purpose; the filter turns it into problem+json. */
export class ProblemException extends Error {
  constructor(
    readonly problem: ProblemBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
    this.name = 'ProblemException';
  }

  get status(): number {
    return this.problem.status;
  }
}

const TITLES: Record<number, string> = {
  400: 'Invalid input',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Content too large',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const SLUGS: Record<number, string> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  408: 'timeout',
  409: 'conflict',
  413: 'too-large',
  429: 'too-many-requests',
  431: 'headers-too-large',
  500: 'internal',
  503: 'not-ready',
};

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}): ProblemBody {
  const slug = SLUGS[status];
  return {
    type: slug ? `urn:jalon:problem:${slug}` : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...extra,
  };
}

const fail = (status: number, detail: string, extra?: Record<string, unknown>, headers?: Record<string, string>) =>
  new ProblemException(problem(status, detail, extra), headers);

/** Every 400 names what is wrong in `errors`; "" (the whole document) when no single field is. */
export const invalidInput = (errors: FieldError[], detail = 'the input is not valid') =>
  fail(400, detail, { errors: errors.length > 0 ? errors : [{ path: '', message: detail }] });
export const unauthorized = (detail: string) => fail(401, detail, {}, { 'WWW-Authenticate': 'Bearer' });
export const forbidden = (detail: string) => fail(403, detail);
export const notFound = (detail: string) => fail(404, detail);
export const conflictWith = (detail: string, errors?: FieldError[]) => fail(409, detail, errors ? { errors } : {});
export const tooLarge = (detail: string) => fail(413, detail);
export const notReady = (detail: string) => fail(503, detail, {}, { 'Retry-After': '1' });

/** The domain's error values, mapped once: invalid → 400, unknown → 404, conflict → 409. */
export function domainProblem(error: DomainError): ProblemException {
  switch (error.code) {
    case 'invalid':
      return invalidInput(error.errors ?? [], error.message);
    case 'unknown':
      return notFound(error.message);
    case 'conflict':
      return conflictWith(error.message, error.errors);
  }
}
