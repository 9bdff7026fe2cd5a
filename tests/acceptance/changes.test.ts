/**
 * GET /api/v1/changes (CONTRACT.md, "Live updates"): server-sent `head` events on connect and at
 * each new position, a comment at least every 15 s, the token in the header, and the stream ends
 * when the token expires.
 */
import { describe, expect, it } from 'vitest';
import { expectProblem, recorder } from './support/fixtures.js';
import { useServer, type ServerHandle } from './support/server.js';
import { sqliteStore } from './support/sqlite.js';

interface Stream {
  /** Resolves with the text read so far once it matches, or rejects after `ms`. */
  until(pattern: RegExp, ms: number): Promise<string>;
  ended: Promise<void>;
  close(): void;
  response: Response;
}

async function open(srv: ServerHandle, token: string): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${srv.server.url}/api/v1/changes`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  let text = '';
  const waiters = new Set<() => void>();
  const ended = (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        for (const w of waiters) w();
      }
    } catch {
      // aborted by close()
    }
  })();
  const until = (pattern: RegExp, ms: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(text)) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(text);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${pattern} within ${ms} ms; got:\n${text}`));
      }, ms);
      waiters.add(check);
      check();
    });
  return { until, ended, close: () => controller.abort(), response };
}

const heads = (text: string) =>
  [...text.matchAll(/event: head\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]) as { position: number; hash: string });

describe('live updates', () => {
  const srv = useServer(sqliteStore);

  it('refuses a caller without a token, as problem+json', async () => {
    expectProblem(await srv.api('GET', '/api/v1/changes'), 401);
  });

  it('sends the head on connect (64 zeros on an empty log), then each new position with its hash, to a donor too', { timeout: 30_000 }, async () => {
    const [donor, manager, admin] = await Promise.all([srv.login('donor'), srv.login('manager'), srv.login('admin')]);
    const stream = await open(srv, donor);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const first = heads(await stream.until(/event: head/, 5000));
      expect(first[0]).toEqual({ position: 0, hash: '0'.repeat(64) });
      const accepted = await recorder(srv.api, manager).training('live-1');
      const text = await stream.until(new RegExp(`"position":${accepted.position}`), 2000);
      const verify = (await srv.api('GET', '/api/v1/audit/verify', { token: admin })).json;
      expect(heads(text).at(-1)).toEqual({ position: accepted.position, hash: verify.head.hash });
      expect(heads(text).map((h) => h.position)).toEqual([0, accepted.position]);
    } finally {
      stream.close();
    }
  });

  it('sends a comment line at least every 15 s on a quiet log', { timeout: 30_000 }, async () => {
    const stream = await open(srv, await srv.login('auditor'));
    try {
      await stream.until(/event: head/, 5000);
      const start = Date.now();
      await stream.until(/\n: keep-alive\n\n/, 15_000);
      expect(Date.now() - start).toBeLessThanOrEqual(15_000);
    } finally {
      stream.close();
    }
  });
});

describe('live updates with short-lived tokens', () => {
  // 0.0015 h = 5.4 s
  const srv = useServer(sqliteStore, { env: { JALON_TOKEN_TTL_HOURS: '0.0015' } });

  it('ends the stream once the token has expired', { timeout: 30_000 }, async () => {
    const token = await srv.login('donor');
    const start = Date.now();
    const stream = await open(srv, token);
    await stream.until(/event: head/, 5000);
    await stream.ended;
    const lasted = Date.now() - start;
    expect(lasted).toBeGreaterThan(3000);
    expect(lasted).toBeLessThan(12_000);
    expectProblem(await srv.api('GET', '/api/v1/changes', { token }), 401);
  });
});
