// Single-event appends, one commit each: jalon's store port against raw better-sqlite3 inserting
// the same rows with the same durability (the floor) and against Emmett's SQLite event store (peer).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '@jalon/event-store';
import { benchEntries, sealed } from '../support/log.mjs';
import { createTable, INSERT, openRaw, rowOf } from '../support/floors.mjs';
import { sideBySide } from '../support/measure.mjs';
import { row } from '../support/table.mjs';

const fresh = (ctx, name, round) => {
  const file = join(ctx.workDir, `append-${name}-${round}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return file;
};

async function throughPort(file, envelopes) {
  const store = await openSqliteStore(file);
  for (const { streamId, revision, eventId, type, data, metadata } of envelopes)
    await store.append(streamId, [{ eventId, type, data, metadata }], { expectedRevision: revision - 1 });
  await store.close();
}

function rawFloor(file, envelopes) {
  const db = openRaw(file);
  createTable(db);
  const insert = db.prepare(INSERT);
  for (const envelope of envelopes) insert.run(rowOf(envelope));
  db.close();
}

/**
 * Emmett as its docs show it: a connection per operation (its default for a file), in WAL with
 * SQLite's default synchronous = FULL, so one fsync per commit as ours. Each append reads the
 * stream's position in its own transaction: passing expectedStreamVersion explicitly fails in
 * 0.42.4 with SQLITE_BUSY "SQL statements in progress" on some streams' later appends.
 */
async function throughEmmett(file, envelopes) {
  const { getSQLiteEventStore } = await import('@event-driven-io/emmett-sqlite');
  const store = getSQLiteEventStore({ fileName: file });
  // It console.logs each error it rethrows: kept off the table.
  const log = console.log;
  console.log = () => {};
  try {
    for (const { streamId, type, data, metadata } of envelopes) await retryBusy(() => store.appendToStream(streamId, [{ type, data, metadata }]));
  } finally {
    console.log = log;
  }
  await store.close?.();
}

/** The peer now and then fails a commit with SQLITE_BUSY (rolled back): it is tried again, counted. */
let busyRetries = 0;
async function retryBusy(append) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await append();
    } catch (error) {
      if (error?.code !== 'SQLITE_BUSY' || attempt === 5) throw error;
      busyRetries++;
    }
  }
}

export async function appendRows(ctx) {
  const { appends, rounds, budgetSeconds } = ctx.settings;
  const envelopes = [...sealed(benchEntries(appends))];
  const contenders = {
    jalon: (round) => throughPort(fresh(ctx, 'jalon', round), envelopes),
    floor: (round) => rawFloor(fresh(ctx, 'floor', round), envelopes),
  };
  let emmettError;
  try {
    await import('@event-driven-io/emmett-sqlite');
    contenders.emmett = (round) => throughEmmett(fresh(ctx, 'emmett', round), envelopes);
  } catch (error) {
    emmettError = error;
  }
  const times = await sideBySide(contenders, { rounds, budgetSeconds });
  const rate = (name) => appends / (times[name].ms / 1000);
  ctx.figures.singleCommitFloor = rate('floor');
  const name = `append, ${appends.toLocaleString('en')} single events`;
  const rows = [
    row({ name, measure: 'events/s, one commit each', jalon: rate('jalon'), unit: '/s', reference: rate('floor'), referenceLabel: 'raw insert', ratio: rate('jalon') / rate('floor'), target: '≥ 0.8× floor', met: rate('jalon') / rate('floor') >= 0.8 }),
  ];
  if (times.emmett) {
    const ratio = rate('jalon') / rate('emmett');
    if (busyRetries > 0) ctx.notes.push(`Emmett failed ${busyRetries} commits with SQLITE_BUSY "SQL statements in progress" (retried).`);
    rows.push(row({ name, measure: 'events/s vs the peer', jalon: rate('jalon'), unit: '/s', reference: rate('emmett'), referenceLabel: 'Emmett SQLite', ratio, target: '≥ 15× Emmett', met: ratio >= 15 }));
  } else {
    if (busyRetries > 0) ctx.notes.push(`Emmett failed ${busyRetries} commits with SQLITE_BUSY "SQL statements in progress" (retried).`);
    rows.push(row({ name, measure: 'events/s vs the peer', unit: '/s', error: `Emmett could not be loaded: ${emmettError?.message}` }));
  }
  return rows;
}
