// The write path and the HTTP shell against their floors (issue 13), every figure from the same run:
//   npm run build && node tests/bench/group-commit.mjs
// Rows: raw better-sqlite3 single-row commits (the floor) vs appends through the store port, one at
// a time and 50 at once; commands/s over HTTP at 50 connections; the same on a local PostgreSQL
// with fsync and synchronous_commit on; GET /api/v1/indicators vs a constant route of the same app.
// Medians of BENCH_ROUNDS rounds (default 3). BENCH_PG=0 skips PostgreSQL. JALON_BENCH_ROOT runs
// another checkout's build (a before/after on one machine); the floor always runs here.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const HERE = new URL('.', import.meta.url).pathname;
const ROOT = resolve(process.env.JALON_BENCH_ROOT ?? join(HERE, '../..'));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 400);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const ADMIN_PASSWORD = 'bench-admin-password-long-enough';
const store = await import(pathToFileURL(join(ROOT, 'libs/event-store/dist/index.js')).href);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const scratch = () => mkdtempSync(join(tmpdir(), 'jalon-bench-gc-'));

let counter = 0;
function newEvent() {
  counter += 1;
  return {
    eventId: randomUUID(),
    type: 'TrainingHeld',
    data: { trainingId: `t${counter}`, heldOn: '2015-02-10', audience: 'cso', topic: 'Identification', region: 'oriental', participants: { female: 3, male: 4 } },
    metadata: { recordedAt: new Date().toISOString(), recordedBy: 'bench', schemaVersion: 1 },
  };
}

/** Raw better-sqlite3, the store's own schema and pragmas, the same sealed rows: one transaction each. */
async function sqliteFloor(n) {
  const dir = scratch();
  const file = join(dir, 'floor.db');
  await (await store.openSqliteStore(file)).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const rows = store.sealLog(Array.from({ length: n }, () => ({ ...newEvent(), streamId: `training-${counter}` })));
  const insert = db.prepare('INSERT INTO events VALUES (@position, @eventId, @type, @streamId, @revision, @data, @metadata, @hash)');
  const one = db.transaction((e) => insert.run({ ...e, data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) }));
  const started = performance.now();
  for (const row of rows) one.immediate(row);
  const perSecond = n / ((performance.now() - started) / 1000);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return perSecond;
}

/** `n` appends through the port, `concurrency` in flight at once. */
async function portAppends(open, n, concurrency) {
  const events = Array.from({ length: n }, newEvent);
  const s = await open();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const event = events[next++];
        await s.append(`training-${event.data.trainingId}`, [event], { expectedRevision: -1 });
      }
    }),
  );
  const perSecond = n / ((performance.now() - started) / 1000);
  await s.close();
  return perSecond;
}

/** The API as a child process on `storeUrl`, with the bench's constant route preloaded. */
async function startApi(storeUrl) {
  const env = { ...process.env, PORT: '0', JALON_STORE: storeUrl, JALON_DEMO: '1', JALON_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'warn', JALON_BENCH_ROOT: ROOT };
  const args = ['--import', pathToFileURL(join(HERE, 'constant-route.mjs')).href, join(ROOT, 'apps/api/dist/main.js')];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  const url = await new Promise((done, fail) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /jalon listening on (http:\/\/localhost:\d+)/.exec(out);
      if (m) done(m[1].replace('localhost', '127.0.0.1'));
    });
    child.once('exit', () => fail(new Error(`the API exited:\n${out.slice(-3000)}`)));
  });
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const { token } = await login.json();
  const stop = () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.kill('SIGTERM'))));
  return { url, token, stop };
}

/** Commands/s at 50 connections: each request records a new training (201 expected). */
async function commandsPerSecond(api) {
  const result = await autocannon({
    url: `${api.url}/api/v1/trainings`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify(newEvent().data) }),
      },
    ],
  });
  const created = result['2xx'];
  if (result.non2xx > 0 || result.errors > 0) process.stderr.write(`  (${result.non2xx} non-2xx, ${result.errors} errors)\n`);
  return created / (result.duration ?? SECONDS);
}

async function getPerSecond(api, path, connections = 10) {
  const result = await autocannon({ url: `${api.url}${path}`, connections, duration: SECONDS, headers: { authorization: `Bearer ${api.token}` } });
  if (result.non2xx > 0) process.stderr.write(`  (${path}: ${result.non2xx} non-2xx)\n`);
  return result.requests.average;
}

/** A throwaway cluster with the durable settings a deployment keeps (fsync, synchronous_commit on). */
async function durablePostgres() {
  const cluster = await import(pathToFileURL(join(HERE, '../support/postgres-cluster.ts')).href);
  if (cluster.clusterSkipReason()) return undefined;
  const c = await cluster.initCluster({ fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' });
  const adminUrl = cluster.adminUrlOf(c);
  return { newDatabase: () => cluster.createDatabase(adminUrl), stop: () => cluster.stopCluster(c) };
}

const table = [];
async function row(label, measure) {
  const figures = [];
  for (let round = 0; round < ROUNDS; round++) figures.push(await measure());
  table.push({ label, value: median(figures) });
  process.stderr.write(`${label}: ${figures.map((f) => f.toFixed(0)).join(', ')}\n`);
  return median(figures);
}

const sqliteStore = async () => {
  const dir = scratch();
  const s = await store.openSqliteStore(join(dir, 'events.db'));
  return Object.assign(Object.create(s), { close: async () => (await s.close(), rmSync(dir, { recursive: true, force: true })) });
};

const floor = await row('SQLite floor: raw single-row commits/s', () => sqliteFloor(APPENDS));
const single = await row('SQLite port: appends/s one at a time', () => portAppends(sqliteStore, APPENDS, 1));
const grouped = await row('SQLite port: appends/s 50 at once', () => portAppends(sqliteStore, APPENDS * 4, CONNECTIONS));
const dir = scratch();
const api = await startApi(`sqlite:${join(dir, 'j.db')}`);
const http = await row('SQLite HTTP: commands/s at 50 connections', () => commandsPerSecond(api));
const constant = await row('HTTP: GET /bench/constant req/s', () => getPerSecond(api, '/bench/constant'));
const indicators = await row('HTTP: GET /api/v1/indicators req/s', () => getPerSecond(api, '/api/v1/indicators'));
await api.stop();
rmSync(dir, { recursive: true, force: true });

let pgRows = '';
const pg = process.env.BENCH_PG === '0' ? undefined : await durablePostgres();
if (pg) {
  try {
    const pgSingle = await row('PostgreSQL port: appends/s one at a time', async () => portAppends(async () => store.openPostgresStore(await pg.newDatabase()), APPENDS, 1));
    const pgGrouped = await row('PostgreSQL port: appends/s 50 at once', async () => portAppends(async () => store.openPostgresStore(await pg.newDatabase()), APPENDS * 4, CONNECTIONS));
    const pgApi = await startApi(await pg.newDatabase());
    const pgHttp = await row('PostgreSQL HTTP: commands/s at 50 connections', () => commandsPerSecond(pgApi));
    await pgApi.stop();
    pgRows = `\nPostgreSQL: one at a time ${pgSingle.toFixed(0)}/s, 50 at once ${pgGrouped.toFixed(0)}/s, HTTP ${pgHttp.toFixed(0)} commands/s (target ≥ 1000)`;
  } finally {
    await pg.stop();
  }
}

const width = Math.max(...table.map((r) => r.label.length));
process.stdout.write(`\n${table.map((r) => `${r.label.padEnd(width)}  ${r.value.toFixed(0).padStart(7)}`).join('\n')}\n`);
process.stdout.write(
  `\nratios (medians of ${ROUNDS}): single appends ${(single / floor).toFixed(2)} × floor (target ≥ 0.8), ` +
    `50 at once ${(grouped / floor).toFixed(2)} ×, HTTP commands ${(http / floor).toFixed(2)} × floor (target ≥ 1), ` +
    `GET /indicators ${(indicators / constant).toFixed(2)} × constant (target ≥ 0.5)${pgRows}\n`,
);
