// Benchmark of the log browser's filters (issue 9: paging through a 1 M-event log stays fast).
// Builds a 1 M-event SQLite log once (cached in the temp dir), opens it with the real adapter (its
// indexes) and times a page of 100 for each filter: the first page, one from the middle, and the
// newest page (order=desc). Prints figures; asserts nothing. Runs the built libraries:
//   npx tsc -b libs/event-store && node tests/bench/log-filters.mjs     (BENCH_EVENTS=200000: quicker)
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openSqliteStore } from '@jalon/event-store';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const FILE = join(tmpdir(), `jalon-bench-log-filters-${N}.db`);
const USERS = ['amina', 'karim', 'sara', 'youssef', 'leila'];
const REGIONS = ['oriental', 'fes-meknes', 'rabat-sale-kenitra', 'souss-massa', 'casablanca-settat'];
const T0 = Date.UTC(2014, 8, 1, 8);

function* rows(n, seed = 7) {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const date = () => new Date(Date.UTC(2014, 8, 1 + Math.floor(rand() * 852))).toISOString().slice(0, 10);
  const revisions = new Map();
  let cases = 0;
  for (let position = 1; position <= n; position++) {
    const r = rand();
    let type, streamId, data;
    if (r < 0.3 || cases === 0) {
      cases += 1;
      [type, streamId] = ['VictimIdentified', `case-c${cases}`];
      data = { caseId: `c${cases}`, identifiedOn: date(), sex: pick(['female', 'male']), ageGroup: 'adult', nationality: 'NG', exploitationType: 'labour', referredBy: 'cso' };
    } else if (r < 0.6) {
      const c = 1 + Math.floor(rand() * cases);
      [type, streamId, data] = ['AssistanceProvided', `case-c${c}`, { caseId: `c${c}`, providedOn: date(), assistanceType: 'medical' }];
    } else if (r < 0.65) {
      const c = 1 + Math.floor(rand() * cases);
      [type, streamId, data] = ['CaseClosed', `case-c${c}`, { caseId: `c${c}`, closedOn: date(), reason: 'returned' }];
    } else if (r < 0.85) {
      [type, streamId] = ['TrainingHeld', `training-t${position}`];
      data = { trainingId: `t${position}`, heldOn: date(), audience: 'cso', topic: 'x', region: pick(REGIONS), participants: { female: 3, male: 4 } };
    } else if (r < 0.97) {
      [type, streamId, data] = ['CsoMapped', `cso-o${position}`, { csoId: `o${position}`, name: 'x', region: pick(REGIONS), domains: ['protection'], mappedOn: date() }];
    } else if (r < 0.98) {
      [type, streamId, data] = ['IndicatorTargetSet', 'indicator-2.2', { code: '2.2', period: '2016', value: 100, reason: 'review' }];
    } else {
      [type, streamId, data] = ['EventVoided', `case-c${1 + Math.floor(rand() * cases)}`, { eventId: `e${position - 1}`, reason: 'typo' }];
    }
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    // One event a minute or so, with some clock disagreement between processes.
    const recordedAt = new Date(T0 + position * 60_000 + Math.floor(rand() * 90_000) - 45_000).toISOString();
    const metadata = { recordedAt, recordedBy: pick(USERS), schemaVersion: 1 };
    yield { position, event_id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`, type, stream_id: streamId, revision, data: JSON.stringify(data), metadata: JSON.stringify(metadata), hash: '0'.repeat(64) };
  }
}

async function build() {
  if (existsSync(FILE)) return;
  const started = performance.now();
  (await openSqliteStore(FILE)).close(); // the adapter's schema, indexes and triggers
  const db = new Database(FILE);
  db.pragma('journal_mode = WAL');
  // Loading is quicker without them: the adapter makes them again when it opens the file.
  const extras = db.prepare("SELECT type, name FROM sqlite_master WHERE tbl_name = 'events' AND sql IS NOT NULL AND type IN ('index', 'trigger')").all();
  for (const { type, name } of extras) db.exec(`DROP ${type.toUpperCase()} ${name}`);
  const insert = db.prepare('INSERT INTO events VALUES (@position, @event_id, @type, @stream_id, @revision, @data, @metadata, @hash)');
  db.transaction(() => {
    for (const row of rows(N)) insert.run(row);
  })();
  db.close();
  (await openSqliteStore(FILE)).close();
  console.log(`built ${N} events in ${((performance.now() - started) / 1000).toFixed(1)} s (${FILE})`);
}

async function time(run, repeat = 5) {
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await run();
    runs.push(performance.now() - started);
  }
  return runs.sort((a, b) => a - b)[Math.floor(repeat / 2)];
}

const at = (minutes) => new Date(T0 + minutes * 60_000).toISOString();
const FILTERS = {
  'no filter': {},
  'type=VictimIdentified': { types: ['VictimIdentified'] },
  'type=CaseClosed,CsoMapped': { types: ['CaseClosed', 'CsoMapped'] },
  'type=IndicatorTargetSet (1 %)': { types: ['IndicatorTargetSet'] },
  'stream=case-c1234': { streamId: 'case-c1234' },
  'recordedBy=karim': { recordedBy: 'karim' },
  'recorded within one day': { recordedFrom: at(N / 2), recordedTo: at(N / 2 + 1440) },
  'recorded within 30 % of the log': { recordedFrom: at(N * 0.35), recordedTo: at(N * 0.65) },
  'business date one day': { businessFrom: '2015-06-01', businessTo: '2015-06-01' },
  'business date one quarter': { businessFrom: '2015-04-01', businessTo: '2015-06-30' },
  'type + recordedBy + quarter': { types: ['AssistanceProvided'], recordedBy: 'sara', businessFrom: '2015-04-01', businessTo: '2015-06-30' },
};

await build();
const store = await openSqliteStore(FILE);
console.log(`\nSQLite, ${N} events, a page of 100 (median of 5, ms):`);
console.log(`${'filter'.padEnd(34)} ${'first'.padStart(8)} ${'middle'.padStart(8)} ${'newest'.padStart(8)}   matches on the first page`);
for (const [name, filter] of Object.entries(FILTERS)) {
  const first = await time(() => store.readAll({ ...filter, after: 0, limit: 101 }));
  const middle = await time(() => store.readAll({ ...filter, after: N / 2, limit: 101 }));
  const newest = await time(() => store.readAll({ ...filter, after: 0, limit: 101, order: 'desc' }));
  const found = (await store.readAll({ ...filter, after: 0, limit: 101 })).length;
  console.log(`${name.padEnd(34)} ${first.toFixed(1).padStart(8)} ${middle.toFixed(1).padStart(8)} ${newest.toFixed(1).padStart(8)}   ${found}`);
}
const walk = await time(async () => {
  let after = 0;
  for (let page = 0; page < 100; page++) after = (await store.readAll({ after, limit: 100, recordedBy: 'leila' })).at(-1).position;
}, 3);
console.log(`\n100 pages in a row (recordedBy=leila): ${walk.toFixed(0)} ms, ${(walk / 100).toFixed(1)} ms a page`);
const count = await time(() => store.countAll({ streamPrefix: 'case-' }), 3);
console.log(`case events counted before an export (countAll streamPrefix=case-): ${count.toFixed(0)} ms`);
await store.close();
if (process.env.BENCH_KEEP !== '1') rmSync(FILE, { force: true }), rmSync(`${FILE}-wal`, { force: true }), rmSync(`${FILE}-shm`, { force: true });
