/**
 * A throwaway PostgreSQL for tests (DESIGN.md "Tests"). `startPostgres()` gives a fresh, empty
 * database: inside the server JALON_TEST_PG names when it is set, else on a new cluster that
 * initdb + pg_ctl create in a temp dir (as the `postgres` OS user when running as root), on a free
 * port of 127.0.0.1 with trust auth and fsync off. The binaries are JALON_PG_BIN's, else those of
 * the newest /usr/lib/postgresql/N. `stop()` drops what it made; whatever is still running when
 * the process exits (or is interrupted) is stopped then. postgres-replication.ts builds a primary
 * and a synchronous standby from the cluster functions exported here.
 *
 *   const pg = await startPostgres();            // in beforeAll
 *   const url = await pg.createDatabase();       // another empty database, same server
 *   await pg.stop();                             // in afterAll
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';

export interface TestPostgres {
  /** A fresh, empty database of its own: `postgres://…/jalon_…`. */
  url: string;
  /** One more fresh, empty database on the same server. */
  createDatabase(): Promise<string>;
  /** How long the server took to start, in ms (0 when JALON_TEST_PG named one). */
  startMs: number;
  stop(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';
/** JALON_PG_BIN, else the newest /usr/lib/postgresql/N/bin that holds initdb (Debian's layout). */
export const PG_BIN = process.env.JALON_PG_BIN ?? newestPgBin(PG_ROOT);
const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;

/** `ROOT/N/bin` for the highest version N that has initdb and pg_ctl; a path naming the glob when none does. */
export function newestPgBin(root: string): string {
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+(\.\d+)?$/.test(name)) : [];
  const usable = versions
    .filter((version) => ['initdb', 'pg_ctl'].every((binary) => existsSync(join(root, version, 'bin', binary))))
    .sort((a, b) => Number(b) - Number(a));
  return usable.length > 0 ? join(root, usable[0], 'bin') : `${root}/*/bin`;
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can. Under CI=true they always
 * must (a missing server then fails the tests, with the reason).
 */
export function postgresSkipReason(): string | undefined {
  if (process.env.CI === 'true' || process.env.JALON_TEST_PG) return undefined;
  return clusterSkipReason();
}

/** Why this machine cannot start clusters of its own (JALON_TEST_PG cannot stand in for them). */
export function clusterSkipReason(): string | undefined {
  if (!existsSync(join(PG_BIN, 'initdb')) || !existsSync(join(PG_BIN, 'pg_ctl'))) {
    return `no PostgreSQL binaries in ${PG_BIN} (set JALON_TEST_PG=postgres://… or JALON_PG_BIN)`;
  }
  if (isRoot && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root without a postgres OS user';
  return undefined;
}

/**
 * The pg driver, loaded on demand so that a process that cannot load it says why. Vitest hands its
 * `ssr.resolve.conditions` to Node as --conditions; with `import` among them, pg's CommonJS
 * require('pg-pool') gets pg-pool's ES module build and fails with "Class extends value [object
 * Module] is not a constructor" (vitest.config.ts must leave `import` out of those conditions).
 */
export async function loadPg(): Promise<typeof pg> {
  try {
    return (await import('pg')).default;
  } catch (error) {
    const hint = process.execArgv.join(' ').includes('--conditions import')
      ? ' — this process runs with `--conditions import` (Vitest ssr.resolve.conditions): remove `import` there'
      : '';
    throw new Error(`cannot load the pg driver: ${(error as Error).message}${hint}`, { cause: error });
  }
}

export async function startPostgres(): Promise<TestPostgres> {
  const external = process.env.JALON_TEST_PG;
  return external ? onExternalServer(external) : onNewCluster();
}

// ---------------------------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------------------------

let databases = 0;

/** Creates an empty database through `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  databases += 1;
  const name = `jalon_t${process.pid}_${databases}_${randomBytes(3).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new (await loadPg()).Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** JALON_TEST_PG: databases inside a server someone else runs, dropped again by stop(). */
async function onExternalServer(adminUrl: string): Promise<TestPostgres> {
  const made: string[] = [];
  const make = async () => {
    const url = await createDatabase(adminUrl);
    made.push(url);
    return url;
  };
  const url = await make();
  const stop = async () => {
    const names = made.splice(0).map((made) => new URL(made).pathname.slice(1));
    await withClient(adminUrl, async (client) => {
      for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  };
  return { url, createDatabase: make, startMs: 0, stop };
}

// ---------------------------------------------------------------------------------------------
// Clusters
// ---------------------------------------------------------------------------------------------

/** Server settings (`-c name=value`) beyond the port, socket dir and listen address. */
export type Settings = Record<string, string>;

/** A throwaway cluster: everything in `dir` (data in dir/data, logs beside it). */
export interface Cluster {
  dir: string;
  port: number;
  settings: Settings;
}

/** Fast and fragile: a SIGKILLed process keeps what it wrote (the OS does), a lost machine would not. */
const SCRATCH_SETTINGS: Settings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

export const adminUrlOf = (cluster: Cluster): string => `postgres://postgres@127.0.0.1:${cluster.port}/postgres`;

/** Clusters still running, stopped synchronously if the process ends first. */
const running = new Set<Cluster>();

async function onNewCluster(): Promise<TestPostgres> {
  const started = Date.now();
  const cluster = await initCluster();
  const adminUrl = adminUrlOf(cluster);
  const url = await createDatabase(adminUrl).catch(async (error: unknown) => {
    await stopCluster(cluster);
    throw error;
  });
  let stopped: Promise<void> | undefined;
  return {
    url,
    createDatabase: () => createDatabase(adminUrl),
    startMs: Date.now() - started,
    stop: () => (stopped ??= stopCluster(cluster)),
  };
}

/** A fresh temp dir owned by the postgres OS user, stopped and removed at exit unless stopCluster() ran. */
export function newCluster(settings: Settings = SCRATCH_SETTINGS): Cluster {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-pg-'));
  if (isRoot) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  const cluster: Cluster = { dir, port: 0, settings: { max_connections: '200', ...settings } };
  running.add(cluster);
  installExitCleanup();
  return cluster;
}

/** initdb into a fresh temp dir, then start on a free port. */
export async function initCluster(settings?: Settings): Promise<Cluster> {
  const cluster = newCluster(settings);
  try {
    await asPostgres(cluster.dir, 'initdb', ['-D', join(cluster.dir, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8',
      '--locale=C', '--no-sync', '--no-instructions']);
    await startOnFreePort(cluster);
    return cluster;
  } catch (error) {
    await stopCluster(cluster);
    throw error;
  }
}

/** Starts the cluster's data dir on a free port (retried if someone takes the port meanwhile). */
export async function startOnFreePort(cluster: Cluster): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    cluster.port = await freePort();
    const failure = await startServer(cluster);
    if (failure === undefined) return;
    if (attempt === 3 || !/already in use/i.test(failure)) throw new Error(`PostgreSQL did not start:\n${failure}`);
  }
}

/** pg_ctl start; returns undefined on success, else what went wrong with the server's log. */
async function startServer({ dir, port, settings }: Cluster): Promise<string | undefined> {
  const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1',
    ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)];
  const log = join(dir, `server-${port}.log`);
  try {
    await asPostgres(dir, 'pg_ctl', ['start', '-w', '-t', '60', '-D', join(dir, 'data'), '-l', log,
      '-o', options.join(' ')]);
    return undefined;
  } catch (error) {
    const text = existsSync(log) ? readFileSync(log, 'utf8') : '(no server log)';
    return `${(error as Error).message}\n--- ${log}\n${text}`;
  }
}

/** Stops the server (if it still runs) and removes its directory. */
export async function stopCluster(cluster: Cluster): Promise<void> {
  running.delete(cluster);
  await asPostgres(cluster.dir, 'pg_ctl', ['stop', '-m', 'immediate', '-w', '-D', join(cluster.dir, 'data')])
    .catch(() => undefined);
  rmSync(cluster.dir, { recursive: true, force: true });
}

/** Runs a PostgreSQL binary as the postgres OS user (initdb and pg_ctl refuse to run as root). */
export async function asPostgres(cwd: string, binary: string, args: string[]): Promise<void> {
  const command = isRoot ? ['runuser', '-u', 'postgres', '--', join(PG_BIN, binary), ...args] : [join(PG_BIN, binary), ...args];
  try {
    await run(command[0], command.slice(1), { cwd, timeout: 90_000 });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${binary} failed: ${(error as Error).message}\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function uidOf(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}

function gidOf(user: string): number {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}

// ---------------------------------------------------------------------------------------------
// Cleanup when the process ends without stop()
// ---------------------------------------------------------------------------------------------

let cleanupInstalled = false;

function stopAllNow(): void {
  for (const { dir } of running) {
    const pgCtl = [join(PG_BIN, 'pg_ctl'), 'stop', '-m', 'immediate', '-w', '-D', join(dir, 'data')];
    const command = isRoot ? ['runuser', '-u', 'postgres', '--', ...pgCtl] : pgCtl;
    spawnSync(command[0], command.slice(1), { cwd: dir, stdio: 'ignore', timeout: 30_000 });
    rmSync(dir, { recursive: true, force: true });
  }
  running.clear();
}

/** On exit, and on a signal (then dying of it as if unhandled, unless someone else handles it). */
function installExitCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', stopAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      stopAllNow();
      process.off(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
