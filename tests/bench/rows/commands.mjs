// Commands over HTTP: POST /api/v1/csos at N connections on SQLite and on a throwaway PostgreSQL
// (fsync and synchronous_commit on), against the raw single-commit floors; then write → visible:
// a command, then GET /indicators with its minPosition, one after the other.
import { join } from 'node:path';
import { removeDb } from '../support/databases.mjs';
import { call, cannon, latencies, loginAdmin } from '../support/http.mjs';
import { performance } from 'node:perf_hooks';
import { median, percentile } from '../support/measure.mjs';
import { startApi } from '../support/processes.mjs';
import { failedRow, row } from '../support/table.mjs';

let serial = 0;
const cso = () => {
  const id = `BENCH-${process.pid}-${++serial}`;
  return { csoId: id, name: `Association ${id}`, region: 'souss-massa', domains: ['protection'], mappedOn: '2015-03-02' };
};

async function commandsPerSecond(ctx, store) {
  const { rounds, connections, durationSeconds } = ctx.settings;
  const server = await startApi(store);
  try {
    const token = await loginAdmin(server.url);
    const rates = [];
    for (let round = 0; round < rounds; round++)
      rates.push(await cannon(server.url, token, { connections, durationSeconds, path: '/api/v1/csos', method: 'POST', body: cso }));
    return { rate: median(rates), server, token };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Sequential single-row INSERTs on PostgreSQL, each its own commit: the floor there. */
async function pgFloor(url, count) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE floor (position bigint PRIMARY KEY, event_id text UNIQUE, data jsonb)');
  const started = performance.now();
  for (let i = 1; i <= count; i++) await client.query('INSERT INTO floor VALUES ($1, $2, $3)', [i, `e${i}`, JSON.stringify(cso())]);
  const ms = performance.now() - started;
  await client.end();
  return count / (ms / 1000);
}

async function sqliteRows(ctx) {
  const { connections, queries } = ctx.settings;
  const file = join(ctx.workDir, 'commands.db');
  removeDb(file);
  const { rate, server, token } = await commandsPerSecond(ctx, `sqlite:${file}`);
  try {
    const floor = ctx.figures.singleCommitFloor;
    // The command's and the read's own times too: a commit waits for the disk, the read does not.
    const parts = { command: [], read: [] };
    const visible = await latencies(queries, async () => {
      const started = performance.now();
      const { position } = await call(server.url, token, 'POST', '/api/v1/csos', cso());
      const committed = performance.now();
      await call(server.url, token, 'GET', `/api/v1/indicators?minPosition=${position}`);
      parts.command.push(committed - started);
      parts.read.push(performance.now() - committed);
    });
    const split = `command p99 ${percentile(parts.command, 99).toFixed(1)}, read p99 ${percentile(parts.read, 99).toFixed(1)}`;
    return [
      row({ name: `commands, ${connections} connections, SQLite`, measure: 'POST /csos 201/s', jalon: rate, unit: '/s', reference: floor, referenceLabel: 'raw single commits', ratio: floor ? rate / floor : null, target: '≥ 1× floor', met: floor ? rate >= floor : null }),
      row({ name: 'write → visible, SQLite', measure: `p99 ms (p50 ${visible.p50.toFixed(1)}, n=${visible.count}; ${split})`, jalon: visible.p99, unit: 'ms', target: '≤ 20 ms', met: visible.p99 <= 20 }),
    ];
  } finally {
    await server.stop();
  }
}

async function postgresRows(ctx) {
  const { connections, appends } = ctx.settings;
  const name = `commands, ${connections} connections, PostgreSQL`;
  const clusters = await import('../../support/postgres-cluster.ts');
  const skip = clusters.clusterSkipReason();
  if (skip) return [failedRow(name, 'POST /csos 201/s', `no PostgreSQL: ${skip}`)];
  const cluster = await clusters.initCluster({ fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' });
  try {
    const adminUrl = clusters.adminUrlOf(cluster);
    const floor = await pgFloor(await clusters.createDatabase(adminUrl), Math.min(appends, 2000));
    const { rate, server } = await commandsPerSecond(ctx, await clusters.createDatabase(adminUrl));
    await server.stop();
    return [row({ name, measure: 'POST /csos 201/s', jalon: rate, unit: '/s', reference: floor, referenceLabel: 'raw single commits', ratio: rate / floor, target: '≥ 1,000/s', met: rate >= 1000 })];
  } finally {
    await clusters.stopCluster(cluster);
  }
}

export async function commandRows(ctx) {
  const rows = await sqliteRows(ctx);
  try {
    rows.push(...(await postgresRows(ctx)));
  } catch (error) {
    rows.push(failedRow(`commands, ${ctx.settings.connections} connections, PostgreSQL`, 'POST /csos 201/s', error));
  }
  return rows;
}
