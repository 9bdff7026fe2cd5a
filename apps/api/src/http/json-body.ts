import type { NextFunction, Request, Response } from 'express';
import { LONE_SURROGATE } from '@jalon/domain';
import { invalidInput, ProblemException, tooLarge } from './problem.js';

export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * A body that could not be read is not refused here but remembered, and refused by `@JsonBody()`
 * once the guard has run: CONTRACT.md checks a token (401) and a role (403) before the input (400),
 * and a body-parser middleware would answer first.
 */
const bodyProblems = new WeakMap<Request, ProblemException>();

export function bodyProblemOf(req: Request): ProblemException | undefined {
  return bodyProblems.get(req);
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads a JSON body of at most 1 MiB into `req.body`; `skip` leaves the stream to the route (import). */
export function jsonBody(skip: (req: Request) => boolean) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!WITH_BODY.has(req.method) || !hasBody(req) || skip(req)) return next();
    const mediaProblem = mediaTypeProblem(req.headers['content-type']);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the client still gets a clean answer.
      if (size <= JSON_BODY_LIMIT && !mediaProblem) chunks.push(chunk);
    });
    req.on('error', (error) => next(error));
    req.on('end', () => {
      const problem =
        size > JSON_BODY_LIMIT
          ? tooLarge(`the body is larger than ${JSON_BODY_LIMIT} bytes (1 MiB)`)
          : (mediaProblem ?? parseInto(req, Buffer.concat(chunks)));
      if (problem) bodyProblems.set(req, problem);
      next();
    });
  };
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function mediaTypeProblem(contentType: string | undefined): ProblemException | undefined {
  const [type, ...params] = (contentType ?? '').toLowerCase().split(';').map((s) => s.trim());
  const json = type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (json && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return undefined;
  return invalidInput(
    [{ path: '', message: 'must be sent as Content-Type: application/json (UTF-8)' }],
    `the body must be JSON (Content-Type: application/json), not ${contentType ?? 'untyped'}`,
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseInto(req: Request, bytes: Buffer): ProblemException | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return invalidInput([{ path: '', message: 'is not valid UTF-8' }], 'the body is not valid UTF-8');
  }
  if (text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    return invalidInput([{ path: '', message: `is not valid JSON: ${reason}` }], 'the body is not valid JSON');
  }
  const unpaired = loneSurrogatePath(body);
  if (unpaired !== undefined)
    return invalidInput([{ path: unpaired, message: 'holds an unpaired UTF-16 surrogate (\\uD800-\\uDFFF escape)' }], 'the body holds text that is not Unicode');
  req.body = body;
  return undefined;
}


/**
 * The JSON Pointer of the first string or key holding a lone surrogate (valid JSON through a
 * `\uD800` escape, but no Unicode text: the log's canonical JSON refuses it). Iterative, so a
 * deeply nested body cannot overflow the stack.
 */
function loneSurrogatePath(root: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[root, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return path;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (LONE_SURROGATE.test(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return undefined;
}
