// The benchmark's event log: the bundled demo history (every event decided by the domain's own
// rules) recorded by many offices side by side, each office a copy of the demo with its own ids and
// a time shift, merged in recording order, with an occasional clock step back. Written once per
// size and generator version as an NDJSON export in the cache dir, checked by the domain's checkLog.
import { createReadStream, createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { checkLog, demoHistory } from '@jalon/domain';
import { formatNdjsonLine, GENESIS_HASH, hashEvent } from '@jalon/event-store';

/** Bump when the generated log changes: cached files of another version are not reused. */
export const GENERATOR_VERSION = 1;
const ID_FIELDS = ['caseId', 'csoId', 'trainingId'];
const SHIFT_MS = 6 * 3600_000;
const RECORDERS = ['amina', 'karim', 'sara', 'youssef', 'leila'];

/** A deterministic generator of numbers in [0, 1). */
export function seeded(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

const hex = (n, width) => n.toString(16).padStart(width, '0');
/** A lower-case version-4 UUID made of the office and the event's place in its history. */
const eventIdOf = (office, place) => `${hex(office, 8)}-${hex(place % 65536, 4)}-4000-8000-${hex(place, 12)}`;

/** Office `office`'s copy of one demo entry: its own ids, streams and void targets. */
function officeEntry(entry, office, place, idOfPlace) {
  const suffix = `-o${office}`;
  const data = { ...entry.data };
  for (const field of ID_FIELDS) if (typeof data[field] === 'string') data[field] += suffix;
  if (entry.type === 'EventVoided') data.eventId = eventIdOf(office, idOfPlace.get(data.eventId));
  // A target revision per office: the value moves a little so each is a real revision.
  if (entry.type === 'IndicatorTargetSet') data.value += office % 7;
  const streamId = entry.streamId.startsWith('indicator-') ? entry.streamId : entry.streamId + suffix;
  return { eventId: eventIdOf(office, place), type: entry.type, streamId, data, metadata: { ...entry.metadata, recordedBy: RECORDERS[office % RECORDERS.length] } };
}

/** The first `n` entries of the merged log, in recording order (a binary heap over the offices). */
export function* benchEntries(n) {
  const demo = demoHistory();
  const idOfPlace = new Map(demo.map((e, i) => [e.eventId, i]));
  const times = demo.map((e) => Date.parse(e.metadata.recordedAt));
  const offices = Math.ceil(n / demo.length);
  const rand = seeded(20141001);
  const shifts = Array.from({ length: offices }, () => Math.floor(rand() * SHIFT_MS));
  const heap = new MinHeap((office) => times[cursor[office]] + shifts[office]);
  const cursor = new Int32Array(offices);
  for (let office = 0; office < offices; office++) heap.push(office);
  let previous = 0;
  for (let made = 0; made < n; made++) {
    const office = heap.pop();
    const place = cursor[office];
    const entry = officeEntry(demo[place], office, place, idOfPlace);
    // One recording in a thousand comes from a computer whose clock is up to two minutes behind.
    let at = times[place] + shifts[office];
    if (rand() < 0.001) at = previous - 1_000 - Math.floor(rand() * 120_000);
    else previous = Math.max(previous, at);
    entry.metadata.recordedAt = new Date(at).toISOString();
    yield entry;
    if (++cursor[office] < demo.length) heap.push(office);
  }
}

/** Envelopes as appending the entries one by one to an empty store would seal them. */
export function* sealed(entries) {
  const revisions = new Map();
  let previous = GENESIS_HASH;
  let position = 0;
  for (const entry of entries) {
    const revision = (revisions.get(entry.streamId) ?? -1) + 1;
    revisions.set(entry.streamId, revision);
    const envelope = { position: ++position, eventId: entry.eventId, type: entry.type, streamId: entry.streamId, revision, data: entry.data, metadata: entry.metadata };
    envelope.hash = previous = hashEvent(previous, envelope);
    yield envelope;
  }
}

/** The NDJSON export of `n` events, generated (and checked) when the cache does not hold it yet. */
export async function benchExport(n, cacheDir, say = () => {}) {
  const file = join(cacheDir, `jalon-bench-v${GENERATOR_VERSION}-${n}.ndjson`);
  if (existsSync(file)) return file;
  const started = Date.now();
  const bad = checkLog(benchEntries(n));
  if (bad) throw new Error(`the generated log breaks a rule at place ${bad.place}: ${bad.reason}`);
  const partial = `${file}.${process.pid}.partial`;
  const out = createWriteStream(partial);
  for (const envelope of sealed(benchEntries(n))) {
    if (!out.write(formatNdjsonLine(envelope))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  renameSync(partial, file);
  say(`generated ${n.toLocaleString('en')} events in ${((Date.now() - started) / 1000).toFixed(1)} s → ${file}`);
  return file;
}

/** The export's lines, parsed, in order. */
export async function* readExport(file) {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line) yield JSON.parse(line);
}

class MinHeap {
  constructor(key) {
    this.key = key;
    this.items = [];
  }
  push(item) {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.key(items[parent]) <= this.key(items[i])) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }
  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let least = i;
      if (l < items.length && this.key(items[l]) < this.key(items[least])) least = l;
      if (r < items.length && this.key(items[r]) < this.key(items[least])) least = r;
      if (least === i) break;
      [items[least], items[i]] = [items[i], items[least]];
      i = least;
    }
    return top;
  }
}
