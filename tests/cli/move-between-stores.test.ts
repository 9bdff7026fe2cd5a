/**
 * Moving a log between stores with the command line: `jalon demo` into SQLite, `jalon export |
 * jalon import -` into PostgreSQL, and back into a new SQLite file. Every copy replays to the same
 * bytes and verifies intact with the same head hash. Users live beside the log, never in it: adding
 * one changes no export. PostgreSQL is required under CI=true, skipped loudly elsewhere without it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres-cluster.js';
import { CLI_MAIN as MAIN, ensureBuilt, jalon, printedHash, scratch, type Run } from './jalon.js';

const skipReason = postgresSkipReason();
if (skipReason) console.warn(`\n⚠ PostgreSQL CLI tests (moving a log between stores) SKIPPED: ${skipReason}\n`);

/**
 * `jalon export --store FROM | jalon import - --store TO`, through a real pipe, as a shell makes
 * it: the importer reads the exporter's stdout itself and this process keeps no end of the pipe.
 * (Relaying with `exporter.stdout.pipe(importer.stdin)` would not do: when the importer refuses
 * and exits early, the relay stops reading but holds the pipe open, so the exporter never gets
 * EPIPE and waits for 'drain' for ever.)
 */
async function pipe(from: string, to: string): Promise<{ exported: Run; imported: Run }> {
  await ensureBuilt();
  const env = { ...process.env, JALON_STORE: '' };
  const exporter = spawn(process.execPath, [MAIN, 'export', '--store', from], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const importer = spawn(process.execPath, [MAIN, 'import', '-', '--store', to], { env, stdio: [exporter.stdout, 'pipe', 'pipe'] });
  exporter.stdout.destroy();
  const finished = (child: ChildProcess, keepStdout: boolean) =>
    new Promise<Run>((done, failed) => {
      let stdout = '';
      let stderr = '';
      if (keepStdout) child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', failed);
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  return Promise.all([finished(exporter, false), finished(importer, true)]).then(([exported, imported]) => ({ exported, imported }));
}

const ok = (run: Run, what: string): Run => {
  expect(run.code, `${what}: ${run.stderr}`).toBe(0);
  return run;
};

(skipReason ? describe.skip : describe)('moving a log between SQLite and PostgreSQL with jalon export | jalon import -', () => {
  let tmp: ReturnType<typeof scratch> | undefined;
  let postgres: TestPostgres | undefined;
  let sqliteSource = '';
  let pgCopy = '';
  let sqliteBack = '';
  let demoHead = '';
  let moved: Array<{ exported: Run; imported: Run }> = [];

  beforeAll(async () => {
    tmp = scratch();
    postgres = await startPostgres();
    sqliteSource = tmp.store('source');
    pgCopy = postgres.url;
    sqliteBack = tmp.store('back');
    demoHead = printedHash(ok(await jalon(['demo', '--store', sqliteSource]), 'jalon demo').stdout);
    moved.push(await pipe(sqliteSource, pgCopy));
    moved.push(await pipe(pgCopy, sqliteBack));
  });
  afterAll(async () => {
    await postgres?.stop();
    tmp?.remove();
  });

  it('given the demo in SQLite, when it is piped into PostgreSQL and from there into a new SQLite file, then both imports succeed with the demo head', () => {
    expect(moved).toHaveLength(2);
    for (const { exported, imported } of moved) {
      ok(exported, 'jalon export');
      ok(imported, 'jalon import -');
      expect(imported.stdout).toMatch(/^imported \d+ events; head position \d+, hash [0-9a-f]{64}\n$/);
      expect(printedHash(imported.stdout)).toBe(demoHead);
    }
  });

  it('given the three stores, when each is verified, then each is intact with the same event count and head hash', async () => {
    const runs = await Promise.all([sqliteSource, pgCopy, sqliteBack].map((store) => jalon(['verify', '--store', store])));
    runs.forEach((run, i) => ok(run, `jalon verify #${i}`));
    expect(runs[0].stdout).toMatch(/^intact: \d+ events/);
    for (const run of runs) {
      expect(printedHash(run.stdout)).toBe(demoHead);
      expect(run.stdout).toBe(runs[0].stdout);
    }
    const expectHead = await jalon(['verify', '--expect-head', demoHead, '--store', pgCopy]);
    ok(expectHead, 'jalon verify --expect-head on PostgreSQL');
  });

  it.each([
    [[]],
    [['--at-position', '150', '--as-of', '2015-06-30']],
  ])('given the three stores, when each is replayed with --json %j, then the output is byte-identical', async (extra) => {
    const runs = await Promise.all(
      [sqliteSource, pgCopy, sqliteBack].map((store) => jalon(['replay', '--json', ...extra, '--store', store])),
    );
    runs.forEach((run, i) => ok(run, `jalon replay #${i}`));
    expect(JSON.parse(runs[0].stdout).indicators).toHaveLength(13);
    expect(runs[1].stdout).toBe(runs[0].stdout);
    expect(runs[2].stdout).toBe(runs[0].stdout);
  });

  it('given the three stores, when each is exported, then the exports are identical byte for byte', async () => {
    const runs = await Promise.all([sqliteSource, pgCopy, sqliteBack].map((store) => jalon(['export', '--store', store])));
    runs.forEach((run, i) => ok(run, `jalon export #${i}`));
    expect(runs[0].stdout.length).toBeGreaterThan(0);
    expect(runs[1].stdout).toBe(runs[0].stdout);
    expect(runs[2].stdout).toBe(runs[0].stdout);
  });

  it('given the PostgreSQL copy, when a user is added to it, then the export does not change (users are kept apart from the log)', async () => {
    const before = ok(await jalon(['export', '--store', pgCopy]), 'jalon export');
    const added = ok(await jalon(['--store', pgCopy, 'users', 'add', 'mover', '--role', 'auditor']), 'jalon users add');
    expect(added.stdout).toMatch(/password: \S+/);
    const again = await jalon(['--store', pgCopy, 'users', 'add', 'MOVER', '--role', 'auditor']);
    expect(again.code, 'the name is taken, whatever its case').not.toBe(0);
    const after = ok(await jalon(['export', '--store', pgCopy]), 'jalon export');
    expect(after.stdout).toBe(before.stdout);
    expect(after.stdout).not.toMatch(/mover/i);
  });

  it('given the PostgreSQL copy holds the log, when the SQLite export is piped into it again, then import refuses and nothing changes', async () => {
    const { exported, imported } = await pipe(sqliteSource, pgCopy);
    expect(imported.code).not.toBe(0);
    expect(imported.stderr).toMatch(/already holds \d+ events/);
    // The importer left without reading: the exporter ends on the broken pipe, quietly.
    expect(exported).toEqual({ code: 0, stdout: '', stderr: '' });
    const verify = ok(await jalon(['verify', '--store', pgCopy]), 'jalon verify');
    expect(printedHash(verify.stdout)).toBe(demoHead);
  });
});
