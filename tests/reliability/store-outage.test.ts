/**
 * A PostgreSQL outage as the API's clients see it: the database's address stops answering (a
 * forwarder stands in for it, tests/reliability/failover-proxy.ts) and every open connection is
 * cut. Commands then answer 503 problem+json with Retry-After (never 500), health answers 503,
 * nothing is appended; once the database is back, health is 200 again and commands pass.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { postgresSkipReason, startPostgres, withClient } from '../support/postgres-cluster.js';
import { startForwarder } from './failover-proxy.js';
import { exportLog, login, startApi } from './support.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const training = (id: string) => ({
  trainingId: id,
  heldOn: '2015-02-10',
  audience: 'cso',
  topic: 'Identification of presumed victims',
  region: 'oriental',
  participants: { female: 2, male: 1 },
});

/** A port nobody listens on (taken, then given back). */
function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const skip = postgresSkipReason();
describe('PostgreSQL outage', () => {
  it.skipIf(skip !== undefined)(`commands and health answer 503 with Retry-After while the database is gone, and recover${skip ? ` (skipped: ${skip})` : ''}`, async () => {
    const pg = await startPostgres();
    const url = new URL(pg.url);
    const forwarder = await startForwarder(Number(url.port));
    const api = await startApi(Object.assign(new URL(pg.url), { port: String(forwarder.port) }).toString());
    try {
      const token = await login(api.api);
      const post = (id: string) => api.api('POST', '/api/v1/trainings', { token, body: training(id) });
      expect((await post('before')).status).toBe(201);

      forwarder.repoint(await deadPort());
      await withClient(pg.url, (c) =>
        c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [url.pathname.slice(1)]),
      );
      const during = await Promise.all(['d1', 'd2', 'd3', 'd4', 'd5'].map(post));
      for (const res of during) {
        expect([res.status, res.headers.get('content-type'), res.headers.get('retry-after')], res.text).toEqual([503, 'application/problem+json; charset=utf-8', '5']);
        expect(res.json.type).toBe('urn:jalon:problem:store-unavailable');
      }
      const health = await api.api('GET', '/api/v1/health');
      expect([health.status, health.headers.get('retry-after')]).toEqual([503, '5']);

      forwarder.repoint(Number(url.port));
      for (let tries = 0; (await api.api('GET', '/api/v1/health')).status !== 200; tries++) {
        expect(tries, 'health 200 again within 10 s').toBeLessThan(100);
        await sleep(100);
      }
      expect((await post('after')).status).toBe(201);
      const log = await exportLog(api.api, token);
      expect(log.map((e) => e.data.trainingId)).toEqual(['before', 'after']);
    } finally {
      await api.stop();
      await forwarder.close();
      await pg.stop();
    }
  }, 120_000);
});
