// `npm run bench`: one table of jalon against its floors and a peer (issue 13), every comparison
// measured side by side in this run. Settings come from the environment (support/settings.mjs,
// README "Performance"); the table is printed and written to results/latest.{json,md}.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendRows } from './rows/append.mjs';
import { commandRows } from './rows/commands.mjs';
import { dashboardRows } from './rows/dashboard.mjs';
import { importRows, replayRows } from './rows/import-replay.mjs';
import { httpRows, queryRows } from './rows/queries.mjs';
import { startupRows } from './rows/startup.mjs';
import { copyOfLog } from './support/databases.mjs';
import { loginAdmin } from './support/http.mjs';
import { ROOT, startApi } from './support/processes.mjs';
import { readSettings } from './support/settings.mjs';
import { failedRow, formatText, machine, writeResults } from './support/table.mjs';

const GROUPS = { append: appendRows, import: importRows, replay: replayRows, startup: startupRows, queries: queryRows, http: httpRows, commands: commandRows, dashboard: dashboardRows };

const NOTES = [
  'ratio: jalon against the floor or peer, above 1 is better than it (rates: jalon / reference; times: reference / jalon).',
  'floor (append, commands): better-sqlite3 inserting the same rows, one commit each, WAL + synchronous = FULL as the store (libs/event-store/src/sqlite-schema.ts), no triggers, no expression indexes, no hash computed.',
  'floor (import): better-sqlite3 batch insert in one transaction with the hash chain recomputed and checked, then the product\'s own indexes and triggers; floor (replay): reading every row in position order and JSON.parse-ing data and metadata. Both in a child process, as `jalon` runs.',
  'peer: Emmett\'s SQLite event store (@event-driven-io/emmett-sqlite 0.42.4), one stream per jalon stream, in WAL with SQLite\'s default synchronous = FULL: it keeps streams, positions and an optimistic version check, but no hash chain, no append-only triggers, no domain rules and no idempotency.',
  'queries, GET /indicators and the dashboard run against one API on a copy of the whole log; autocannon and the query client run in the bench process, on the same cores as the API.',
  'commands: POST /api/v1/csos with a new CSO each (no two on one stream) on a fresh store; write → visible times the command and then GET /api/v1/indicators?minPosition=<its position>, one after the other.',
  'constant route: GET /api/v1/bench/constant, added only by tests/bench/support/constant-server.mjs to the same app (guards, filter, serialisation); it never ships.',
];

async function main() {
  const settings = readSettings();
  const say = (line) => process.stderr.write(`bench: ${line}\n`);
  const workDir = mkdtempSync(join(settings.cacheDir, 'jalon-bench-run-'));
  let big;
  const ctx = {
    settings, say, workDir, figures: {}, notes: [...NOTES],
    /** One API with the constant route on a copy of the whole log, shared by the read rows. */
    bigServer: () => (big ??= (async () => {
      const server = await startApi(`sqlite:${await copyOfLog(ctx, 'served')}`, { constantRoute: true });
      return { ...server, token: await loginAdmin(server.url) };
    })()),
  };
  const rows = [];
  try {
    for (const group of settings.groups) {
      say(`${group}…`);
      const started = Date.now();
      try {
        rows.push(...(await GROUPS[group](ctx)));
      } catch (error) {
        rows.push(failedRow(group, '', error));
      }
      say(`${group} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    if (big) await (await big.catch(() => undefined))?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
  const result = { machine: machine(), commit: commit(), settings: { ...settings, cacheDir: undefined, resultsDir: undefined }, rows, notes: ctx.notes };
  process.stdout.write(`${formatText(rows)}\n\n${ctx.notes.map((n) => `- ${n}`).join('\n')}\n`);
  for (const failed of rows.filter((r) => r.error)) process.stderr.write(`\n${failed.row}: ${failed.error}\n`);
  writeResults(settings.resultsDir, result);
  say(`written to ${join(settings.resultsDir, 'latest.{json,md}')}`);
  process.exitCode = rows.some((r) => r.error) ? 1 : 0;
}

function commit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

await main();
