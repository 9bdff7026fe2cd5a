/**
 * A read-only command on a store that is not there (a typo in --store) must not create it and
 * vouch for it: `replay`, `verify` and `export` refuse it (exit 2, one line naming it); only
 * `serve`, `demo`, `import` and `users` create a store.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres-cluster.js';
import { expectUsageError, jalon, scratch } from './jalon.js';

const tmp = scratch();
afterAll(() => tmp.remove());

const READ_ONLY: string[][] = [['verify'], ['replay'], ['replay', '--json'], ['export'], ['restatement', '--since', '0'], ['export', '--out', 'never-written.ndjson']];

describe('read-only commands on an SQLite store that does not exist', () => {
  it.each(READ_ONLY)('jalon %s … refuses it with exit 2 and creates nothing', async (...args) => {
    const file = tmp.path('typo.db');
    const run = await jalon([...args.map((a) => (a.endsWith('.ndjson') ? tmp.path(a) : a)), '--store', `sqlite:${file}`]);
    expectUsageError(run);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/no event store/);
    expect(run.stdout).toBe('');
    expect(existsSync(file), 'the store file was not created').toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(tmp.path('never-written.ndjson'))).toBe(false);
  });

  it('given an empty file (not an event store), when it is verified, then it is refused too, not called intact', async () => {
    const file = tmp.path('empty-file.db');
    writeFileSync(file, '');
    const run = await jalon(['verify', '--store', `sqlite:${file}`]);
    expectUsageError(run);
    expect(run.stderr).toContain(file);
  });

  it('given a store that import created from an empty export, when it is verified, then it is intact with 0 events', async () => {
    const store = tmp.store('restored-empty');
    const imported = await jalon(['import', '-', '--store', store], { stdin: '' });
    expect(imported.code, imported.stderr).toBe(0);
    const run = await jalon(['verify', '--store', store]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^intact: 0 events/);
  });
});

const skipReason = postgresSkipReason();
if (skipReason) console.warn(`\n⚠ missing-store tests on PostgreSQL SKIPPED: ${skipReason}\n`);

describe.skipIf(skipReason !== undefined)('read-only commands on a PostgreSQL store that is not there', () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 120_000);
  afterAll(async () => pg?.stop());

  it.each(READ_ONLY.slice(0, 4))('jalon %s … refuses a database that does not exist (exit 2), and creates none', async (...args) => {
    const url = pg.url.replace(/\/[^/?]+(\?|$)/, '/jalon_no_such_db$1');
    const run = await jalon([...args, '--store', url]);
    expectUsageError(run);
    expect(run.stderr).toMatch(/no event store/);
    expect(run.stderr).toContain('jalon_no_such_db');
  });

  it.each(READ_ONLY.slice(0, 4))('jalon %s … refuses a database without the event tables (exit 2), and creates none', async (...args) => {
    const url = await pg.createDatabase();
    const run = await jalon([...args, '--store', url]);
    expectUsageError(run);
    expect(run.stderr).toMatch(/no event store/);
    const again = await jalon(['verify', '--store', url]);
    expectUsageError(again);
  });
});
