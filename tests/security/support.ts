/**
 * What the security tests share: a raw HTTP client (bytes, any method, any headers) and the checks
 * every error answer must pass (CONTRACT.md, "Errors"): problem+json, no stack, no internals.
 */
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
}

/** fetch, but the body goes as given (bytes) and nothing is added but what the caller names. */
export async function send(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const bodyAllowed = req.method !== 'GET' && req.method !== 'HEAD';
  const res = await fetch(baseUrl + req.path, {
    method: req.method,
    headers: req.headers,
    body: bodyAllowed && req.body !== undefined ? req.body : undefined,
    redirect: 'manual',
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', headers: res.headers, text };
}

/** Bytes straight onto a socket, for what fetch refuses to send (bad methods, broken headers). */
export function sendRaw(port: number, bytes: string | Buffer, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let out = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(out);
    }, timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (out += d));
    socket.on('error', (e) => {
      clearTimeout(timer);
      if (out) resolve(out);
      else reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
    socket.write(bytes);
  });
}

/** Markers of a stack trace or of the server's insides in an answer. */
const LEAKS: Array<[string, RegExp]> = [
  ['a stack frame', /\n\s+at\s|^\s{4}at\s|\bat [\w$.<>]+ \((?:file:|node:|\/)/m],
  ['a file path', /\/work\/|\/home\/|node_modules|file:\/\/|\.[cm]?[jt]s:\d+/],
  ['an error class', /\b(?:Type|Reference|Range|Syntax|Internal)Error\b|^Error:|"Error:|ZodError|SqliteError|QueryFailedError/m],
  ['a SQL fragment', /\bSQLITE_|\bSELECT\b.*\bFROM\b|\bINSERT INTO\b/],
];

/**
 * What is wrong with an answer, or undefined. `sent` is the request body as text: an answer may
 * quote the client's own input back (a JSON parse error does), which is no leak.
 */
export function answerProblem(method: string, res: RawResponse, sent = ''): string | undefined {
  if (res.status >= 500) return `status ${res.status}`;
  // Static files (the dashboard, the docs viewer's scripts) are code: only answers are checked.
  const answer = res.status >= 400 || /json/i.test(res.contentType);
  for (const [what, pattern] of answer ? LEAKS : []) {
    const m = pattern.exec(res.text);
    if (m && !sent.includes(m[0].trim())) return `the body shows ${what}: ${JSON.stringify(m[0])}`;
  }
  if (res.status < 400) return undefined;
  if (!/^application\/problem\+json\b/i.test(res.contentType)) return `error ${res.status} is ${res.contentType || 'untyped'}, not problem+json`;
  if (method === 'HEAD') return undefined;
  let body: any;
  try {
    body = JSON.parse(res.text);
  } catch {
    return `error ${res.status}: the body is not JSON`;
  }
  for (const key of ['type', 'title', 'detail'])
    if (typeof body?.[key] !== 'string') return `error ${res.status}: problem.${key} is not a string`;
  if (body.status !== res.status) return `error ${res.status}: problem.status is ${body.status}`;
  return undefined;
}

/** Runs `tasks` with at most `concurrency` in flight. */
export async function pool<T>(items: T[], concurrency: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await run(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
