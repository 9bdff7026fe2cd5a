// Read-side figures beside their floors, measured in the same run (issue 13): `jalon replay` vs
// reading the same rows from SQLite and JSON.parse-ing each; `jalon import` vs a raw batch insert
// of the same rows with the chain computed (CPU seconds: the machine is shared). The log is the demo history copied over and over with
// fresh ids (valid for every rule), cached in the temp dir. Prints figures; asserts nothing.
//   npm run build && BENCH_EVENTS=200000 node tests/bench/replay-floor.mjs
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { demoHistory } from '@jalon/domain';
import { hashEvent, openSqliteStore, sealLog } from '@jalon/event-store';

const N = Number(process.env.BENCH_EVENTS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONLY = process.env.BENCH_ONLY ?? 'replay,import';
const DB = join(tmpdir(), `jalon-bench-replay-${N}.db`);
const EXPORT = join(tmpdir(), `jalon-bench-replay-${N}.ndjson`);
const CLI = new URL('../../apps/cli/dist/main.js', import.meta.url).pathname;

/** The demo history, copy after copy, with every id made unique to its copy. */
export function* bigHistory(n) {
  const demo = demoHistory();
  let serial = 0;
  const uuid = () => {
    const hex = (serial++).toString(16).padStart(20, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(12, 15)}-8${hex.slice(15, 18)}-${hex.slice(18, 20)}0000000000`;
  };
  for (let copy = 0, made = 0; made < n; copy++) {
    const ids = new Map();
    const rename = (id) => `${id}-K${copy}`;
    for (const e of demo) {
      if (made++ >= n) return;
      const eventId = uuid();
      ids.set(e.eventId, eventId);
      const data = { ...e.data };
      for (const k of ['caseId', 'csoId', 'trainingId']) if (k in data) data[k] = rename(data[k]);
      if (e.type === 'EventVoided') data.eventId = ids.get(data.eventId);
      const streamId = e.streamId.startsWith('indicator-') ? e.streamId : rename(e.streamId);
      yield { ...e, eventId, streamId, data };
    }
  }
}

async function buildLog() {
  if (existsSync(DB) && existsSync(EXPORT)) return;
  const log = sealLog(bigHistory(N));
  const out = createWriteStream(`${EXPORT}.part`);
  for (const e of log) out.write(`${JSON.stringify(e)}\n`);
  await new Promise((resolve) => out.end(resolve));
  renameSync(`${EXPORT}.part`, EXPORT);
  rmSync(DB, { force: true });
  const store = await openSqliteStore(DB);
  await store.importLog(log);
  await store.close();
}

function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

// On a shared machine wall time mostly measures the neighbours: CPU time (user + system) is what
// is compared, this process's for the floors, the child's (read by /usr/bin/time) for the CLI.
function timed(fn) {
  const before = process.cpuUsage();
  const child = fn();
  if (typeof child === 'number') return child;
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

/** Runs the CLI; its CPU seconds. */
function cli(...args) {
  const run = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const line = run.stderr.trim().split('\n').pop();
  if (run.status !== 0 || !line.startsWith('cpu ')) throw new Error(`jalon ${args.join(' ')} failed: ${run.stderr}`);
  const [, user, system] = line.split(' ').map(Number);
  return user + system;
}

/** The floor: every row read and its two JSON columns parsed, nothing else. */
function parseFloor() {
  const db = new Database(DB, { readonly: true });
  let sum = 0;
  for (const row of db.prepare('SELECT position, event_id, type, stream_id, revision, data, metadata, hash FROM events ORDER BY position').raw().iterate()) {
    sum += JSON.parse(row[5]) === null ? 0 : 1;
    sum += JSON.parse(row[6]) === null ? 0 : 1;
  }
  db.close();
  return sum;
}

/** The import floor: the export's lines parsed, the chain computed, the rows inserted in one transaction. */
function rawImport(lines, file) {
  rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream_id, revision)) STRICT');
  const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    let previous = '0'.repeat(64);
    for (const line of lines) {
      const e = JSON.parse(line);
      const hash = hashEvent(previous, e);
      if (hash !== e.hash) throw new Error('chain');
      previous = hash;
      insert.run(e.position, e.eventId, e.type, e.streamId, e.revision, JSON.stringify(e.data), JSON.stringify(e.metadata), hash);
    }
  })();
  db.close();
}

await buildLog();
console.log(`jalon read-side floors: ${N.toLocaleString('en')} events, Node ${process.version}, medians of ${ROUNDS}`);
const rows = [];
if (ONLY.includes('replay')) {
  const floor = [], replay = [];
  for (let i = 0; i < ROUNDS; i++) {
    floor.push(timed(() => void parseFloor()));
    replay.push(timed(() => cli('--store', `sqlite:${DB}`, 'replay', '--json')));
  }
  rows.push(['replay', median(replay), 'read + JSON.parse', median(floor)]);
}
if (ONLY.includes('import')) {
  const { readFileSync } = await import('node:fs');
  const target = join(tmpdir(), `jalon-bench-import-${process.pid}.db`);
  const raw = [], imp = [];
  for (let i = 0; i < ROUNDS; i++) {
    raw.push(timed(() => rawImport(readFileSync(EXPORT, 'utf8').split('\n').filter(Boolean), target)));
    for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
    imp.push(timed(() => cli('--store', `sqlite:${target}`, 'import', EXPORT)));
    for (const f of [target, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
  }
  rows.push(['import', median(imp), 'raw insert with chain', median(raw)]);
}
for (const [name, ours, floorName, floor] of rows)
  console.log(`${name.padEnd(8)} ${ours.toFixed(2)} s (${Math.round(N / ours).toLocaleString('en')}/s)   floor (${floorName}) ${floor.toFixed(2)} s   ratio ${(floor / ours).toFixed(2)}`);
