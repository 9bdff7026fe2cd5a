// A separate process appending to a shared store, for the cross-process tests:
//   node append-worker.mjs STORE_URL NAME COUNT GO_FILE   (runs the built library: npm test builds first)
// STORE_URL is anything openStore takes: sqlite:/tmp/x/events.db, postgres://…/db.
// Waits for GO_FILE so that both workers start together, then appends COUNT events to its own
// stream and, every third one, to a shared stream with optimistic retries. Prints the positions.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore, WrongExpectedRevisionError } from '@jalon/event-store';

const [url, name, count, goFile] = process.argv.slice(2);

const event = (n) => ({
  eventId: randomUUID(),
  type: 'T',
  data: { worker: name, n },
  metadata: { recordedAt: new Date().toISOString(), recordedBy: name, schemaVersion: 1 },
});

async function appendShared(store, n) {
  for (;;) {
    const expectedRevision = (await store.readStream('shared')).length - 1;
    try {
      return (await store.append('shared', [event(n)], { expectedRevision })).position;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}

const store = await openStore(url);
process.stdout.write('ready\n');
while (!existsSync(goFile)) await sleep(5);
const positions = [];
for (let n = 0; n < Number(count); n++) {
  positions.push((await store.append(`own-${name}`, [event(n)], { expectedRevision: n - 1 })).position);
  if (n % 3 === 0) positions.push(await appendShared(store, n));
  // A pause between appends, as between requests: SQLite's busy handler backs off by sleeping, so a
  // writer that never lets go of the file would starve the other one and the two would not mix.
  await sleep(1);
}
await store.close();
process.stdout.write(`${JSON.stringify(positions)}\n`);
