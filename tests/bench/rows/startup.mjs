// Start-up to healthy on the whole log, cold (a fresh copy: nothing but the log) and again on the
// same file (with whatever the first start left beside the log, such as a read-model snapshot),
// and the API's resident memory once it serves after each.
import { readdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { copyOfLog } from '../support/databases.mjs';
import { median } from '../support/measure.mjs';
import { ADMIN_PASSWORD, rssMb, startApi } from '../support/processes.mjs';
import { roundsText, row } from '../support/table.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Bytes of the work dir: a first start may write beside the log in the background. */
const dirBytes = (dir) => readdirSync(dir).reduce((sum, name) => sum + statSync(`${dir}/${name}`).size, 0);

/** Waits until nothing has grown for 2 s (at most 120 s): the first start's background writes are done. */
async function settled(dir) {
  let last = dirBytes(dir);
  for (let stable = 0, waited = 0; stable < 2000 && waited < 120_000; waited += 250) {
    await sleep(250);
    const now = dirBytes(dir);
    stable = now === last ? stable + 250 : 0;
    last = now;
  }
}

/** Asks the questions a user's first page asks, so that the memory is that of a serving API. */
async function warm(url) {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  const { token } = await login.json();
  for (const path of ['/api/v1/indicators', '/api/v1/logframe', '/api/v1/indicators/1.1/series?period=quarter', '/api/v1/indicators/1.1/breakdown?by=nationality'])
    await (await fetch(url + path, { headers: { authorization: `Bearer ${token}` } })).text();
}

export async function startupRows(ctx) {
  const { events, rounds, budgetSeconds } = ctx.settings;
  const cold = [];
  const again = [];
  const rss = [];
  const rssAgain = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const db = await copyOfLog(ctx, 'startup');
    const first = await startApi(`sqlite:${db}`);
    cold.push(first.ms);
    await warm(first.url);
    rss.push(rssMb(first.pid));
    await settled(dirname(db));
    await first.stop();
    const second = await startApi(`sqlite:${db}`);
    again.push(second.ms);
    await warm(second.url);
    rssAgain.push(rssMb(second.pid));
    await second.stop();
    const elapsed = (performance.now() - started) / 1000;
    if (elapsed + elapsed / (round + 1) > budgetSeconds) break;
  }
  const [coldMs, againMs] = [median(cold), median(again)];
  // A snapshot shows as a second start well under the first; without one both rebuild from the log.
  const snapshot = againMs < 0.5 * coldMs;
  const name = `start-up to healthy, ${events.toLocaleString('en')} events`;
  const replayMs = ctx.figures.replayMs;
  return [
    row({ name, measure: `cold, s (${roundsText(cold.length)})`, jalon: coldMs / 1000, unit: 's', reference: replayMs && replayMs / 1000, referenceLabel: 'jalon replay', ratio: replayMs ? replayMs / coldMs : null, target: '≤ replay', met: replayMs ? coldMs <= replayMs : null }),
    row({ name, measure: snapshot ? 'second start, with snapshot, s' : 'second start (no snapshot seen), s', jalon: againMs / 1000, unit: 's', target: '≤ 3 s', met: againMs <= 3000 }),
    row({ name: `API memory, ${events.toLocaleString('en')} events`, measure: 'RSS once serving, after the cold start, MB', jalon: median(rss), unit: 'MB', target: '≤ 600 MB', met: median(rss) <= 600 }),
    row({ name: `API memory, ${events.toLocaleString('en')} events`, measure: `RSS once serving, after the second start${snapshot ? ' (snapshot)' : ''}, MB`, jalon: median(rssAgain), unit: 'MB', target: '≤ 600 MB', met: median(rssAgain) <= 600 }),
  ];
}
