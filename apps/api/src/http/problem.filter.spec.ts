import { BadRequestException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { ProblemFilter } from './problem.filter.js';
import { conflictWith, notReady } from './problem.js';

interface Sent {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Runs the filter on one exception with a recording response and logger. */
function answer(exception: unknown): { sent: Sent; logged: unknown[] } {
  const sent: Sent = { status: 0, headers: {}, body: {} };
  const logged: unknown[] = [];
  const res = {
    headersSent: false,
    status: (code: number) => void (sent.status = code),
    setHeader: (name: string, value: string) => void (sent.headers[name.toLowerCase()] = value),
    hasHeader: (name: string) => name.toLowerCase() in sent.headers,
    send: (text: string) => void (sent.body = JSON.parse(text)),
  };
  const req = { method: 'GET', path: '/api/v1/x' };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  const log = { error: (...args: unknown[]) => void logged.push(args) } as unknown as Logger;
  new ProblemFilter(log).catch(exception, host);
  return { sent, logged };
}

describe('ProblemFilter', () => {
  it('answers an unexpected error with a generic 500 and logs it, leaking nothing', () => {
    const { sent, logged } = answer(new Error('SQLITE_CORRUPT at /var/lib/jalon/secret.db'));
    expect(sent.status).toBe(500);
    expect(sent.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(sent.body)).not.toMatch(/SQLITE|secret|stack|at /);
    expect(sent.body).toMatchObject({ status: 500, title: 'Internal server error' });
    expect(logged).toHaveLength(1);
  });

  it('keeps a problem as thrown, with its headers', () => {
    const { sent } = answer(notReady('not yet'));
    expect(sent).toMatchObject({ status: 503, headers: { 'retry-after': '1' }, body: { status: 503, detail: 'not yet' } });
  });

  it('keeps field errors of a conflict', () => {
    const { sent } = answer(conflictWith('taken', [{ path: '/username', message: 'is taken' }]));
    expect(sent.body.errors).toEqual([{ path: '/username', message: 'is taken' }]);
  });

  it("turns Nest's own exceptions into problems: unknown route, bad path encoding", () => {
    expect(answer(new NotFoundException()).sent.body).toMatchObject({ status: 404, detail: 'no route GET /api/v1/x' });
    const bad = answer(new BadRequestException('Failed to decode param')).sent.body;
    expect(bad).toMatchObject({ status: 400, errors: [{ path: '', message: 'Failed to decode param' }] });
  });
});
