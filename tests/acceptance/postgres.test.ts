/**
 * The whole acceptance suite against PostgreSQL: one throwaway cluster for the file (or the server
 * JALON_TEST_PG names), a fresh database for each server. The servers of this file boot together
 * (useServer starts them as their blocks are collected), so the cluster starts first, once.
 * Required under CI=true: a cluster that cannot start fails every suite; elsewhere, without
 * PostgreSQL binaries, the file is skipped loudly.
 */
import { afterAll, describe, it } from 'vitest';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres-cluster.js';
import { runAcceptance } from './suites/index.js';

const skipReason = postgresSkipReason();
if (skipReason) console.warn(`\n⚠ PostgreSQL acceptance tests SKIPPED: ${skipReason}\n`);

let cluster: Promise<TestPostgres> | undefined;
const postgres = (): Promise<TestPostgres> => (cluster ??= startPostgres());

if (skipReason) {
  // Not runAcceptance under describe.skip: collecting it would start its servers all the same.
  describe.skip('acceptance on PostgreSQL', () => it(`skipped: ${skipReason}`, () => undefined));
} else {
  describe('acceptance on PostgreSQL', () => {
    // Every server gets a database of its own; the cluster (with every database) goes at the end.
    runAcceptance('postgres', async () => ({ url: await (await postgres()).createDatabase() }));
    afterAll(async () => (await cluster?.catch(() => undefined))?.stop());
  });
}
