// Benchmark of the indicator engine at scale (issue 2: at 1 M events an as-of query answers in
// milliseconds, an at-position query well under a second). Runs the built libraries:
//   npm run build && node tests/bench/engine.mjs            (BENCH_EVENTS=200000 for a quick run)
// Prints each figure beside the naive alternative (replaying the log for every query).
import { IndicatorEngine, RecordedTimes, recordedInstant, restate } from '@jalon/projections';
import { performance } from 'node:perf_hooks';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const NATIONS = ['NG', 'CM', 'CI', 'SN', 'CD', 'GN', 'ML', 'PH', 'BD', 'MA'];
const REGIONS = ['oriental', 'fes-meknes', 'rabat-sale-kenitra', 'souss-massa', 'casablanca-settat'];

function* syntheticLog(n, seed = 42) {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const day = (from = 0) => from + Math.floor(rand() * (852 - from));
  const date = (d) => new Date(Date.UTC(2014, 8, 1 + d)).toISOString().slice(0, 10);
  const cases = []; const live = [];
  for (let position = 1; position <= n; position++) {
    const eventId = `e${position}`;
    const r = rand();
    let event;
    if (r < 0.4 || cases.length === 0) {
      const d = day();
      cases.push(d);
      event = { type: 'VictimIdentified', data: { caseId: `c${cases.length}`, identifiedOn: date(d), sex: pick(['female', 'male']), ageGroup: pick(['adult', 'minor']), nationality: pick(NATIONS), exploitationType: pick(['sexual', 'labour', 'begging']), referredBy: pick(['cso', 'iom', 'self']) } };
    } else if (r < 0.8) {
      const c = Math.floor(rand() * cases.length);
      event = { type: 'AssistanceProvided', data: { caseId: `c${c + 1}`, providedOn: date(day(cases[c])), assistanceType: pick(['medical', 'shelter', 'avrr_return', 'reintegration']) } };
    } else if (r < 0.9) {
      event = { type: 'TrainingHeld', data: { trainingId: `t${position}`, heldOn: date(day()), audience: pick(['government', 'cso', 'iom_staff']), topic: 'x', region: pick(REGIONS), participants: { female: 1 + Math.floor(rand() * 20), male: Math.floor(rand() * 20) }, knowledgeTest: { tested: 5, improved: 3 } } };
    } else if (r < 0.98) {
      event = { type: 'CsoMapped', data: { csoId: `o${position}`, name: 'x', region: pick(REGIONS), domains: ['protection'], mappedOn: date(day()) } };
    } else {
      const target = live.length ? live.splice(Math.floor(rand() * live.length), 1)[0] : 'none';
      event = { type: 'EventVoided', data: { eventId: target, reason: 'correction' } };
    }
    if (event.type !== 'EventVoided' && rand() < 0.05) live.push(eventId);
    yield { position, eventId, ...event };
  }
}

function median(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);
const log = [...syntheticLog(N)];
const heapBefore = process.memoryUsage().heapUsed;
const engine = new IndicatorEngine();
let t = performance.now();
for (const e of log) engine.apply(e);
const foldMs = performance.now() - t;
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;

const positions = Array.from({ length: 50 }, (_, i) => Math.floor(((i + 1) / 51) * N));
const dates = ['2015-06-30', '2016-03-15', '2014-12-31', '2016-12-31'];
const rows = [
  ['indicators as of D, at head', median((i) => engine.indicators({ asOf: dates[i % 4] }), 200)],
  ['indicators as of D, at position P', median((i) => engine.indicators({ asOf: dates[i % 4], atPosition: positions[i % 50] }), 100)],
  ['quarterly series of 1.1, at head', median(() => engine.series('1.1', 'quarter'), 200)],
  ['quarterly series of 1.2, at position P', median((i) => engine.series('1.2', 'quarter', { atPosition: positions[i % 50] }), 100)],
  ['breakdown 1.1 by nationality, at P', median((i) => engine.breakdown('1.1', 'nationality', { atPosition: positions[i % 50] }), 100)],
];
// The naive alternative: fold the log up to P for each query (what snapshots avoid).
const halfway = Math.floor(N / 2);
t = performance.now();
const naive = new IndicatorEngine();
for (let i = 0; i < halfway; i++) naive.apply(log[i]);
naive.indicators();
const replayMs = performance.now() - t;

console.log(`jalon engine benchmark: ${N.toLocaleString('en')} events, Node ${process.version}`);
console.log(`fold: ${fmt(foldMs)} (${Math.round(N / (foldMs / 1000)).toLocaleString('en')} events/s), heap +${heapMb.toFixed(0)} MB`);
console.log(`naive replay to position ${halfway.toLocaleString('en')} for one query: ${fmt(replayMs)}`);
console.log('query (median)                          time       vs naive replay');
for (const [name, ms] of rows) console.log(`${name.padEnd(40)}${fmt(ms).padStart(9)}   ${Math.round(replayMs / ms).toLocaleString('en')}× faster`);

// Restatement (issue 9): 10,000 events after `since`, then half the log; against the literal way,
// 13 indicators evaluated before and after each event (timed over 200 events, scaled up).
const restatements = [
  ['restatement, 10,000 events after since', N - 10_000, N],
  [`restatement, ${(N - halfway).toLocaleString('en')} events after since`, halfway, N],
];
console.log('');
for (const [name, since, position] of restatements) {
  let changes = 0;
  const ms = median((i) => {
    const r = restate(engine, { asOf: dates[i % 4], since, position });
    changes = r.indicators.reduce((n, x) => n + x.changes.length, 0);
  }, 7);
  console.log(`${name.padEnd(40)}${fmt(ms).padStart(9)}   (${changes.toLocaleString('en')} changes listed)`);
}
t = performance.now();
for (let p = N - 200; p < N; p++) engine.indicators({ asOf: '2015-06-30', atPosition: p });
console.log(`literal restatement of 10,000 events (est.)  ${fmt(((performance.now() - t) / 200) * 10_000)}`);

// Known at a time: one recording time per event, clocks of two writers 3 s apart, interleaved.
const times = new RecordedTimes();
const base = Date.UTC(2015, 0, 1);
t = performance.now();
for (let p = 1; p <= N; p++) times.record(p, new Date(base + p * 1000 - (p % 2) * 3000).toISOString());
const recordMs = performance.now() - t;
const probe = (i) => times.positionAt(recordedInstant(new Date(base + ((i * 7919) % N) * 1000).toISOString()));
console.log(`known at a time: record ${fmt(recordMs / N)} per event; resolve a time ${fmt(median(probe, 1001))} (median)`);
