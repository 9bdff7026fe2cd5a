/**
 * A primary that dies ends its connections with a FATAL message ("terminating connection due to
 * unexpected postmaster exit"). One that arrives while a transaction holds a pooled client between
 * two statements used to be an unheard 'error' event on that client, and killed the API (found by
 * failover.test.ts). pg_terminate_backend ends a connection the same way, at a moment we choose.
 */
import { inPgTransaction } from '@jalon/event-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPg, postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres-cluster.js';

const skip = postgresSkipReason();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skip !== undefined)(`a lost PostgreSQL connection ${skip ? `(skipped: ${skip})` : ''}`, () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('ended by the server between two statements of a transaction fails that transaction, not the process; the pool goes on', async () => {
    const pg = await loadPg();
    const pool = new pg.Pool({ connectionString: server.url, max: 1 });
    pool.on('error', () => undefined);
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      let terminated = 0;
      const transaction = inPgTransaction(pool, async (tx) => {
        const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
        terminated = rows[0].pid;
        await sleep(300); // the server's FATAL message arrives while no statement runs
        await tx.query('SELECT 1');
      });
      await expect(transaction).rejects.toThrow();
      expect(terminated).toBeGreaterThan(0);
      // The one pooled connection was the dead one: a new one serves, with another backend.
      const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(rows[0].pid).not.toBe(terminated);
    } finally {
      await admin.end();
      await pool.end();
    }
  });
});
