import { BadRequestException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { ProblemFilter } from './problem.filter.js';
import { conflictWith, notReady } from './problem.js';
import { StoreFullAlarm } from './store-full.js';

/** What better-sqlite3 and pg throw when the disk is full. */
const sqliteFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
const pgDiskFull = () => Object.assign(new Error('could not extend file: No space left on device'), { code: '53100' });

interface Sent {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Runs the filter on one exception with a recording response and logger. */
function answer(exception: unknown, logged: unknown[] = [], alarm?: StoreFullAlarm): { sent: Sent; logged: unknown[] } {
  const sent: Sent = { status: 0, headers: {}, body: {} };
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
  new ProblemFilter(log, alarm ?? new StoreFullAlarm(log)).catch(exception, host);
  return { sent, logged };
}

describe('ProblemFilter', () => {
  it('answers a full store (SQLite or PostgreSQL) with 503, Retry-After and a problem saying so; logs it once until cleared', () => {
    const logged: unknown[] = [];
    const log = { error: (...args: unknown[]) => void logged.push(args), info: () => undefined } as unknown as Logger;
    const alarm = new StoreFullAlarm(log);
    for (const error of [sqliteFull(), pgDiskFull(), sqliteFull()]) {
      const { sent } = answer(error, logged, alarm);
      expect(sent.status).toBe(503);
      expect(sent.headers['retry-after']).toBe('30');
      expect(sent.body).toMatchObject({ status: 503, type: 'urn:jalon:problem:store-full', detail: expect.stringMatching(/store is full/) });
    }
    expect(logged, 'one error line for three refusals').toHaveLength(1);
    alarm.clear(); // a write went through
    answer(sqliteFull(), logged, alarm);
    expect(logged, 'full again: told again').toHaveLength(2);
  });

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
